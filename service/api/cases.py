"""Cases API: assign a case to an EC, list the unit's assignments."""

from __future__ import annotations

from typing import Any

from flask import request
from flask_smorest import Blueprint
from marshmallow import Schema, fields

from service import case_assignments, case_plans, cases
from service.api.audit import note_record, note_records
from service.api.auth import current_user, requires
from service.auth.accounts import now
from service.auth.permissions import Action
from service.errors import BadRequestBody
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


ASSIGNMENTS_BODY = {
    "description": "The cases and their ECs (username or worker number): JSON, or a CSV file of "
    "case_number,ec lines (a first line of column names is skipped)",
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "required": ["assignments"],
                "properties": {
                    "assignments": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["case_number", "ec"],
                            "properties": {
                                "case_number": {"type": "string"},
                                "ec": {"type": "string"},
                            },
                        },
                    }
                },
            }
        },
        "text/csv": {"schema": {"type": "string"}},
    },
}
SUMMARY = {
    "type": "object",
    "properties": {
        key: {"type": "array", "items": {"type": "string"}}
        for key in ("assigned", "reassigned", "unchanged")
    },
}


@blp.route("/assignments", methods=["POST"])
@requires(Action.ASSIGN_CASES)
@blp.doc(
    requestBody=ASSIGNMENTS_BODY,
    responses={"200": json_response("What changed: case numbers by outcome", SUMMARY)},
)
def assign_cases() -> dict[str, Any]:
    """Assign many cases at once: every row checked first, then all applied or none."""
    summary = case_assignments.assign_rows(db.session, _rows(), current_user(), now())
    db.session.commit()
    if summary.assigned or summary.reassigned:
        note_records("case", [*summary.assigned, *summary.reassigned])
    return vars(summary)


def _rows() -> list[case_assignments.Row]:
    """The rows of the body: a CSV (text/csv, or a multipart ``file``) or a JSON list."""
    if request.mimetype == "text/csv":
        return case_assignments.read_csv(request.get_data(as_text=True))
    if "file" in request.files:
        return case_assignments.read_csv(request.files["file"].read().decode("utf-8", "replace"))
    body = request.get_json(silent=True)
    given = body.get("assignments") if isinstance(body, dict) else None
    if not isinstance(given, list) or not all(isinstance(item, dict) for item in given):
        raise BadRequestBody('send {"assignments": [{"case_number": ..., "ec": ...}]} or a CSV')
    return [
        case_assignments.Row(n, str(item.get("case_number") or ""), str(item.get("ec") or ""))
        for n, item in enumerate(given, start=1)
    ]


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
