"""Health check: the one endpoint open to everybody."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import current_app
from flask_smorest import Blueprint
from marshmallow import Schema, fields

from service import health as probes
from service.extensions import db, office

blp = Blueprint("health", __name__, url_prefix="/health", description="Service health")


class HealthSchema(Schema):
    """What the service depends on, each part as it is now."""

    status = fields.String(metadata={"enum": ["ok", "degraded", "down"]})
    database = fields.Dict(metadata={"description": '{"up": bool}'})
    storage = fields.Dict(metadata={"description": '{"writable": bool, "free_bytes": int}'})
    pdf = fields.Dict(
        metadata={
            "description": '{"state": "ready|starting|short|idle|unavailable", '
            '"workers": int, "starting": int, "target": int}'
        }
    )
    queue = fields.Dict(
        metadata={
            "description": '{"configured": bool, "state": "not configured|reachable|unreachable"}'
        }
    )


@blp.route("")
@blp.response(200, HealthSchema)
@blp.alt_response(503, schema=HealthSchema, description="The database or file storage is down")
def health() -> tuple[dict[str, Any], int]:
    """Report the service's health: ``status`` is "ok", "degraded" (PDF workers short of their
    target, or the job queue unreachable: some requests fail) or "down" (the database does not
    answer or files cannot be written: answered 503), with each part's details."""
    config = current_app.config
    report = {
        "database": probes.database(db.engine),
        "storage": probes.storage(Path(config["DATA_DIR"])),
        "pdf": probes.pdf(office.pool),
        "queue": probes.queue(config.get("BROKER_URL")),
    }
    status = probes.overall(report)
    return {"status": status, **report}, 503 if status == "down" else 200
