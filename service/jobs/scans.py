"""A scanned AOR's reading followed as a job: made with the upload, settled by the reading."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from service.aor.reading_state import FAILED as AOR_FAILED
from service.aor.reading_state import READING
from service.aor.records import AorNotFound, get_upload
from service.auth.permissions import Action, allowed
from service.jobs import records
from service.models.aor import AorUpload
from service.models.job import Job
from service.models.user import User

log = logging.getLogger(__name__)
READ = "read"
# A report of pages read: (pages done, pages in the scan).
Progress = Callable[[int, int], None]


def follow_scan(session: Session, record: AorUpload) -> Job:
    """A queued "read" job for the stored scan ``record`` (committed by the caller's commit).

    Its total is one until the reader has counted the pages; then one a page.
    """
    uploader = record.uploaded_by_id
    job = records.create_job(session, READ, None, 1, {"aor_id": record.id})
    job.user_id = uploader
    session.commit()
    return job


def open_job(session: Session, record: AorUpload) -> Job | None:
    """The newest job following ``record``'s reading, if one does (finished or not)."""
    jobs = session.scalars(
        select(Job)
        .where(Job.kind == READ, Job.user_id == record.uploaded_by_id)
        .order_by(Job.created_at.desc())
        .limit(50)
    )
    return next((job for job in jobs if job.payload.get("aor_id") == record.id), None)


def begin_reading(session: Session, upload_id: int) -> Job | None:
    """The job following the scan ``upload_id``, now running; None if none follows it. A job
    begun too often (its workers lost) fails, and the scan with it, so it is not read again."""
    record = session.get(AorUpload, upload_id)
    job = open_job(session, record) if record is not None else None
    if job is None or job.state in records.FINISHED:
        return None
    job_id = job.id
    begun = records.begin(session, job_id)
    if begun is None and record is not None and record.status == READING:
        ended = session.get(Job, job_id, populate_existing=True)
        record.status = AOR_FAILED
        record.failure = (ended.error if ended is not None else None) or "Not read."
        session.commit()
    return begun


def reporter(session: Session, job: Job | None) -> Progress | None:
    """What the reading calls as pages are read: the job's done and total, committed."""
    if job is None:
        return None

    def report(done: int, total: int) -> None:
        try:
            job.total = max(total, 1)
            records.progress(session, job, done)
        except Exception as exc:  # a progress bar standing still is no reason to stop reading
            session.rollback()
            log.warning("job %s: progress not recorded: %s", job.id, type(exc).__name__)

    return report


def settle(session: Session, job: Job | None, record: AorUpload | None) -> None:
    """End the job as the reading ended: done with the AOR's id, or failed with its reason."""
    if job is None:
        return
    if record is None:
        records.fail(session, job.id, "The AOR is no longer stored.")
    elif record.status == AOR_FAILED:
        records.fail(session, job.id, record.failure or "Not read.")
    elif record.status != READING:
        records.finish(session, job.id, {"aor_id": record.id})


def may_follow(session: Session, job: Job, viewer: User) -> bool:
    """Besides its uploader, whoever may read the AOR follows its reading."""
    if not allowed(viewer.role, Action.READ_AORS):
        return False
    try:
        get_upload(session, int(job.payload["aor_id"]), viewer)
    except AorNotFound:
        return False
    return True


def answer_of(job: Job) -> dict[str, Any]:
    """What the upload page shows of the job: how far, out of how many."""
    return {"id": job.id, "state": job.state, "done": job.done, "total": job.total}
