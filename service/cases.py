"""Case assignment: which EC a case belongs to (and so which unit sees it)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from schemas.fields import normalise_code
from service.auth.accounts import get_user, now
from service.auth.permissions import Role
from service.errors import DomainError, Forbidden
from service.models.user import CaseAssignment, User

CASE_NUMBER = re.compile(r"^[A-Za-z0-9]{7,10}$")


class AssignmentError(DomainError):
    status = 422


def assign_case(session: Session, case_number: str, ec_username: str, by: User) -> CaseAssignment:
    """Assign a case to an EC; a supervisor may assign only to and from their own unit."""
    case_number = normalise_code(case_number)
    if not CASE_NUMBER.match(case_number):
        raise AssignmentError("case_number: 7 to 10 letters and digits")
    ec = get_user(session, ec_username)
    if ec.role != Role.EC or not ec.active:
        raise AssignmentError(f"ec: '{ec_username}' is not an active EC account")
    current = session.get(CaseAssignment, case_number)
    if by.role == Role.SUPERVISOR:
        units = {ec.unit} | ({current.unit} if current else set())
        if units != {by.unit}:
            raise Forbidden("A supervisor assigns cases within their own unit.")
    return put_assignment(session, case_number, ec, now())


def put_assignment(session: Session, case_number: str, ec: User, at: dt.datetime) -> CaseAssignment:
    """Give the case to ``ec`` (and so to their unit), creating the assignment if new."""
    case_number = normalise_code(case_number)
    assignment = session.get(CaseAssignment, case_number)
    if assignment is None:
        assignment = CaseAssignment(case_number=case_number, ec_id=ec.id, assigned_at=at)
        session.add(assignment)
    assignment.ec_id, assignment.unit, assignment.assigned_at = ec.id, ec.unit, at
    return assignment


def assignments(session: Session, viewer: User) -> Sequence[CaseAssignment]:
    """The assignments a supervisor's unit holds (all of them for an admin)."""
    query = select(CaseAssignment).order_by(CaseAssignment.case_number)
    if viewer.role == Role.SUPERVISOR:
        query = query.where(CaseAssignment.unit == viewer.unit)
    return session.scalars(query).all()


def describe(session: Session, assignment: CaseAssignment) -> dict[str, object]:
    ec = session.get(User, assignment.ec_id)
    return {
        "case_number": assignment.case_number,
        "ec": ec.username if ec else None,
        "unit": assignment.unit,
        "assigned_at": assignment.assigned_at.isoformat(),
    }
