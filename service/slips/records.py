"""Finding 50-20e slips, presenting them, and printing them with the workflow's steps filled in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, false, func, or_, select
from sqlalchemy.orm import Session

from schemas.fields import normalise_code
from service import clock, documents
from service.auth.permissions import Role
from service.errors import DomainError
from service.models.slip import RoutingSlip, SlipEvent
from service.models.user import User

FORM_ID = "50-20e"


class Status(StrEnum):
    PENDING_APPROVAL = "pending_approval"
    SENT_BACK = "sent_back"
    QUEUED = "queued"
    ROUTED = "routed"


# Clerical staff work from the queue and keep what they routed; drafts are not theirs to see.
CLERICAL_STATUSES = (Status.QUEUED, Status.ROUTED)


class SlipNotFound(DomainError):
    status = 404

    def __init__(self, slip_id: int) -> None:
        super().__init__(f"no routing slip with id {slip_id}")


def get_slip(session: Session, slip_id: int, viewer: User) -> RoutingSlip:
    """One slip, if ``viewer`` may see it; one they may not is answered as if there were none,
    before anything about its state, so no answer tells that it exists."""
    slip = session.scalar(select(RoutingSlip).where(RoutingSlip.id == slip_id, _visible(viewer)))
    if slip is None:
        raise SlipNotFound(slip_id)
    return slip


def _visible(viewer: User) -> ColumnElement[bool]:
    """ECs see the slips they made; supervisors their unit's; clerical the queue and its past."""
    if viewer.role == Role.EC:
        return RoutingSlip.created_by_id == viewer.id
    if viewer.role == Role.SUPERVISOR:
        mine = RoutingSlip.created_by_id == viewer.id
        return or_(mine, RoutingSlip.unit == viewer.unit) if viewer.unit else mine
    if viewer.role == Role.CLERICAL:
        return RoutingSlip.status.in_(CLERICAL_STATUSES)
    return false()


def find_slips(
    session: Session, viewer: User, status: str | None = None, case_number: str | None = None
) -> Sequence[RoutingSlip]:
    """Slips ``viewer`` may see, newest first, filtered by status and case."""
    query = select(RoutingSlip).where(_visible(viewer))
    if status:
        query = query.where(RoutingSlip.status == status)
    if case_number:
        query = query.where(RoutingSlip.case_number == normalise_code(case_number))
    return session.scalars(query.order_by(RoutingSlip.id.desc())).all()


def made_by(session: Session, sender: User) -> Sequence[RoutingSlip]:
    """The slips ``sender`` made, newest first: an EC's own desk, whatever became of them."""
    query = select(RoutingSlip).where(RoutingSlip.created_by_id == sender.id)
    return session.scalars(query.order_by(RoutingSlip.id.desc())).all()


def queued_slips(session: Session) -> Sequence[RoutingSlip]:
    """The clerical queue, in the order the slips reached it (the longest waiting first)."""
    reached = func.coalesce(RoutingSlip.approved_at, RoutingSlip.created_at)
    query = select(RoutingSlip).where(RoutingSlip.status == Status.QUEUED)
    return session.scalars(query.order_by(reached, RoutingSlip.id)).all()


def aware(moment: dt.datetime) -> dt.datetime:
    # SQLite hands back naive datetimes; they were stored as UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def county_date(moment: dt.datetime) -> dt.date:
    """The day a moment fell on in the county, as a person there would write it on the slip."""
    return aware(moment).astimezone(clock.PACIFIC).date()


def fill(
    payload: dict[str, Any],
    approval: tuple[str, dt.date] | None = None,
    routing: tuple[str, dt.date, str] | None = None,
) -> dict[str, Any]:
    """The 50-20e input with its supervisor and clerical blocks taken from the workflow."""
    filled = {**payload, "supervisor": None, "clerical": None}
    if approval is not None:
        name, approved_on = approval
        filled["supervisor"] = {"name": name[:80], "approved_on": approved_on.isoformat()}
    if routing is not None:
        routed_to, routed_on, initials = routing
        filled["clerical"] = {
            "routed_to": routed_to,
            "routed_on": routed_on.isoformat(),
            "initials": initials,
        }
    return filled


def approval_of(session: Session, slip: RoutingSlip) -> tuple[str, dt.date] | None:
    if slip.approved_by_id is None or slip.approved_at is None:
        return None
    return _person(session, slip.approved_by_id)["name"], county_date(slip.approved_at)


def filled_payload(session: Session, slip: RoutingSlip) -> dict[str, Any]:
    """The slip's 50-20e as it stands: the EC's input, the approval and the routing so far."""
    routing = None
    if slip.routed_on is not None:
        routing = (slip.routed_to or "", slip.routed_on, slip.routed_initials or "")
    return fill(slip.payload, approval_of(session, slip), routing)


def render_slip(
    session: Session, slip: RoutingSlip, fmt: str, to_pdf: documents.PdfConverter | None = None
) -> documents.RenderedDocument:
    """The printed 50-20e, with the supervisor's and clerical blocks from the workflow."""
    return documents.render(FORM_ID, filled_payload(session, slip), fmt=fmt, to_pdf=to_pdf)


def describe(session: Session, slip: RoutingSlip, detail: bool = False) -> dict[str, Any]:
    """The slip's place in the workflow; with ``detail``, its input and every step too."""
    computed = documents.check(FORM_ID, slip.payload).evaluation.computed
    described: dict[str, Any] = {
        "id": slip.id,
        "case_number": slip.case_number,
        "action": slip.action,
        "status": slip.status,
        "unit": slip.unit,
        "route_to": computed.get("route_to"),
        "closed_files_bank": computed.get("closed_files_bank"),
        "created_by": _person(session, slip.created_by_id),
        "created_at": aware(slip.created_at),
        "updated_at": aware(slip.updated_at),
        "queued_at": _queued_at(slip),
        "approved_by": _person(session, slip.approved_by_id),
        "approved_at": slip.approved_at and aware(slip.approved_at),
        "sent_back_reason": slip.sent_back_reason,
        "routed_to": slip.routed_to,
        "routed_on": slip.routed_on,
        "routed_initials": slip.routed_initials,
        "routed_by": _person(session, slip.routed_by_id),
    }
    if detail:
        described["payload"] = slip.payload
        described["events"] = [_event(session, event) for event in slip.events]
    return described


def _queued_at(slip: RoutingSlip) -> dt.datetime | None:
    if slip.status not in CLERICAL_STATUSES:
        return None
    return aware(slip.approved_at or slip.created_at)


def _event(session: Session, event: SlipEvent) -> dict[str, Any]:
    return {
        "id": event.id,
        "at": aware(event.at),
        "step": event.step,
        "user": _person(session, event.user_id),
        "note": event.note,
    }


def _person(session: Session, user_id: int | None) -> Any:
    user = session.get(User, user_id) if user_id is not None else None
    return None if user is None else {"id": user.id, "name": user.display_name}
