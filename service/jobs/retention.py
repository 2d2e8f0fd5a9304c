"""Finished jobs kept JOB_RETENTION_HOURS, then deleted with the results only they held."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from service.jobs import records
from service.models.job import Job
from service.storage import BlobStore


def purge(session: Session, store: BlobStore, hours: float, now: dt.datetime | None = None) -> int:
    """Delete the jobs that ended more than ``hours`` ago, and each result file no job left
    names (results are stored by content: two print runs alike share one); how many jobs."""
    cutoff = (now or dt.datetime.now(dt.UTC)) - dt.timedelta(hours=hours)
    old = list(
        session.scalars(
            select(Job).where(Job.state.in_(records.FINISHED), Job.finished_at < cutoff)
        )
    )
    if not old:
        return 0
    digests = {digest for job in old for digest in _digests(job)}
    for job in old:
        session.delete(job)
    session.flush()
    kept = {digest for job in session.scalars(select(Job)) for digest in _digests(job)}
    session.commit()
    for digest in digests - kept:
        store.delete(digest)
    return len(old)


def _digests(job: Job) -> set[str]:
    """The files of the "jobs" store ``job`` names: its result, a conversion's input."""
    named = {(job.result or {}).get("sha256"), (job.payload or {}).get("docx")}
    return {str(digest) for digest in named if digest}
