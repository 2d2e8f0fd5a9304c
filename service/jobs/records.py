"""A job's row: made queued, begun at most twice, finished or failed once (no Flask here)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy.orm import Session

from service.auth.permissions import Action, allowed
from service.errors import DomainError
from service.models.job import Job
from service.models.user import User

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
FINISHED = frozenset({DONE, FAILED})
# A job is begun at most this often: its first run, and one more on another worker after a
# failure or a worker lost mid-run. A third delivery finds it failed.
MAX_ATTEMPTS = 2
# Jobs other accounts of the owner's role may follow too: clerical staff share the queue.
SHARED: dict[str, Action] = {"print": Action.ROUTE_SLIPS}
ERROR_LENGTH = 500


class JobNotFound(DomainError):
    status = 404

    def __init__(self) -> None:
        super().__init__("No such job, or one this account may not follow.")


class JobNotDone(DomainError):
    status = 409

    def __init__(self, state: str) -> None:
        super().__init__(f"The job is {state}: its result is not ready.")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def create_job(
    session: Session, kind: str, user: User | None, total: int, payload: dict[str, Any]
) -> Job:
    """A queued job (added to the session, not committed: the caller commits, then sends)."""
    now = _now()
    job = Job(
        id=str(uuid.uuid4()),
        kind=kind,
        state=QUEUED,
        user_id=user.id if user is not None else None,
        done=0,
        total=total,
        payload=payload,
        attempts=0,
        created_at=now,
        updated_at=now,
    )
    session.add(job)
    session.flush()
    return job


def begin(session: Session, job_id: str) -> Job | None:
    """The job, now running, if it is still to do; None for one finished (a second
    delivery does nothing), unknown, or begun too often (then marked failed)."""
    job = session.get(Job, job_id, with_for_update=True)
    if job is None or job.state in FINISHED:
        session.rollback()
        return None
    if job.attempts >= MAX_ATTEMPTS:
        _end(job, FAILED, error="the job stopped twice (its worker was lost); start it again")
        session.commit()
        return None
    job.attempts += 1
    job.state, job.updated_at = RUNNING, _now()
    session.commit()
    return job


def progress(session: Session, job: Job, done: int) -> None:
    """Record how many of the job's ``total`` are done (for the progress bar)."""
    job.done, job.updated_at = min(done, job.total), _now()
    session.commit()


def finish(session: Session, job_id: str, result: dict[str, Any]) -> bool:
    """Mark the job done with ``result``; False (nothing changed) if it had already ended."""
    job = session.get(Job, job_id, with_for_update=True, populate_existing=True)
    if job is None or job.state in FINISHED:
        session.rollback()
        return False
    job.done = job.total
    _end(job, DONE, result=result)
    session.commit()
    return True


def fail(session: Session, job_id: str, message: str, detail: dict[str, Any] | None = None) -> None:
    """Mark the job failed with a reason a person can read (one already ended stays);
    ``detail`` (kept as its result) is for a request waiting on it (service/jobs/remote.py)."""
    session.rollback()
    job = session.get(Job, job_id, with_for_update=True, populate_existing=True)
    if job is not None and job.state not in FINISHED:
        _end(job, FAILED, error=message[:ERROR_LENGTH], result=detail)
    session.commit()


def _end(job: Job, state: str, **values: Any) -> None:
    now = _now()
    job.state, job.updated_at, job.finished_at = state, now, now
    for key, value in values.items():
        setattr(job, key, value)


def job_for(session: Session, job_id: str, viewer: User) -> Job:
    """The job, if ``viewer`` started it or shares its owner's role and right; else 404."""
    job = session.get(Job, job_id)
    if job is None or not _may_follow(session, job, viewer):
        raise JobNotFound()
    return job


def _may_follow(session: Session, job: Job, viewer: User) -> bool:
    if job.user_id == viewer.id:
        return True
    if job.kind == "read":
        from service.jobs.scans import may_follow

        return may_follow(session, job, viewer)
    action = SHARED.get(job.kind)
    owner = session.get(User, job.user_id) if job.user_id is not None else None
    if action is None or owner is None:
        return False
    return owner.role == viewer.role and allowed(viewer.role, action)


def describe(job: Job, url: str) -> dict[str, Any]:
    """The job as the API answers it; ``url`` is its own address."""
    answer: dict[str, Any] = {
        "id": job.id,
        "kind": job.kind,
        "state": job.state,
        "done": job.done,
        "total": job.total,
        "error": job.error,
    }
    if job.state == DONE:
        answer["result_url"] = f"{url}/result"
    return answer
