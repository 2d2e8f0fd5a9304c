"""Default settings; environment variables prefixed WTWFORMS_ override them."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Config:
    """Settings for running the service; tests and deployments override single keys."""

    API_TITLE = "wtwforms"
    API_VERSION = "v1"
    OPENAPI_VERSION = "3.0.3"
    OPENAPI_URL_PREFIX = "/api/v1"
    OPENAPI_JSON_PATH = "openapi.json"
    OPENAPI_SWAGGER_UI_PATH = "/docs"
    # Served from the swagger-ui-bundle package: the docs page loads nothing from the internet.
    OPENAPI_SWAGGER_UI_URL = "/api/v1/docs/assets/"
    API_SPEC_OPTIONS: ClassVar[dict[str, Any]] = {
        "info": {
            "description": "Welfare-to-Work forms filled from validated case data.",
        }
    }
    DATA_DIR = str(PROJECT_ROOT / "data")
    # None: SQLite under DATA_DIR. DATABASE_URL in the environment names another database.
    DATABASE_URL: str | None = None
    AUTO_MIGRATE = True
    MAX_CONTENT_LENGTH = 2 * 1024 * 1024
    AOR_MAX_BYTES = 10 * 1024 * 1024
    AOR_MAX_PAGES = 20
    AOR_READ_SECONDS = 20.0
    AOR_READ_MEMORY_MB = 1024
    JSON_MAX_ITEMS = 500
