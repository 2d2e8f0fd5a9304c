"""The routing queue page's work: the queue, the slips chosen to print, a routing as typed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from marshmallow import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from schemas.fields import MAX_ID
from schemas.slips import RouteSchema
from service.documents import flatten_errors
from service.errors import InvalidInput
from service.models.slip import RoutingSlip
from service.models.user import User
from service.slips import records as slip_records
from service.slips import workflow as slips

ROUTE_FIELDS = ("routed_to", "routed_on", "initials")
# An empty field gets a message saying what to enter, not the schema's "Missing data".
EMPTY = {
    "routed_to": "Enter the closed files bank or the EC the case was routed to.",
    "routed_on": "Enter the date the case was routed.",
    "initials": "Enter your initials.",
}
RECENT = 10


def queue(session: Session) -> list[dict[str, Any]]:
    """The slips waiting to be routed, the longest waiting first, with the case's name."""
    return [_with_name(session, slip) for slip in slip_records.queued_slips(session)]


def recently_routed(session: Session, limit: int = RECENT) -> list[dict[str, Any]]:
    """The slips routed last, the latest first."""
    query = (
        select(RoutingSlip)
        .where(RoutingSlip.status == slip_records.Status.ROUTED)
        .order_by(RoutingSlip.updated_at.desc(), RoutingSlip.id.desc())
        .limit(limit)
    )
    return [_with_name(session, slip) for slip in session.scalars(query)]


def _with_name(session: Session, slip: RoutingSlip) -> dict[str, Any]:
    return slip_records.describe(session, slip) | {"case_name": slip.payload.get("case_name")}


def chosen(values: Sequence[str]) -> list[int]:
    """The slip numbers ticked on the page; none ticked is refused beside the print button."""
    if not values:
        raise InvalidInput({"ids": ["Select the slips to print first: none is selected."]})
    try:
        ids = [int(value) for value in values]
    except ValueError:
        ids = []
    # Past MAX_ID no slip can exist, and the database would overflow looking for one.
    if not ids or not all(1 <= slip_id <= MAX_ID for slip_id in ids):
        raise InvalidInput({"ids": ["A selected slip is not a slip number."]})
    return ids


def read_routing(values: Mapping[str, str]) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """The routing form's fields checked as the API checks its body (RouteSchema): those it
    accepts, and the messages for those it refuses."""
    refused = {name: [EMPTY[name]] for name in ROUTE_FIELDS if not values.get(name)}
    given = {name: values[name] for name in ROUTE_FIELDS if values.get(name)}
    try:
        return RouteSchema().load(given, partial=tuple(refused)), refused
    except ValidationError as exc:
        accepted = exc.valid_data if isinstance(exc.valid_data, dict) else {}
        return accepted, flatten_errors(exc.messages) | refused


def route(
    session: Session, slip_id: int, clerk: User, values: Mapping[str, str]
) -> tuple[RoutingSlip, str | None]:
    """Record the routing typed on the page, as POST /api/v1/slips/<id>/route does; a refused
    field is said with what the slip's rules make of the others, all in one answer."""
    accepted, refused = read_routing(values)
    if refused:
        raise slips.routing_refused(session, slip_id, clerk, accepted, refused)
    routing = slips.Routing(accepted["routed_to"], accepted["routed_on"], accepted["initials"])
    return slips.route(session, slip_id, clerk, routing)
