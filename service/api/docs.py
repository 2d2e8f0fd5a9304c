"""Swagger UI's files, served from the swagger-ui-bundle package rather than a CDN."""

from __future__ import annotations

from flask import Blueprint
from swagger_ui_bundle import swagger_ui_path

blp = Blueprint(
    "docs_assets",
    __name__,
    static_folder=swagger_ui_path,
    static_url_path="/api/v1/docs/assets",
)
