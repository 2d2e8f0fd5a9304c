"""The 50-20e workflow: create, approve or send back, correct and route, each step on the slip."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any, cast

from sqlalchemy import CursorResult, update
from sqlalchemy.orm import Session

from service import documents
from service.auth.permissions import Role
from service.cases import put_assignment
from service.errors import DomainError, Forbidden, InvalidInput
from service.jsonable import jsonable
from service.models.slip import RoutingSlip, SlipEvent
from service.models.user import User
from service.slips import rights as slip_rights
from service.slips.records import (
    FORM_ID,
    Status,
    county_date,
    fill,
    get_slip,
)
from service.slips.rights import CLOSED_FILES
from service.slips.routing_rules import routing_errors


class Step(StrEnum):
    CREATED = "created"
    APPROVED = "approved"
    SENT_BACK = "sent_back"
    RESUBMITTED = "resubmitted"
    ROUTED = "routed"


# The state machine: each step moves a slip from one status to another, and from no other.
MOVES: dict[Step, tuple[Status, Status]] = {
    Step.APPROVED: (Status.PENDING_APPROVAL, Status.QUEUED),
    Step.SENT_BACK: (Status.PENDING_APPROVAL, Status.SENT_BACK),
    Step.RESUBMITTED: (Status.SENT_BACK, Status.PENDING_APPROVAL),
    Step.ROUTED: (Status.QUEUED, Status.ROUTED),
}
VERBS = {
    Step.APPROVED: "approved",
    Step.SENT_BACK: "sent back",
    Step.RESUBMITTED: "corrected and resubmitted",
    Step.ROUTED: "routed",
}


class WrongStatus(DomainError):
    status = 409

    def __init__(self, slip: RoutingSlip, step: Step) -> None:
        source = MOVES[step][0]
        super().__init__(
            f"Routing slip {slip.id} is {slip.status}; only a slip that is {source} "
            f"can be {VERBS[step]}."
        )


@dataclass(frozen=True)
class Routing:
    """What clerical staff record: where the case went, on which day, and their initials."""

    routed_to: str
    routed_on: dt.date
    initials: str


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def validate(payload: Any, today: dt.date | None = None) -> documents.CheckResult:
    """The 50-20e's schema and rules, exactly as the forms API checks them; raises when invalid."""
    result = documents.check(FORM_ID, payload, today)
    ev = result.evaluation
    if not ev.ok:
        raise InvalidInput(ev.errors, ev.warnings, jsonable(ev.computed))
    return result


def create_slip(
    session: Session, user: User, payload: Any, at: dt.datetime | None = None
) -> tuple[RoutingSlip, documents.CheckResult]:
    """A new slip, sent by the signed-in account for a case it holds (or nobody holds yet).

    Closed files, and moves out of the case's unit, wait for that unit's supervisor; the rest
    queue at once.
    """
    at = at or now()
    payload, result, unit, waits = _destination(session, user, payload, at)
    slip = RoutingSlip(
        case_number=result.data["case_number"],
        action=result.data["action"],
        payload=_as_sent(payload),
        status=Status.PENDING_APPROVAL if waits else Status.QUEUED,
        unit=unit,
        created_by_id=user.id,
        created_at=at,
        updated_at=at,
    )
    note = "Sent to the unit supervisor for approval." if waits else "Queued for routing."
    slip.events.append(SlipEvent(at=at, user_id=user.id, step=Step.CREATED, note=note))
    session.add(slip)
    session.commit()
    return slip, result


def waits_for_approval(
    session: Session, user: User, payload: Any, at: dt.datetime | None = None
) -> bool:
    """Whether a slip made now from ``payload`` would wait for the unit's supervisor, so a page
    can say so before sending; refuses what ``create_slip`` refuses."""
    return _destination(session, user, payload, at or now())[3]


def _destination(
    session: Session, user: User, payload: Any, at: dt.datetime
) -> tuple[dict[str, Any], documents.CheckResult, str | None, bool]:
    """The payload in the sender's name, its check, the unit it leaves, and whether it waits."""
    payload = slip_rights.with_sender(payload, user)
    result = validate(payload, county_date(at))
    unit = slip_rights.sending_unit(session, user, result.data["case_number"])
    return payload, result, unit, slip_rights.needs_approval(session, result.data, unit)


def _as_sent(payload: dict[str, Any]) -> dict[str, Any]:
    # The approval and routing blocks are the workflow's to fill; an EC's entries there are dropped.
    return {**payload, "supervisor": None, "clerical": None}


def approve(
    session: Session, slip_id: int, user: User, at: dt.datetime | None = None
) -> RoutingSlip:
    """The unit supervisor approves a slip; it goes to the clerical queue."""
    at = at or now()
    slip = get_slip(session, slip_id, user)
    _check_supervises(user, slip)
    _check_status(slip, Step.APPROVED)
    day = county_date(at)
    validate(fill(slip.payload, approval=(user.display_name, day)), day)
    slip.approved_by_id, slip.approved_at = user.id, at
    _advance(session, slip, Step.APPROVED, user, at, f"Approved on {day:%m/%d/%Y}.")
    session.commit()
    return slip


def send_back(
    session: Session, slip_id: int, user: User, reason: str, at: dt.datetime | None = None
) -> RoutingSlip:
    """The unit supervisor returns a slip to its EC, saying what to correct."""
    slip = get_slip(session, slip_id, user)
    _check_supervises(user, slip)
    _check_status(slip, Step.SENT_BACK)
    reason = reason.strip()
    if not reason:
        raise InvalidInput({"reason": ["Say what the EC should correct."]})
    slip.sent_back_reason = reason
    _advance(session, slip, Step.SENT_BACK, user, at or now(), reason)
    session.commit()
    return slip


def resubmit(
    session: Session, slip_id: int, user: User, payload: Any, at: dt.datetime | None = None
) -> tuple[RoutingSlip, documents.CheckResult]:
    """The EC who made a sent-back slip corrects it; it goes back to the supervisor."""
    at = at or now()
    slip = correctable(session, slip_id, user)
    payload = slip_rights.with_sender(payload, user)
    result = validate(payload, county_date(at))
    slip_rights.sending_unit(session, user, slip.case_number)
    changed = {
        key: [f"A slip keeps its {key.replace('_', ' ')}; make a new slip instead."]
        for key, kept in (("case_number", slip.case_number), ("action", slip.action))
        if str(result.data[key]).upper() != kept.upper()
    }
    if changed:
        raise InvalidInput(changed)
    slip.payload, slip.sent_back_reason = _as_sent(payload), None
    _advance(session, slip, Step.RESUBMITTED, user, at, "Corrected and sent for approval.")
    session.commit()
    return slip, result


def correctable(session: Session, slip_id: int, user: User) -> RoutingSlip:
    """The sent-back slip ``user`` made, to correct; refuses anyone else's, or one not sent back."""
    slip = get_slip(session, slip_id, user)
    if slip.created_by_id != user.id:
        raise Forbidden(f"Only the EC who made routing slip {slip_id} may correct it.")
    _check_status(slip, Step.RESUBMITTED)
    return slip


def route(
    session: Session, slip_id: int, user: User, routing: Routing, at: dt.datetime | None = None
) -> tuple[RoutingSlip, str | None]:
    """Clerical staff route a queued slip; an assignment or transfer moves the case's EC.

    Answers the slip and, for an assignment or transfer, what became of the case's assignment.
    """
    at = at or now()
    slip = get_slip(session, slip_id, user)
    _check_status(slip, Step.ROUTED)
    data = _check_routing(session, slip, routing, county_date(at))
    worker = None if slip.action == CLOSED_FILES else data["to_ec"]["worker_number"]
    found = slip_rights.receivers(session, worker) if worker else []
    slip_rights.check_move(session, slip, found[0] if len(found) == 1 else None)
    slip.routed_to, slip.routed_on = routing.routed_to, routing.routed_on
    slip.routed_initials, slip.routed_by_id = routing.initials.upper(), user.id
    assignment = None if worker is None else _reassign(session, slip, worker, found, at)
    note = f"Routed to {routing.routed_to} on {routing.routed_on:%m/%d/%Y}."
    _advance(session, slip, Step.ROUTED, user, at, " ".join(filter(None, (note, assignment))))
    session.commit()
    return slip, assignment


def routing_refused(
    session: Session,
    slip_id: int,
    user: User,
    given: Mapping[str, Any],
    refused: Mapping[str, list[str]],
    at: dt.datetime | None = None,
) -> InvalidInput:
    """The refusal of a routing some of whose fields were refused, with what the slip's rules
    say of the fields that were accepted, so one submit names every problem."""
    slip = get_slip(session, slip_id, user)
    _check_status(slip, Step.ROUTED)
    found = routing_errors(session, slip, given, county_date(at or now()))[0]
    return InvalidInput({**found, **refused})


def _check_routing(
    session: Session, slip: RoutingSlip, routing: Routing, today: dt.date
) -> dict[str, Any]:
    """Refuse a routing the slip cannot carry: another bank, a future day, before approval."""
    errors, data = routing_errors(session, slip, asdict(routing), today)
    if errors:
        raise InvalidInput(errors)
    return data


def _reassign(
    session: Session, slip: RoutingSlip, worker: str, found: Sequence[User], at: dt.datetime
) -> str:
    """Give the case to the receiving EC's account, when exactly one has their worker number."""
    if len(found) != 1:
        how_many = "No active EC account has" if not found else "Several EC accounts have"
        return f"{how_many} worker number {worker}; the case's assignment is unchanged."
    receiver = found[0]
    put_assignment(session, slip.case_number, receiver, at)
    return f"The case is now assigned to worker {worker} (unit {receiver.unit or 'none'})."


def _check_supervises(user: User, slip: RoutingSlip) -> None:
    if user.role != Role.SUPERVISOR or not user.unit or slip.unit != user.unit:
        raise Forbidden(
            f"Routing slip {slip.id} belongs to unit {slip.unit or 'none'}; "
            "only that unit's supervisor may approve it or send it back."
        )


def _check_status(slip: RoutingSlip, step: Step) -> None:
    if slip.status != MOVES[step][0]:
        raise WrongStatus(slip, step)


def _advance(
    session: Session, slip: RoutingSlip, step: Step, user: User, at: dt.datetime, note: str
) -> None:
    """Move the slip on and record the step; a step someone else took first answers 409."""
    source, target = MOVES[step]
    # Compare-and-set: of two people acting on the same slip at once, only one moves it.
    moved = session.execute(
        update(RoutingSlip)
        .where(RoutingSlip.id == slip.id, RoutingSlip.status == source)
        .values(status=target, updated_at=at)
    )
    if cast(CursorResult[Any], moved).rowcount != 1:
        session.rollback()
        session.refresh(slip)
        raise WrongStatus(slip, step)
    slip.events.append(SlipEvent(at=at, user_id=user.id, step=step, note=note))
