"""Routing slip API: the 50-20e from the EC, through the supervisor, to clerical routing."""

from __future__ import annotations

from typing import Any

from flask import Response, current_app
from flask_smorest import Blueprint

from schemas.api import RenderQuerySchema
from schemas.slips import (
    PrintSlipsSchema,
    RouteSchema,
    SendBackSchema,
    SlipAnswerSchema,
    SlipListQuerySchema,
    SlipSchema,
)
from service.api.audit import note_record, note_records
from service.api.auth import current_user, requires
from service.api.files import attachment
from service.api.jobs import JOB_202, job_accepted
from service.api.request import json_body
from service.auth.permissions import Action
from service.extensions import db, office
from service.jobs.print_runs import start_print_run
from service.openapi import DOCX, PDF, file_response, json_response
from service.slips import printing as slip_printing
from service.slips import records as slip_records
from service.slips import workflow as slips

blp = Blueprint("slips", __name__, url_prefix="/slips", description="50-20e routing slips")

SLIP_BODY = {
    "required": True,
    "description": "The 50-20e input; the workflow fills its supervisor and clerical blocks",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/50-20e"}}},
}
PRINT_ERRORS = {
    "404": {"description": "No such slip, or one outside this account's reach"},
    "422": {"description": "Nothing to print, too many, or no ids (only clerical print the queue)"},
    "503": {"description": "PDF output unavailable or busy (Retry-After)"},
}
STEP_ERRORS = {
    "403": {"description": "A case another EC holds, or a step that is not this account's"},
    "404": {"description": "No such slip, or one outside this account's reach"},
    "409": {"description": "The slip's status (or, routing, its approval) does not allow it"},
    "422": {"description": "Invalid input"},
}


def _answer(slip: Any, **extra: Any) -> dict[str, Any]:
    return slip_records.describe(db.session, slip, detail=True) | extra


@blp.route("", methods=["POST"])
@requires(Action.CREATE_SLIPS)
@blp.doc(requestBody=SLIP_BODY, responses=STEP_ERRORS)
@blp.response(201, SlipAnswerSchema)
def create_slip() -> dict[str, Any]:
    """Create a slip, sent by this account: closed files and moves out of the case's unit wait
    for the unit's supervisor, the rest go to the clerical queue."""
    slip, result = slips.create_slip(db.session, current_user(), json_body())
    note_record("slip", slip.id)
    return _answer(slip, warnings=result.evaluation.warnings)


@blp.route("")
@requires(Action.READ_SLIPS)
@blp.arguments(SlipListQuerySchema, location="query", as_kwargs=True)
@blp.response(200, SlipSchema(many=True))
def list_slips(**filters: Any) -> list[dict[str, Any]]:
    """List the slips this account may see, newest first."""
    found = slip_records.find_slips(db.session, current_user(), **filters)
    return [slip_records.describe(db.session, slip) for slip in found]


@blp.route("/queue")
@requires(Action.ROUTE_SLIPS)
@blp.response(200, SlipSchema(many=True))
def slip_queue() -> list[dict[str, Any]]:
    """The clerical queue: slips waiting to be routed, the longest waiting first."""
    return [slip_records.describe(db.session, s) for s in slip_records.queued_slips(db.session)]


@blp.route("/<int:slip_id>")
@requires(Action.READ_SLIPS)
@blp.response(200, SlipSchema)
@blp.doc(responses=STEP_ERRORS)
def get_slip(slip_id: int) -> dict[str, Any]:
    """One slip, with its input and every step taken on it."""
    return _answer(slip_records.get_slip(db.session, slip_id, current_user()))


@blp.route("/<int:slip_id>", methods=["PUT"])
@requires(Action.CREATE_SLIPS)
@blp.doc(requestBody=SLIP_BODY, responses=STEP_ERRORS)
@blp.response(200, SlipAnswerSchema)
def correct_slip(slip_id: int) -> dict[str, Any]:
    """Correct a sent-back slip and send it for approval again (the EC who made it)."""
    slip, result = slips.resubmit(db.session, slip_id, current_user(), json_body())
    return _answer(slip, warnings=result.evaluation.warnings)


@blp.route("/<int:slip_id>/approve", methods=["POST"])
@requires(Action.APPROVE_SLIPS)
@blp.doc(responses=STEP_ERRORS)
@blp.response(200, SlipSchema)
def approve_slip(slip_id: int) -> dict[str, Any]:
    """Approve a closed files slip (the unit's supervisor); it goes to the clerical queue."""
    return _answer(slips.approve(db.session, slip_id, current_user()))


@blp.route("/<int:slip_id>/send-back", methods=["POST"])
@requires(Action.APPROVE_SLIPS)
@blp.arguments(SendBackSchema)
@blp.doc(responses=STEP_ERRORS)
@blp.response(200, SlipSchema)
def send_back_slip(body: dict[str, Any], slip_id: int) -> dict[str, Any]:
    """Send a slip back to its EC with the reason (the unit's supervisor)."""
    return _answer(slips.send_back(db.session, slip_id, current_user(), body["reason"]))


@blp.route("/<int:slip_id>/route", methods=["POST"])
@requires(Action.ROUTE_SLIPS)
@blp.arguments(RouteSchema)
@blp.doc(responses=STEP_ERRORS)
@blp.response(200, SlipAnswerSchema)
def route_slip(body: dict[str, Any], slip_id: int) -> dict[str, Any]:
    """Record the routing of a queued slip; an assignment or transfer moves the case."""
    routing = slips.Routing(body["routed_to"], body["routed_on"], body["initials"])
    slip, assignment = slips.route(db.session, slip_id, current_user(), routing)
    return _answer(slip, assignment=assignment)


@blp.route("/<int:slip_id>/document")
@requires(Action.READ_SLIPS)
@blp.arguments(RenderQuerySchema, location="query", as_kwargs=True)
@blp.doc(responses=STEP_ERRORS | {"200": file_response("The 50-20e as an attachment", DOCX, PDF)})
def slip_document(slip_id: int, format: str) -> Response:
    """The printed 50-20e, with the approval and routing from the workflow."""
    slip = slip_records.get_slip(db.session, slip_id, current_user())
    doc = slip_records.render_slip(db.session, slip, format, to_pdf=office.convert)
    return attachment(doc.content, doc.mimetype, doc.filename)


@blp.route("/print", methods=["POST"])
@requires(Action.READ_SLIPS)
@blp.arguments(PrintSlipsSchema)
@blp.doc(responses=PRINT_ERRORS | {"200": file_response("One PDF, a new page for each slip", PDF)})
@blp.doc(responses={"202": json_response("A long run, printed as a job: follow job.url", JOB_202)})
def print_slips(body: dict[str, Any]) -> Response | tuple[dict[str, Any], int, dict[str, str]]:
    """Print many slips as one PDF: the ids given, or (clerical) the whole routing queue. A run
    of more than PRINT_JOB_THRESHOLD slips answers 202: GET job.url until it is done."""
    job = start_print_run(
        db.session, current_user(), body.get("ids"), print_settings(), print_job_threshold()
    )
    if job is not None:
        note_records("slip", job.payload["ids"])
        return job_accepted(job, slip_count=job.total)
    run = slip_printing.print_slips(
        db.session, current_user(), body.get("ids"), office.converter.convert, print_settings()
    )
    note_records("slip", run.slip_ids)
    response = attachment(run.content, run.mimetype, run.filename)
    response.headers["X-Slip-Count"] = str(len(run.slip_ids))
    return response


def print_job_threshold() -> int:
    return int(current_app.config["PRINT_JOB_THRESHOLD"])


def print_settings() -> slip_printing.PrintSettings:
    config = current_app.config
    return slip_printing.PrintSettings(
        part_size=config["PDF_BATCH_PART"],
        max_slips=config["PDF_BATCH_MAX"],
        parallel=config["PDF_WORKERS"],
    )
