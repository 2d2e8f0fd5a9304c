"""The supervisor's case assignment page: the unit's ECs and cases; assign one, or a CSV of many."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from service import case_assignments as bulk
from service.api.audit import note_records
from service.api.auth import current_user, requires
from service.auth.accounts import now
from service.auth.permissions import Action
from service.extensions import db
from service.web.base import form_values, local_time, page_blueprint

bp = page_blueprint("case_assign", __name__, url_prefix="/cases")
ONE_CASE_FIELDS = ("case_number", "ec")
# A CSV of case numbers is small; a bigger file is not one.
MAX_CSV_BYTES = 512 * 1024


def _page(status: int = 200, **shown: Any) -> ResponseReturnValue:
    user = current_user()
    ecs = bulk.ecs_of(db.session, user)
    chosen = request.args.get("ec", "")
    ec_id = next((ec.id for ec in ecs if str(ec.id) == chosen), None)
    found = bulk.listing(db.session, user, ec_id, request.args.get("page", 1, type=int) or 1)
    shown.setdefault("values", {})
    page = render_template(
        "case_assign.html",
        ecs=ecs,
        ec_choices=[("", "Choose an EC"), *((ec.username, _name(ec)) for ec in ecs)],
        filter_choices=[("", "All ECs"), *((str(ec.id), ec.display_name) for ec in ecs)],
        chosen=chosen if ec_id else "",
        listing=found,
        when=local_time,
        **shown,
    )
    return page, status


def _name(ec: Any) -> str:
    return f"{ec.display_name} ({ec.worker_number or ec.username})"


def _done(summary: bulk.Summary) -> ResponseReturnValue:
    db.session.commit()
    changed = [*summary.assigned, *summary.reassigned]
    if changed:
        note_records("case", changed)
    flash(f"{summary.sentence()}.", "status")
    return redirect(url_for("case_assign.assign_page"), 303)


@bp.get("/assign")
@requires(Action.ASSIGN_CASES)
def assign_page() -> ResponseReturnValue:
    """The unit's ECs and assignments, with the forms that assign cases."""
    return _page()


@bp.post("/assign")
@requires(Action.ASSIGN_CASES)
def assign_one() -> ResponseReturnValue:
    """Assign (or reassign) one case to one of the unit's ECs."""
    values = form_values(ONE_CASE_FIELDS)
    row = bulk.Row(1, values["case_number"], values["ec"])
    try:
        summary = bulk.assign_rows(db.session, [row], current_user(), now())
    except bulk.AssignmentsRefused as exc:
        db.session.rollback()
        return _page(422, one_error=exc.problems[0].message, values=values)
    return _done(summary)


@bp.post("/assign/upload")
@requires(Action.ASSIGN_CASES)
def assign_upload() -> ResponseReturnValue:
    """Assign the cases of a CSV (case number, EC): every row checked first, all or none applied."""
    chosen = request.files.get("file")
    data = chosen.read(MAX_CSV_BYTES + 1) if chosen else b""
    try:
        rows = bulk.read_csv(_text(data))
        summary = bulk.assign_rows(db.session, rows, current_user(), now())
    except bulk.AssignmentsRefused as exc:
        db.session.rollback()
        return _page(422, refused=exc, filename=chosen.filename if chosen else "")
    return _done(summary)


def _text(data: bytes) -> str:
    if not data:
        raise bulk.AssignmentsRefused([bulk.Problem(0, "choose a CSV file to upload")])
    if len(data) > MAX_CSV_BYTES:
        raise bulk.AssignmentsRefused([bulk.Problem(0, "the file is over 512 KB; split it")])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Spreadsheets on office PCs save "CSV" in Windows-1252 unless told otherwise.
        return data.decode("cp1252", errors="replace")
