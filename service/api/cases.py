"""Cases API: assign a case to an EC, list the unit's assignments."""

from __future__ import annotations

from typing import Any

from flask_smorest import Blueprint
from marshmallow import Schema, fields

from service import cases
from service.api.audit import note_record
from service.api.auth import current_user, requires
from service.auth.permissions import Action
from service.extensions import db

blp = Blueprint("cases", __name__, url_prefix="/cases", description="Case assignment")


class AssignSchema(Schema):
    ec = fields.String(required=True, metadata={"description": "the EC's username"})


@blp.route("/<case_number>", methods=["PUT"])
@requires(Action.ASSIGN_CASES)
@blp.arguments(AssignSchema)
def assign_case(body: dict[str, str], case_number: str) -> dict[str, Any]:
    """Assign a case to an EC (supervisors: within their unit)."""
    assignment = cases.assign_case(db.session, case_number, body["ec"], current_user())
    db.session.commit()
    note_record("case", assignment.case_number)
    return cases.describe(db.session, assignment)


@blp.route("")
@requires(Action.ASSIGN_CASES)
def list_assignments() -> list[dict[str, Any]]:
    """List case assignments (a supervisor's unit, or all for an admin)."""
    found = cases.assignments(db.session, current_user())
    return [cases.describe(db.session, a) for a in found]
