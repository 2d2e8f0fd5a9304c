"""The EC's AOR inbox: each case's latest reading, one reading in full, a 42-6 from it."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from service import case_county, clock
from service.aor import inbox, inbox_query, records
from service.aor.notice import notice_from_reading
from service.api.auth import current_user, requires
from service.auth.permissions import Action, allowed
from service.errors import InvalidInput
from service.extensions import db
from service.models.aor import AorUpload
from service.models.user import User
from service.web import aor_correction_form as correction_form
from service.web import inbox_format
from service.web.base import page_blueprint
from service.web.form_pages import form_page

bp = page_blueprint("inbox", __name__, url_prefix="/inbox")
inbox_format.register(bp)


# The inbox is a caseworker's: reading AORs to act on them with forms (EC and supervisor).
# Contractors read their own uploads on their upload page.
@bp.get("")
@requires(Action.READ_AOR_INBOX)
def inbox_page() -> ResponseReturnValue:
    """The latest reading of each report as a table: filtered, sorted and paged by the query."""
    query = inbox_query.InboxQuery.from_args(request.args)
    shown = inbox_query.inbox_page(db.session, current_user(), query)
    return render_template("inbox_list.html", inbox=shown, q=query, states=inbox_query.STATES)


@bp.get("/<int:aor_id>")
@requires(Action.READ_AOR_INBOX)
def aor(aor_id: int) -> ResponseReturnValue:
    user = current_user()
    return _detail(records.get_upload(db.session, aor_id, user), user)


def _detail(record: AorUpload, user: User, status: int = 200, **form: Any) -> ResponseReturnValue:
    """The AOR page; after a refused correction, with what was typed and the errors beside it."""
    values = form.get("typed") or correction_form.shown(record.reading)
    page = render_template(
        "inbox_detail.html",
        aor=inbox.detail(db.session, record, user),
        may_read_original=allowed(user.role, Action.READ_AOR_ORIGINALS),
        may_correct=allowed(user.role, Action.CORRECT_AORS),
        header_inputs=correction_form.header_inputs(values),
        values=values,
        codes=correction_form.CODES,
        errors=form.get("errors") or {},
    )
    return page, status


@bp.post("/<int:aor_id>/corrections")
@requires(Action.CORRECT_AORS)
def correct(aor_id: int) -> ResponseReturnValue:
    """The correction form, or the reviewed button: only what the person changed is kept."""
    user = current_user()
    record = records.get_upload(db.session, aor_id, user)
    body, where = correction_form.body_from_form(request.form, record.reading)
    if not body:
        flash("Nothing was changed: every value is as the reading had it.", "status")
        return redirect(url_for("inbox.aor", aor_id=aor_id, _anchor="correct"), 303)
    try:
        said = correction_form.save(db.session, record, user, body)
    except InvalidInput as exc:
        errors = correction_form.input_errors(exc.errors, where)
        return _detail(record, user, 422, typed=request.form.to_dict(), errors=errors)
    flash(said, "status")
    return redirect(url_for("inbox.aor", aor_id=aor_id), 303)


@bp.get("/<int:aor_id>/notice")
@requires(Action.READ_AOR_INBOX)
def notice(aor_id: int) -> ResponseReturnValue:
    """The 42-6 fill page, filled in from the AOR: the EC completes it and downloads it."""
    user = current_user()
    record = records.get_upload(db.session, aor_id, user)
    case_county.require_offered(db.session, inbox.NOTICE_FORM, record.case_number)
    payload = notice_from_reading(record.reading, user, clock.today(), aor_id)
    month = inbox_format.month_name(record.report_month)
    flash(
        f"Filled in from AOR {aor_id} ({month}). Add the EST of record and the notice of action "
        "date, check the rest, then download the notice.",
        "status",
    )
    # Not checked: what the AOR cannot supply (the EST of record) is asked for, not a failure.
    return form_page(inbox.NOTICE_FORM, payload)
