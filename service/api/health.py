"""Health check: the one endpoint open to everybody."""

from __future__ import annotations

from flask_smorest import Blueprint

from service.extensions import office

blp = Blueprint("health", __name__, url_prefix="/health", description="Service health")


@blp.route("")
def health() -> dict[str, str]:
    """Report that the service is up, and whether PDF output is ready."""
    return {"status": "ok", "pdf": office.state()}
