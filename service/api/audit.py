"""Audit: a row for every call (refusals too), and the view that reads them back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from flask import Flask, Response, g, request
from flask_smorest import Blueprint
from marshmallow import Schema, fields

from schemas.fields import StoredDateTime, record_id_field
from service import audit
from service.api.auth import current_user, requires
from service.api.transaction import finish, init_transactions, who
from service.auth.permissions import Action
from service.extensions import db
from service.models.audit import AuditEvent

blp = Blueprint("audit", __name__, url_prefix="/audit", description="Audit trail")
UNAUDITED = frozenset({"health.health", "docs_assets.static", "web.static"})
# URL parameters that name a record, and the record type they name.
RECORD_ID_LENGTH = AuditEvent.record_id.type.length or 64
RECORD_ARGS = {
    "aor_id": "aor",
    "form_id": "form",
    "document_id": "document",
    "slip_id": "slip",
    "draft_id": "draft",
    "job_id": "job",
}


def init_audit(app: Flask) -> None:
    init_transactions(app)
    app.after_request(_record)


def note_record(record_type: str, record_id: int | str) -> None:
    """Name the record a call created, for the audit row (the URL cannot name it yet)."""
    g.audit_record = (record_type, str(record_id))


def note_records(record_type: str, record_ids: Sequence[int | str]) -> None:
    """Name the records a call touched: as many ids as the audit column holds, then a count."""
    shown: list[str] = []
    for index, one_id in enumerate(record_ids):
        rest = len(record_ids) - index - 1
        candidate = ",".join([*shown, str(one_id)]) + (f",+{rest} more" if rest else "")
        if len(candidate) > RECORD_ID_LENGTH:
            note_record(record_type, ",".join(shown) + f",+{len(record_ids) - index} more")
            return
        shown.append(str(one_id))
    note_record(record_type, ",".join(shown))


def _record(response: Response) -> Response:
    if request.endpoint in UNAUDITED or request.endpoint is None:
        return finish(response, None)
    user_id, role = who()
    record_type, record_id = g.get("audit_record") or _record_from_url()
    return finish(
        response,
        audit.Access(
            user_id=user_id,
            role=role,
            action=request.endpoint,
            method=request.method,
            record_type=record_type,
            record_id=record_id,
            status=response.status_code,
            remote_addr=request.remote_addr,
        ),
    )


def _record_from_url() -> tuple[str | None, str | None]:
    for arg, record_type in RECORD_ARGS.items():
        if request.view_args and arg in request.view_args:
            return record_type, str(request.view_args[arg])
    return None, None


def _moment(bound: str) -> fields.AwareDateTime:
    # A timestamp with no offset is read as UTC, the offset every answered ``at`` carries.
    description = (
        f"ISO 8601 timestamp, rows at or {bound} it; give an offset (-08:00, Z), "
        "or it is read as UTC"
    )
    return fields.AwareDateTime(
        load_default=None, default_timezone=dt.UTC, metadata={"description": description}
    )


class AuditQuerySchema(Schema):
    user_id = record_id_field(load_default=None)
    record_type = fields.String(load_default=None)
    record_id = fields.String(load_default=None)
    since = _moment("after")
    until = _moment("before")


class AuditEventSchema(Schema):
    id = fields.Integer()
    at = StoredDateTime()
    user_id = fields.Integer(allow_none=True)
    role = fields.String(allow_none=True)
    action = fields.String()
    method = fields.String()
    record_type = fields.String(allow_none=True)
    record_id = fields.String(allow_none=True)
    status = fields.Integer()
    outcome = fields.String()
    remote_addr = fields.String(allow_none=True)


@blp.route("")
@requires(Action.READ_AUDIT)
@blp.arguments(AuditQuerySchema, location="query", as_kwargs=True)
@blp.response(200, AuditEventSchema(many=True))
def read_audit(**filters: Any) -> Any:
    """Read the audit trail, filtered by user, record and time: a supervisor reads their unit's
    rows (by its accounts, or about its records), an admin the whole trail."""
    return audit.search(db.session, current_user(), **filters)
