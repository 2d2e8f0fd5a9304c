"""Health check: the one endpoint open to everybody."""

from __future__ import annotations

from flask_smorest import Blueprint

blp = Blueprint("health", __name__, url_prefix="/health", description="Service health")


@blp.route("")
def health() -> dict[str, str]:
    """Report that the service is up."""
    return {"status": "ok"}
