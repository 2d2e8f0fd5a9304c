"""The supervisor's approvals page: closed files slips waiting; approve or send back."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from service.api.auth import current_user, requires
from service.auth.permissions import Action
from service.errors import InvalidInput
from service.extensions import db
from service.slips import workflow as slips
from service.web import present
from service.web.base import field_errors, page_blueprint

bp = page_blueprint("approvals", __name__)


def _page(status: int = 200, **shown: Any) -> ResponseReturnValue:
    waiting = present.awaiting_approval(db.session, current_user())
    shown.setdefault("errors", {})
    shown.setdefault("reasons", {})
    return render_template("approvals.html", slips=waiting, **shown), status


@bp.get("/approvals")
@requires(Action.APPROVE_SLIPS)
def approvals() -> ResponseReturnValue:
    return _page()


@bp.post("/approvals/<int:slip_id>/approve")
@requires(Action.APPROVE_SLIPS)
def approve(slip_id: int) -> ResponseReturnValue:
    slips.approve(db.session, slip_id, current_user())
    flash(f"Routing slip {slip_id} approved; it is in the clerical queue.", "status")
    return redirect(url_for("approvals.approvals"), 303)


@bp.post("/approvals/<int:slip_id>/send-back")
@requires(Action.APPROVE_SLIPS)
def send_back(slip_id: int) -> ResponseReturnValue:
    reason = request.form.get("reason", "")
    try:
        present.send_back(db.session, slip_id, current_user(), reason)
    except InvalidInput as exc:
        errors = {slip_id: field_errors(exc, ["reason"])}
        return _page(422, errors=errors, reasons={slip_id: reason})
    flash(f"Routing slip {slip_id} sent back to its EC with your reason.", "status")
    return redirect(url_for("approvals.approvals"), 303)
