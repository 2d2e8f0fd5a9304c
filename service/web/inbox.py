"""The EC's AOR inbox: each case's latest reading, one reading in full, a 42-6 from it."""

from __future__ import annotations

from flask import flash, render_template
from flask.typing import ResponseReturnValue

from service import clock
from service.aor import inbox, records
from service.aor.notice import notice_from_reading
from service.api.auth import current_user, requires
from service.auth.permissions import Action, allowed
from service.extensions import db
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
    entries = inbox.latest_readings(db.session, current_user())
    return render_template("inbox_list.html", entries=entries)


@bp.get("/<int:aor_id>")
@requires(Action.READ_AOR_INBOX)
def aor(aor_id: int) -> ResponseReturnValue:
    user = current_user()
    record = records.get_upload(db.session, aor_id, user)
    return render_template(
        "inbox_detail.html",
        aor=inbox.detail(db.session, record, user),
        may_read_original=allowed(user.role, Action.READ_AOR_ORIGINALS),
    )


@bp.get("/<int:aor_id>/notice")
@requires(Action.READ_AOR_INBOX)
def notice(aor_id: int) -> ResponseReturnValue:
    """The 42-6 fill page, filled in from the AOR: the EC completes it and downloads it."""
    user = current_user()
    record = records.get_upload(db.session, aor_id, user)
    payload = notice_from_reading(record.reading, user, clock.today(), aor_id)
    month = inbox_format.month_name(record.report_month)
    flash(
        f"Filled in from AOR {aor_id} ({month}). Add the EST of record and the notice of action "
        "date, check the rest, then download the notice.",
        "status",
    )
    return form_page("42-6", payload, check=True)
