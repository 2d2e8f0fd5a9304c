"""The clerical routing queue page: the queue, print the slips chosen as one PDF, record routing."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from service import clock
from service.api.audit import note_records
from service.api.auth import current_user, requires
from service.api.files import attachment
from service.api.jobs import job_url
from service.api.slips import print_job_threshold, print_settings
from service.auth.permissions import Action
from service.errors import DomainError, InvalidInput
from service.extensions import db, office
from service.jobs.print_runs import start_print_run
from service.slips import printing as slip_printing
from service.web import routing_present
from service.web.base import field_errors, form_values, page_blueprint

bp = page_blueprint("routing", __name__, url_prefix="/routing")


def _page(status: int = 200, **shown: Any) -> ResponseReturnValue:
    shown.setdefault("errors", {})
    shown.setdefault("values", {})
    shown.setdefault("selected", [])
    page = render_template(
        "routing.html",
        queue=routing_present.queue(db.session),
        routed=routing_present.recently_routed(db.session),
        today=clock.today().isoformat(),
        **shown,
    )
    return page, status


@bp.get("")
@requires(Action.ROUTE_SLIPS)
def queue() -> ResponseReturnValue:
    return _page()


@bp.post("/print")
@requires(Action.ROUTE_SLIPS)
def print_selected() -> ResponseReturnValue:
    """The ticked slips as one PDF download; nothing ticked, or no PDF, is said by the button."""
    ticked = request.form.getlist("ids")
    try:
        ids = routing_present.chosen(ticked)
        job = start_print_run(
            db.session, current_user(), ids, print_settings(), print_job_threshold()
        )
        if job is not None:  # a long run: the page follows its job with a progress bar
            note_records("slip", job.payload["ids"])
            return _page(202, print_job=job, job_url=job_url(job.id))
        run = slip_printing.print_slips(
            db.session, current_user(), ids, office.converter.convert, print_settings()
        )
    except DomainError as exc:
        message = " ".join(field_errors(exc, ["ids"]).get("ids", [])) or exc.message
        return _page(exc.status, print_error=message, selected=ticked)
    note_records("slip", run.slip_ids)
    return attachment(run.content, run.mimetype, run.filename)


@bp.post("/<int:slip_id>/route")
@requires(Action.ROUTE_SLIPS)
def record_routing(slip_id: int) -> ResponseReturnValue:
    values = form_values(routing_present.ROUTE_FIELDS)
    try:
        slip, assignment = routing_present.route(db.session, slip_id, current_user(), values)
    except InvalidInput as exc:
        errors = {slip_id: field_errors(exc, routing_present.ROUTE_FIELDS)}
        return _page(422, errors=errors, values={slip_id: values})
    except DomainError as exc:
        # Routed by someone else first, or no longer in the queue: say so above the queue.
        return _page(exc.status, state_error=exc.message)
    routed_on = f"{slip.routed_on:%m/%d/%Y}" if slip.routed_on else ""
    done = f"Routing slip {slip.id} recorded: routed to {slip.routed_to} on {routed_on}."
    flash(" ".join(filter(None, (done, assignment))), "status")
    return redirect(url_for("routing.queue"), 303)
