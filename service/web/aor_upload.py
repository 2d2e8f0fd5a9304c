"""The contractor's AOR upload page: drop or choose PDFs, see each reading, fix and upload again."""

from __future__ import annotations

from typing import Any

from flask import current_app, g, render_template, request
from flask.typing import ResponseReturnValue
from werkzeug.exceptions import RequestEntityTooLarge

from parsers.errors import TooLarge
from service.api.aors import aor_store, intake_settings
from service.api.audit import note_record, note_records
from service.api.auth import current_user, requires
from service.auth.permissions import Action, allowed
from service.errors import BadRequestBody, InvalidInput
from service.extensions import aor_upload_limit, db
from service.web import aor_batch, aor_results
from service.web.aor_results import Incoming
from service.web.base import field_errors, page_blueprint
from service.web.errors import page_error

bp = page_blueprint("aor_upload", __name__, url_prefix="/aors")
# Room for the multipart framing around a file of the largest size allowed.
FRAMING = 64 * 1024


@bp.url_value_preprocessor
def allow_upload_size(endpoint: str | None, _values: dict[str, Any] | None) -> None:
    """Raise the app's 2 MiB body limit for the upload posts.

    Flask runs this before every before_request function, so before ``authenticate`` reads
    a plain form's csrf_token field, which parses the whole body under the limit in force.
    """
    config = current_app.config
    if endpoint == "aor_upload.upload_files":
        request.max_content_length = config["AOR_UPLOAD_MAX_TOTAL"]
    elif endpoint == "aor_upload.upload_one":
        request.max_content_length = config["AOR_MAX_BYTES"] + FRAMING


def _page(status: int = 200, **shown: Any) -> ResponseReturnValue:
    config = current_app.config
    limits = {
        "max_files": config["AOR_UPLOAD_MAX_FILES"],
        "max_bytes": config["AOR_MAX_BYTES"],
        "too_large": aor_results.sentence(TooLarge("bytes", config["AOR_MAX_BYTES"]).message),
    }
    recent = aor_results.recent(db.session, current_user())
    shown.setdefault("errors", {})
    shown.setdefault("results", [])
    return render_template("aor_upload.html", recent=recent, limits=limits, **shown), status


@bp.get("/upload")
@requires(Action.UPLOAD_AOR)
def upload_page() -> ResponseReturnValue:
    return _page()


@bp.post("/upload")
@requires(Action.UPLOAD_AOR)
@aor_upload_limit
def upload_files() -> ResponseReturnValue:
    """The form without the page's script: every file chosen, read one after another."""
    files = [f for f in request.files.getlist("files") if f.filename]
    try:
        aor_results.check_batch(len(files), current_app.config["AOR_UPLOAD_MAX_FILES"])
    except InvalidInput as exc:
        return _page(422, errors=field_errors(exc, ["files"]))
    uploads = (Incoming(f.filename or "", f.read()) for f in files)
    results = aor_results.receive_each(
        db.session, aor_store(), uploads, intake_settings(), current_user()
    )
    note_records("aor", aor_results.record_ids(results))
    read = any(result.reading for result in results)
    summary = aor_batch.summary(result.outcome for result in results)
    return _page(200 if read else results[0].status, results=results, summary=summary)


@bp.post("/upload/one")
@requires(Action.UPLOAD_AOR)
@aor_upload_limit
def upload_one() -> ResponseReturnValue:
    """One file from the page's script: its result as the list item the page adds."""
    upload = request.files.get("file")
    if upload is None:
        raise BadRequestBody("Send one AOR PDF in a form field named 'file'.")
    incoming = Incoming(upload.filename or "", upload.read())
    result = aor_results.receive_one(
        db.session, aor_store(), incoming, intake_settings(), current_user()
    )
    if result.record_id is not None:
        note_record("aor", result.record_id)
    return render_template("aor_result.html", result=result), result.status


@bp.get("/upload/<int:aor_id>")
@requires(Action.UPLOAD_AOR)
def result_page(aor_id: int) -> ResponseReturnValue:
    """The page with one upload's result as it stands: a scan's reading, once read."""
    return _page(results=[aor_results.stored(db.session, current_user(), aor_id)])


@bp.get("/upload/<int:aor_id>/item")
@requires(Action.UPLOAD_AOR)
def result_item(aor_id: int) -> ResponseReturnValue:
    """One upload's result as the list item the page's script puts in place of the old one."""
    result = aor_results.stored(db.session, current_user(), aor_id)
    return render_template("aor_result.html", result=result)


@bp.errorhandler(RequestEntityTooLarge)
def too_large(exc: RequestEntityTooLarge) -> ResponseReturnValue:
    """A post over the limit: the page again, saying so, rather than a bare error page."""
    config, user = current_app.config, g.get("user")
    if request.endpoint == "aor_upload.upload_one" or not allowed_here(user):
        message = aor_results.sentence(TooLarge("bytes", config["AOR_MAX_BYTES"]).message)
        return page_error(413, message)
    total = config["AOR_UPLOAD_MAX_TOTAL"] / 1024 / 1024
    message = f"The files together are larger than {total:g} MB; upload fewer at a time."
    return _page(413, errors={"files": [message]})


def allowed_here(user: Any) -> bool:
    return user is not None and allowed(user.role, Action.UPLOAD_AOR)
