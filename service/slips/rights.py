"""Who may file a 50-20e for a case, whose name it carries, and when its move needs approval."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from schemas.fields import normalise_code
from service.auth.permissions import Role
from service.errors import DomainError, Forbidden, InvalidInput
from service.models.slip import RoutingSlip
from service.models.user import CaseAssignment, User
from service.rules.catalog import rule

CLOSED_FILES = "closed_files"
NAME_LENGTH = 80  # the form's from_ec.name


class NotTheCaseHolder(Forbidden):
    def __init__(self) -> None:
        super().__init__(
            "This case is held by another EC: only that EC or their unit's supervisor "
            "may file a 50-20e for it."
        )


class MoveNotApproved(DomainError):
    status = 409


def with_sender(payload: Any, user: User) -> Any:
    """The payload with ``from_ec`` taken from the signed-in account; only the office is typed
    (accounts have none), so nobody can file a slip in another EC's name."""
    if not isinstance(payload, dict):
        return payload  # the form's own check refuses it
    facts = {"from_ec.worker_number": user.worker_number, "from_ec.unit": user.unit}
    missing = {
        path: [
            f"This account has no {path.split('.')[1].replace('_', ' ')}; an administrator "
            "must add it before the account can file a 50-20e."
        ]
        for path, value in facts.items()
        if not value
    }
    if missing:
        raise InvalidInput(missing)
    typed = payload.get("from_ec")
    sender = {
        "name": user.display_name[:NAME_LENGTH],
        "worker_number": user.worker_number,
        "unit": user.unit,
        "office": typed.get("office") if isinstance(typed, dict) else None,
    }
    return {**payload, "from_ec": sender}


def sending_unit(session: Session, user: User, case_number: str) -> str | None:
    """The unit a slip takes the case from; refuses an account that does not hold the case.

    A case nobody holds yet (a new intake) may be filed by any EC or supervisor, from their unit.
    """
    held = session.get(CaseAssignment, normalise_code(case_number))
    if held is None:
        return user.unit
    if not holds(user, held):
        raise NotTheCaseHolder()
    return held.unit


def holds(user: User | None, held: CaseAssignment) -> bool:
    """The EC the case is assigned to, or the supervisor of its unit."""
    return user is not None and (user.id == held.ec_id or supervises(user, held.unit))


def supervises(user: User | None, unit: str | None) -> bool:
    return user is not None and user.role == Role.SUPERVISOR and bool(unit) and user.unit == unit


def receivers(session: Session, worker_number: str) -> Sequence[User]:
    """The active EC accounts with this worker number (one, when the case can go to them)."""
    query = select(User).where(
        func.upper(User.worker_number) == worker_number.upper(),
        User.role == Role.EC,
        User.active.is_(True),
    )
    return session.scalars(query).all()


@rule("50-20e")
def needs_approval(session: Session, data: dict[str, Any], unit: str | None) -> bool:
    """Closed files always (Handbook 42-7.38 II.J.2); a transfer or assignment when it takes the
    case out of ``unit`` (Handbook 42-7.38 III.B: the supervisor reviews every 50-20e out of unit).

    The receiving unit is the receiving account's when one EC has the worker number on the
    slip (that is where routing sends the case), else the unit typed on the slip.
    """
    if data["action"] == CLOSED_FILES:
        return True
    found = receivers(session, data["to_ec"]["worker_number"])
    receiving = found[0].unit if len(found) == 1 else data["to_ec"]["unit"]
    return not same_unit(receiving, unit)


def same_unit(one: str | None, other: str | None) -> bool:
    return bool(one and other) and str(one).strip().casefold() == str(other).strip().casefold()


def check_move(session: Session, slip: RoutingSlip, receiver: User | None) -> None:
    """At routing, again: the slip's maker may still move the case, and a move out of the
    case's unit was approved by that unit's supervisor. A slip that fails waits for nobody:
    the EC who holds the case files a new one."""
    held = session.get(CaseAssignment, slip.case_number)
    unit = held.unit if held else slip.unit
    approver = session.get(User, slip.approved_by_id) if slip.approved_by_id else None
    approved = supervises(approver, unit)
    if held and not approved and not holds(session.get(User, slip.created_by_id), held):
        raise MoveNotApproved(
            f"The case on routing slip {slip.id} was reassigned after the slip was made; "
            "the EC who now holds it must file a new slip."
        )
    leaves = receiver is not None and not same_unit(receiver.unit, unit)
    if (leaves or slip.action == CLOSED_FILES) and not approved:
        raise MoveNotApproved(
            f"Routing slip {slip.id} takes the case out of unit {unit or '(none)'} without "
            "that unit's supervisor's approval; the EC must file a new slip."
        )
