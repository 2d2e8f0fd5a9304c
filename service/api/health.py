"""Health check: the one endpoint open to everybody."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import current_app
from flask_smorest import Blueprint
from marshmallow import Schema, fields

from service import health as probes
from service.extensions import db, office
from service.storage import backend_of

blp = Blueprint("health", __name__, url_prefix="/health", description="Service health")


class HealthSchema(Schema):
    """What the service depends on, each part as it is now."""

    status = fields.String(metadata={"enum": ["ok", "degraded", "down"]})
    database = fields.Dict(metadata={"description": '{"up": bool}'})
    storage = fields.Dict(
        metadata={
            "description": '{"backend": "local|database", "writable": bool, '
            '"free_bytes": int (null for the database backend)}'
        }
    )
    pdf = fields.Dict(
        metadata={
            "description": '{"state": "ready|starting|short|idle|unavailable", '
            '"workers": int, "starting": int, "target": int}; with a broker '
            '{"state": "remote", "queue": "reachable|unreachable", "waiting": int}'
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
    queue = probes.queue(config.get("BROKER_URL"))
    report = {
        "database": probes.database(db.engine),
        "storage": _storage(config),
        "pdf": _pdf(queue) if office.remote else probes.pdf(office.pool),
        "queue": queue,
    }
    status = probes.overall(report)
    return {"status": status, **report}, 503 if status == "down" else 200


def _pdf(queue: dict[str, Any]) -> dict[str, Any]:
    """With a broker: PDFs are converted by "pdf" workers, none here; the queue's state and
    the conversions waiting for a worker."""
    from service.jobs.remote import CONVERT, waiting

    return {"state": "remote", "queue": queue["state"], "waiting": waiting(db.session, CONVERT)}


def _storage(config: Mapping[str, Any]) -> dict[str, Any]:
    if backend_of(config) == "database":
        return probes.stored_rows(db.engine)
    return probes.storage(Path(config["DATA_DIR"]))
