"""The EC's 50-20e slips: send one from the fill page, see each one's status, correct and resend."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from service import documents
from service.api.audit import note_record
from service.api.auth import current_user, requires
from service.auth.permissions import Action
from service.errors import DomainError
from service.extensions import db
from service.forms import get_form
from service.models.slip import RoutingSlip
from service.slips import records as slip_records
from service.slips import workflow as slips
from service.slips.records import FORM_ID, Status
from service.web import form_values, slip_form
from service.web.base import page_blueprint
from service.web.form_pages import form_page
from service.web.form_schema import form_tree

bp = page_blueprint("slip_pages", __name__, url_prefix="/slips")
STATUS_WORDS = {
    Status.PENDING_APPROVAL: "Waiting for your supervisor's approval",
    Status.SENT_BACK: "Sent back to you to correct",
    Status.QUEUED: "In the clerical queue, waiting to be routed",
    Status.ROUTED: "Routed",
}


@bp.get("/mine")
@requires(Action.CREATE_SLIPS)
def mine() -> ResponseReturnValue:
    made = slip_records.made_by(db.session, current_user())
    return render_template("slips_mine.html", slips=[_shown(slip) for slip in made])


@bp.post("/send")
@requires(Action.CREATE_SLIPS)
def send() -> ResponseReturnValue:
    """The checked 50-20e from the fill page, made a slip as POST /api/v1/slips makes one."""
    payload = _posted()
    try:
        slip, _ = slips.create_slip(db.session, current_user(), payload)
    except DomainError as exc:
        return _refused(payload, exc)
    note_record("slip", slip.id)
    where = STATUS_WORDS[Status(slip.status)].lower().replace("your", "the")
    flash(f"Routing slip {slip.id} for case {slip.case_number} sent: {where}.", "status")
    return redirect(url_for("slip_pages.mine"), 303)


@bp.get("/<int:slip_id>/correct")
@requires(Action.CREATE_SLIPS)
def correct(slip_id: int) -> ResponseReturnValue:
    """The 50-20e page filled with the slip as it was sent, to correct and resend."""
    slip = slip_records.get_slip(db.session, slip_id, current_user())
    return form_page(FORM_ID, slip.payload)


@bp.post("/<int:slip_id>/resend")
@requires(Action.CREATE_SLIPS)
def resend(slip_id: int) -> ResponseReturnValue:
    """The corrected slip, back to the supervisor as PUT /api/v1/slips/{id} sends it."""
    payload = _posted()
    try:
        slips.resubmit(db.session, slip_id, current_user(), payload)
    except DomainError as exc:
        return _refused(payload, exc)
    flash(f"Routing slip {slip_id} corrected and sent for approval again.", "status")
    return redirect(url_for("slip_pages.mine"), 303)


def _posted() -> dict[str, Any]:
    return form_values.parse(form_tree(get_form(FORM_ID).schema), request.form)


def _refused(payload: dict[str, Any], exc: DomainError) -> ResponseReturnValue:
    """The form again as typed: the check's messages beside the fields, the rest above them."""
    shown = frozenset(documents.check(FORM_ID, payload).evaluation.errors)
    return form_page(FORM_ID, payload, check=True, problem=slip_form.message_of(exc, shown)), (
        exc.status
    )


def _shown(slip: RoutingSlip) -> dict[str, Any]:
    described = slip_records.describe(db.session, slip)
    return described | {
        "case_name": slip.payload.get("case_name"),
        "status_words": STATUS_WORDS[Status(slip.status)],
        "can_correct": slip.status == Status.SENT_BACK,
    }
