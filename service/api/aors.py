"""AOR API: upload, read back, list, export, and the blank fillable form."""

from __future__ import annotations

from functools import partial
from typing import Any

from flask import Response, current_app, request, url_for
from flask_smorest import Blueprint

from schemas.aor import AorCorrectionSchema, AorListQuerySchema, BlankAorQuerySchema
from service.aor import corrections, downloads, intake, records
from service.aor.blank import PDF_MIME, blank_aor
from service.aor.reading_state import READING
from service.api.audit import note_record
from service.api.auth import current_user, requires
from service.api.files import attachment
from service.auth.permissions import Action
from service.errors import BadRequestBody
from service.extensions import aor_upload_limit, db, readers
from service.isolation import Limits
from service.jobs import scans
from service.jobs.queue import purge_old_jobs, submit_scan
from service.models.aor import AorUpload
from service.openapi import CSV, PDF, file_response, json_response
from service.storage import BlobStore, store_for

blp = Blueprint("aors", __name__, url_prefix="/aors", description="Attendance and Outcome Reports")
# The stored record's facts; the reading's own fields are those of `wtwforms aor parse`.
AOR_ANSWER = {
    "type": "object",
    "required": ["id", "filename", "sha256", "current", "status"],
    "properties": {
        "id": {"type": "integer"},
        "filename": {"type": "string"},
        "size": {"type": "integer"},
        "sha256": {"type": "string"},
        "uploaded_at": {"type": "string"},
        "superseded_by": {"type": "integer", "nullable": True},
        "current": {"type": "boolean"},
        "status": {"type": "string"},
        "status_url": {"type": "string"},
        "job": {
            "type": "object",
            "properties": {"id": {"type": "string"}, "url": {"type": "string"}},
        },
    },
}
ONE_READING = {"200": json_response("The reading", AOR_ANSWER)}
AOR_PDF = {"200": file_response("The AOR as a PDF", PDF)}


def intake_settings() -> intake.IntakeSettings:
    """The AOR reader's limits from the app's settings (the upload pages use them too)."""
    config = current_app.config
    limits = Limits(
        cpu_seconds=int(config["AOR_READ_CPU_SECONDS"]),
        memory_mb=config["AOR_READ_MEMORY_MB"],
        seconds=config["AOR_READ_SECONDS"],
    )
    ocr_limits = Limits(
        cpu_seconds=int(config["AOR_OCR_CPU_SECONDS"]),
        memory_mb=config["AOR_READ_MEMORY_MB"],
        seconds=float(config["AOR_OCR_SECONDS"]),
    )
    return intake.IntakeSettings(
        max_bytes=config["AOR_MAX_BYTES"],
        max_pages=config["AOR_MAX_PAGES"],
        limits=limits,
        readers=readers.gate,
        ocr_limits=ocr_limits,
        ocr_threshold=float(config["AOR_OCR_THRESHOLD"]),
        background=_read_later,
    )


def _read_later(upload_id: int) -> None:
    """A stored scan: a job follows its reading, sent once the request commits (the reader
    must find the rows the upload wrote)."""
    purge_old_jobs(db.session)
    scans.follow_scan(db.session, db.session.get_one(AorUpload, upload_id))
    db.after_commit(partial(submit_scan, upload_id))


def aor_store() -> BlobStore:
    """Where the original AOR files and their sanitised copies are kept."""
    return store_for(current_app, "aor")


@blp.route("", methods=["POST"])
@requires(Action.UPLOAD_AOR)
@aor_upload_limit
@blp.doc(
    requestBody={
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {"file": {"type": "string", "format": "binary"}},
                }
            }
        }
    },
    responses={
        "201": json_response("Stored; the reading", AOR_ANSWER),
        "200": json_response("Already stored", AOR_ANSWER),
        "202": json_response("A scan, stored and being read: follow job.url", AOR_ANSWER),
        "429": {"description": "Too many uploads from this account; wait for Retry-After"},
        "503": {"description": "Every reader busy and the queue full; try after Retry-After"},
    },
)
def upload_aor() -> tuple[dict[str, Any], int, dict[str, str]]:
    """Upload an AOR PDF; answers its reading and id. A scan is read in the background: the
    answer (202) gives its id, status "reading" and its job: GET job.url for the pages read
    until the job is done, then its result_url (status_url, the AOR, also says "reading")."""
    settings = intake_settings()
    request.max_content_length = settings.max_bytes + 64 * 1024
    upload = request.files.get("file")
    if upload is None:
        raise BadRequestBody("Send the AOR as multipart/form-data in a field named 'file'.")
    done = intake.receive(
        db.session, aor_store(), upload.read(), upload.filename or "", settings, current_user()
    )
    note_record("aor", done.record.id)
    return _uploaded(done)


def _uploaded(done: intake.Upload) -> tuple[dict[str, Any], int, dict[str, str]]:
    answer = records.describe(done.record, current_user())
    if done.record.status == READING:
        where = url_for("aors.get_aor", aor_id=done.record.id)
        job = scans.open_job(db.session, done.record)
        if job is not None:
            answer["job"] = {"id": job.id, "url": url_for("jobs.get_job", job_id=job.id)}
        return answer | {"status_url": where}, 202, {"Location": where}
    return answer, 201 if done.created else 200, {}


@blp.route("")
@requires(Action.READ_AORS)
@blp.arguments(AorListQuerySchema, location="query", as_kwargs=True)
@blp.doc(responses={"200": json_response("The readings", {"type": "array", "items": AOR_ANSWER})})
def list_aors(**filters: Any) -> list[dict[str, Any]]:
    """List stored AORs, filtered by case number and report month."""
    viewer = current_user()
    return [
        records.describe(r, viewer) for r in records.find_uploads(db.session, viewer, **filters)
    ]


@blp.route("/export.csv")
@requires(Action.READ_AORS)
@blp.arguments(AorListQuerySchema, location="query", as_kwargs=True)
@blp.doc(responses={"200": file_response("One CSV line per reading", CSV)})
def export_aors(**filters: Any) -> Response:
    """Export readings as CSV for entry into the state system."""
    viewer = current_user()
    found = records.find_uploads(db.session, viewer, **filters)
    text = records.csv_of(records.describe(r, viewer) for r in found)
    return Response(
        text,
        mimetype="text/csv",
        headers={"Content-Disposition": "attachment; filename=aor-readings.csv"},
    )


@blp.route("/blank")
@requires(Action.BLANK_AOR)
@blp.arguments(BlankAorQuerySchema, location="query")
@blp.doc(responses={"200": file_response("The fillable AOR", PDF)})
def blank_form(section_a: dict[str, Any]) -> Response:
    """The fillable AOR, optionally with Section A filled in."""
    values = {k: _as_form_text(v) for k, v in section_a.items() if v is not None}
    return attachment(
        blank_aor(values),
        PDF_MIME,
        f"aor-{values.get('case_number', 'blank')}.pdf",
    )


@blp.route("/<int:aor_id>")
@requires(Action.READ_AORS)
@blp.doc(responses=ONE_READING)
def get_aor(aor_id: int) -> dict[str, Any]:
    """One stored AOR's reading."""
    viewer = current_user()
    return records.describe(records.get_upload(db.session, aor_id, viewer), viewer)


@blp.route("/<int:aor_id>", methods=["PATCH"])
@requires(Action.CORRECT_AORS)
@blp.arguments(AorCorrectionSchema)
@blp.doc(responses={"409": {"description": "A replaced reading: correct the current one"}})
@blp.doc(responses=ONE_READING)
def correct_aor(body: dict[str, Any], aor_id: int) -> dict[str, Any]:
    """Correct a reading's values or mark it reviewed (the case's EC or the unit's supervisor);
    answers the reading worked out again, with every correction and the original values."""
    viewer = current_user()
    record = records.get_upload(db.session, aor_id, viewer)
    corrections.correct(db.session, record, viewer, body)
    return records.describe(record, viewer)


@blp.route("/<int:aor_id>/file")
@requires(Action.READ_AORS)
@blp.doc(responses=AOR_PDF)
def get_aor_file(aor_id: int) -> Response:
    """The PDF without its active content (scripts, actions, attachments), safe to open."""
    record = records.get_upload(db.session, aor_id, current_user())
    content = downloads.sanitised_copy(db.session, aor_store(), record, intake_settings())
    return attachment(content, PDF_MIME, downloads.download_name(record))


@blp.route("/<int:aor_id>/original")
@requires(Action.READ_AOR_ORIGINALS)
@blp.doc(responses=AOR_PDF)
def get_aor_original(aor_id: int) -> Response:
    """The file byte for byte as uploaded, kept as evidence: for supervisors only."""
    record = records.get_upload(db.session, aor_id, current_user())
    content = aor_store().get(record.sha256)
    return attachment(content, PDF_MIME, downloads.download_name(record, original=True))


def _as_form_text(value: Any) -> str:
    if hasattr(value, "strftime"):
        return str(value.strftime("%m/%d/%Y"))
    return str(value)
