"""The jobs' work: plain functions run in an app context, by a Celery worker or in-process.

``run_job(job_id)`` does a print run or a conversion and records it once; ``read_scan``
reads a stored scan (service/aor/background.py). The Celery tasks below only wrap them:
acknowledged late, and tried once more (on any worker) after an error or a lost worker.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

from celery import Task, shared_task
from flask import current_app
from sqlalchemy.orm import Session

from service.errors import DomainError
from service.jobs import records
from service.jobs.remote import discard, failure_detail
from service.jobs.results import job_store
from service.models.job import Job
from service.models.user import User

log = logging.getLogger(__name__)
RUN_JOB, READ_SCAN = "wtwforms.jobs.run", "wtwforms.aor.read_scan"
PDF_MIME, JSON_MIME = "application/pdf", "application/json"


class JobRefused(DomainError):
    status = 422


def run_job(job_id: str, last_try: bool = True) -> None:
    """Do the job ``job_id`` if it is still to do, and record its result or its failure.

    A refusal of the input itself (a slip gone, no rights) fails it at once. Any other error
    fails it on the ``last_try``; before that it is raised, for the caller to try again.
    """
    from service.extensions import db

    session = db.session
    job = records.begin(session, job_id)
    if job is None:
        return
    try:
        result = WORK[job.kind](session, job)
    except DomainError as exc:
        # Retry-After 0 (a document LibreOffice refuses): another try would fail the same.
        if exc.status < 500 or last_try or getattr(exc, "retry_after", None) == 0:
            records.fail(session, job_id, exc.message, failure_detail(exc))
            return
        session.rollback()
        raise
    except Exception as exc:
        log.error("job %s (%s) stopped: %s", job_id, job.kind, type(exc).__name__)
        if last_try:
            records.fail(session, job_id, "the service met an error running it")
            return
        session.rollback()
        raise
    if not records.finish(session, job_id, result) and result.get("sha256"):
        # Ended meanwhile (a request that stopped waiting): a result nobody will fetch.
        discard(session, job_store(session), str(result["sha256"]))


def _print(session: Session, job: Job) -> dict[str, Any]:
    from service.api.slips import print_settings
    from service.extensions import office
    from service.slips.printing import print_slips

    owner = session.get(User, job.user_id) if job.user_id is not None else None
    if owner is None or not owner.active:
        raise JobRefused("the account that started the print run is no longer active")
    run = print_slips(
        session,
        owner,
        job.payload["ids"],
        office.pool.convert,
        print_settings(),
        progress=lambda done: records.progress(session, job, done),
    )
    digest = job_store(session).put(run.content)
    return {"sha256": digest, "filename": run.filename, "mimetype": run.mimetype}


def _convert(session: Session, job: Job) -> dict[str, Any]:
    from service.extensions import office

    store = job_store(session)
    docx = store.get(job.payload["docx"])
    timeout = float(job.payload.get("timeout") or current_app.config["PDF_TIMEOUT"])
    pdf = office.pool.convert(docx, job.payload.get("meta") or {}, timeout)
    filename = str(job.payload.get("filename") or "document.pdf")
    return {"sha256": store.put(pdf), "filename": filename, "mimetype": PDF_MIME}


def _aor_read(session: Session, job: Job) -> dict[str, Any]:
    """An AOR read for a web process (service/jobs/remote.py), by this worker's reader."""
    from service.aor.intake import WORKER
    from service.extensions import readers
    from service.isolation import Limits

    if job.payload["module"] != WORKER:
        raise JobRefused("not a reader this worker runs")
    store = job_store(session)
    data, limits = store.get(job.payload["input"]), Limits(**job.payload["limits"])
    answer = readers.gate.read(WORKER, data, list(job.payload["args"]), limits)
    # The job's id in it: no two answers are one file, so each is deleted with its job.
    content = json.dumps({"job": job.id, "answer": answer}).encode()
    return {"sha256": store.put(content), "filename": "answer.json", "mimetype": JSON_MIME}


WORK: dict[str, Callable[[Session, Job], dict[str, Any]]] = {
    "print": _print,
    "convert": _convert,
    "aor_read": _aor_read,
}


@shared_task(bind=True, name=RUN_JOB, max_retries=1, acks_late=True, ignore_result=True)
def run_job_task(self: Task, job_id: str) -> None:
    """Celery: ``run_job``, tried once more on any worker after an error."""
    try:
        run_job(job_id, last_try=self.request.retries >= 1)
    except Exception as exc:
        raise self.retry(exc=exc, countdown=1) from None


@shared_task(name=READ_SCAN, acks_late=True, ignore_result=True)
def read_scan_task(upload_id: int) -> None:
    """Celery: read a stored scan by OCR (a scan already read is left as it is)."""
    from service.aor.background import read_scan

    read_scan(upload_id)
