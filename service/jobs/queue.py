"""Sending jobs: to Celery workers when BROKER_URL names a broker, else to threads here."""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor, wait
from functools import partial
from typing import TYPE_CHECKING, Any

from flask import Flask, current_app
from sqlalchemy.orm import Session

from service.jobs import records
from service.models.job import Job
from service.models.user import User

if TYPE_CHECKING:
    from celery import Celery

log = logging.getLogger(__name__)
# The queue each kind of work goes to; a worker takes the queues it is started with.
QUEUES = ("pdf", "aor")
QUEUE_OF_KIND = {"print": "pdf", "convert": "pdf"}
# Publishing waits this long for a broker that does not answer, then the job fails.
PUBLISH_SECONDS = 5.0


def make_celery(app: Flask) -> Celery:
    """The Celery app for ``app``: its tasks run in an app context, acknowledged late."""
    from celery import Celery, Task

    class AppTask(Task):
        def __call__(self, *args: Any, **kwargs: Any) -> Any:
            with app.app_context():
                return self.run(*args, **kwargs)

    celery = Celery(app.import_name, task_cls=AppTask)
    celery.conf.update(
        broker_url=app.config["BROKER_URL"],
        # A job's state lives in the job table: no result backend.
        task_ignore_result=True,
        # Acknowledged once done: a worker killed mid-job leaves it to another worker.
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_default_queue=queue_name(app.config, "pdf"),
        broker_connection_retry_on_startup=True,
        broker_connection_timeout=PUBLISH_SECONDS,
        task_publish_retry_policy={"max_retries": 2, "interval_start": 0.2, "interval_step": 1},
        worker_hijack_root_logger=False,
    )
    import service.jobs.tasks  # noqa: F401  (registers the tasks on this app)

    return celery


def celery_for(app: Flask) -> Celery:
    """The app's Celery app, made once."""
    with _LOCK:
        if "celery" not in app.extensions:
            app.extensions["celery"] = make_celery(app)
    celery: Celery = app.extensions["celery"]
    return celery


def queue_name(config: Any, queue: str) -> str:
    """The broker's name of ``queue`` ("pdf", "aor"), after JOB_QUEUE_PREFIX."""
    return f"{config.get('JOB_QUEUE_PREFIX') or ''}{queue}"


def start_job(
    session: Session, kind: str, user: User | None, total: int, payload: dict[str, Any]
) -> Job:
    """A new job, sent to its queue once the session's change is committed."""
    from service.extensions import db

    purge_old_jobs(session)
    job = records.create_job(session, kind, user, total, payload)
    session.commit()  # in a request: at its end; after_commit's send follows it
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    db.after_commit(partial(_send_job, app, job.id, kind))
    return job


def purge_old_jobs(session: Session) -> None:
    """As a job is made: the jobs finished more than JOB_RETENTION_HOURS ago go, with their
    results (a failure here costs only the tidying)."""
    from service.jobs.results import job_store
    from service.jobs.retention import purge

    try:
        purge(session, job_store(session), float(current_app.config["JOB_RETENTION_HOURS"]))
    except Exception as exc:
        session.rollback()
        log.warning("old jobs not purged: %s", type(exc).__name__)


def _send_job(app: Flask, job_id: str, kind: str) -> None:
    from service.jobs.tasks import RUN_JOB

    if not app.config.get("BROKER_URL"):
        _runner(app).submit(job_id)
        return
    try:
        queue = queue_name(app.config, QUEUE_OF_KIND[kind])
        # The task's id is the job's: a worker's log names each job it received.
        celery_for(app).send_task(RUN_JOB, args=[job_id], queue=queue, task_id=job_id)
    except Exception as exc:
        log.error("job %s could not be queued: %s", job_id, type(exc).__name__)
        from service.extensions import db

        records.fail(db.session, job_id, "the job queue could not be reached; try again later")


def submit_scan(upload_id: int) -> None:
    """Read the stored scan ``upload_id`` soon: on an "aor" worker, or in this process."""
    from service.extensions import scans
    from service.jobs.tasks import READ_SCAN

    app = current_app
    if not app.config.get("BROKER_URL"):
        scans.runner.submit(upload_id)
        return
    try:
        celery_for(app).send_task(READ_SCAN, args=[upload_id], queue=queue_name(app.config, "aor"))
    except Exception as exc:
        # The scan stays "reading": this process reads it rather than leave it unread.
        log.error("scan %s could not be queued: %s", upload_id, type(exc).__name__)
        scans.runner.submit(upload_id)


def wait_for_jobs(app: Flask, timeout: float | None = None) -> bool:
    """Until the in-process jobs are done (tests, shutting down); False if time ran out."""
    runner: _Runner | None = app.extensions.get("jobs_runner")
    return runner.wait(timeout) if runner is not None else True


_LOCK = threading.Lock()


def _runner(app: Flask) -> _Runner:
    with _LOCK:
        if "jobs_runner" not in app.extensions:
            app.extensions["jobs_runner"] = _Runner(app, int(app.config["JOB_THREADS"]))
    runner: _Runner = app.extensions["jobs_runner"]
    return runner


class _Runner:
    """Without a broker: the same task function on a few threads of the server process."""

    def __init__(self, app: Flask, threads: int) -> None:
        self.app = app
        self._pool = ThreadPoolExecutor(max_workers=max(threads, 1), thread_name_prefix="jobs")
        self._pending: set[Future[None]] = set()
        self._lock = threading.Lock()

    def submit(self, job_id: str) -> None:
        future = self._pool.submit(self._run, job_id)
        with self._lock:
            self._pending.add(future)
        future.add_done_callback(self._forget)

    def _forget(self, future: Future[None]) -> None:
        with self._lock:
            self._pending.discard(future)

    def _run(self, job_id: str) -> None:
        from service.jobs.tasks import run_job

        for last_try in (False, True):  # tried once more after an error, as on Celery
            try:
                with self.app.app_context():
                    run_job(job_id, last_try=last_try)
                return
            except Exception as exc:
                log.error("job %s: attempt failed: %s", job_id, type(exc).__name__)

    def wait(self, timeout: float | None) -> bool:
        with self._lock:
            pending = list(self._pending)
        return not wait(pending, timeout=timeout).not_done
