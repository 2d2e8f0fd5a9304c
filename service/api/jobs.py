"""Jobs API: how far a print run or a conversion has got, and its result once done."""

from __future__ import annotations

from typing import Any

from flask import redirect, url_for
from flask.typing import ResponseReturnValue
from flask_smorest import Blueprint

from service.api.auth import current_user, requires
from service.api.files import attachment
from service.auth.permissions import Action
from service.extensions import db
from service.jobs import records, scans
from service.jobs.results import job_store
from service.openapi import PDF, file_response, json_response

blp = Blueprint("jobs", __name__, url_prefix="/jobs", description="Long work followed by URL")
JOB_ANSWER = {
    "type": "object",
    "required": ["id", "kind", "state", "done", "total"],
    "properties": {
        "id": {"type": "string"},
        "kind": {"type": "string", "enum": ["print", "convert", "read"]},
        "state": {"type": "string", "enum": ["queued", "running", "done", "failed"]},
        "done": {"type": "integer"},
        "total": {"type": "integer"},
        "result_url": {"type": "string"},
        "error": {"type": "string", "nullable": True},
    },
}
# A call that started a job answers 202 with this, and the job's URL as Location.
JOB_202 = {
    "type": "object",
    "required": ["job", "state", "total"],
    "properties": {
        "job": {
            "type": "object",
            "properties": {"id": {"type": "string"}, "url": {"type": "string"}},
        },
        "state": {"type": "string"},
        "total": {"type": "integer"},
    },
}
# Flask's redirect carries a short HTML page pointing at Location, for clients that show it.
SEE_AOR = {
    "description": "A scan's reading: the AOR it made, at Location",
    "headers": {"Location": {"description": "The AOR's URL", "schema": {"type": "string"}}},
    "content": {"text/html": {"schema": {"type": "string"}}},
}
NOT_YOURS = {"404": {"description": "No such job, or one this account may not follow"}}


def job_url(job_id: str) -> str:
    """Where a job is followed (the 202 answers' Location)."""
    return url_for("jobs.get_job", job_id=job_id)


@blp.route("/<job_id>")
@requires(Action.USE_API)
@blp.doc(responses=NOT_YOURS | {"200": json_response("The job's state", JOB_ANSWER)})
def get_job(job_id: str) -> dict[str, Any]:
    """A job's state and progress; once done, ``result_url`` gives its result (a scan's
    reading: the AOR)."""
    job = records.job_for(db.session, job_id, current_user())
    answer = records.describe(job, job_url(job.id))
    if "result_url" in answer and job.kind == scans.READ:
        answer["result_url"] = _aor_url(job)
    return answer


@blp.route("/<job_id>/result")
@requires(Action.USE_API)
@blp.doc(
    responses=NOT_YOURS
    | {
        "200": file_response("The job's result", PDF),
        "303": SEE_AOR,
        "409": {"description": "Not done yet"},
    }
)
def get_job_result(job_id: str) -> ResponseReturnValue:
    """The job's result (a print run's PDF, or the AOR a scan's reading made); 409 while
    it is not done."""
    job = records.job_for(db.session, job_id, current_user())
    if job.state != records.DONE or not job.result:
        raise records.JobNotDone(job.state)
    if job.kind == scans.READ:
        return redirect(_aor_url(job), 303)
    result = job.result
    content = job_store(db.session).get(result["sha256"])
    return attachment(content, result["mimetype"], result["filename"])


def _aor_url(job: Any) -> str:
    return url_for("aors.get_aor", aor_id=int(job.result["aor_id"]))


def job_accepted(job: Any, **extra: Any) -> tuple[dict[str, Any], int, dict[str, str]]:
    """The 202 answer of a call that started ``job``: where to follow it."""
    where = job_url(job.id)
    answer = {"job": {"id": job.id, "url": where}, "state": job.state, "total": job.total}
    return answer | extra, 202, {"Location": where}
