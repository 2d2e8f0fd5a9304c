"""Cases API: assign a case to an EC, list the unit's assignments."""

from __future__ import annotations

from typing import Any

from flask_smorest import Blueprint
from marshmallow import Schema, fields

from service import case_plans, cases
from service.api.audit import note_record
from service.api.auth import current_user, requires
from service.auth.permissions import Action
from service.extensions import db
from service.jsonable import jsonable
from service.openapi import json_response

blp = Blueprint("cases", __name__, url_prefix="/cases", description="Case assignment")


ASSIGNMENT = {
    "type": "object",
    "required": ["case_number", "ec", "assigned_at"],
    "properties": {
        "case_number": {"type": "string"},
        "ec": {"type": "string", "nullable": True},
        "unit": {"type": "string", "nullable": True},
        "assigned_at": {"type": "string"},
    },
}


class AssignSchema(Schema):
    ec = fields.String(required=True, metadata={"description": "the EC's username"})


@blp.route("/<case_number>", methods=["PUT"])
@requires(Action.ASSIGN_CASES)
@blp.arguments(AssignSchema)
@blp.doc(responses={"200": json_response("The assignment", ASSIGNMENT)})
def assign_case(body: dict[str, str], case_number: str) -> dict[str, Any]:
    """Assign a case to an EC (supervisors: within their unit)."""
    assignment = cases.assign_case(db.session, case_number, body["ec"], current_user())
    db.session.commit()
    note_record("case", assignment.case_number)
    return cases.describe(db.session, assignment)


@blp.route("")
@requires(Action.ASSIGN_CASES)
@blp.doc(
    responses={"200": json_response("The assignments", {"type": "array", "items": ASSIGNMENT})}
)
def list_assignments() -> list[dict[str, Any]]:
    """List case assignments (a supervisor's unit, or all for an admin)."""
    found = cases.assignments(db.session, current_user())
    return [cases.describe(db.session, a) for a in found]


@blp.route("/<case_number>/plans")
@requires(Action.READ_DOCUMENTS)
@blp.doc(responses={"200": json_response("The parents' plans and hours", {"type": "object"})})
def list_case_plans(case_number: str) -> dict[str, Any]:
    """Each parent's latest WTW 2 in the case, their weekly hours and the combined hours."""
    found = case_plans.case_plans(db.session, current_user(), case_number)
    note_record("case", found["case_number"])
    return jsonable(found)
