"""Work a request waits for, done on a worker: PDF conversions and AOR reads, with a broker.

With BROKER_URL set, a web process starts no LibreOffice and no AOR reader: it stores the
input in the "jobs" store, sends a job to the "pdf" or "aor" queue and waits for its row to
end, then answers in the same request. A job that fails ends as the error the worker met
(same status, message and Retry-After); a queue too long or a wait too long is "busy" (503).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from service.errors import DomainError, PdfBusy
from service.jobs import records
from service.models.job import Job
from service.storage import BlobStore, store_for

if TYPE_CHECKING:
    from flask import Flask

    from service.isolation import Limits, Progress

CONVERT, READ = "convert", "aor_read"
# Polling the job's row: quick at first (most conversions take under a second), then less.
POLL_FIRST, POLL_MOST = 0.02, 0.25
BUSY_RETRY_AFTER = 5


def remote(config: Any) -> bool:
    """Whether this process sends PDF conversions and AOR reads to workers: a broker is set
    and it is not itself a worker (``wtwforms worker`` sets JOB_WORKER)."""
    return bool(config.get("BROKER_URL")) and not config.get("JOB_WORKER")


class RemoteFailed(DomainError):
    """A job the worker failed: the worker's error as it would have been answered here."""

    def __init__(self, message: str, status: int, headers: dict[str, str]) -> None:
        super().__init__(message)
        self.status, self._headers = status, headers

    def response_headers(self) -> dict[str, str]:
        return dict(self._headers)


def failure_detail(exc: DomainError) -> dict[str, Any]:
    """What a failed job keeps of a domain error, for the request waiting on it."""
    return {"error": {"status": exc.status, "headers": exc.response_headers()}}


class RemoteWork:
    """Sends one kind of job and waits for it; thread-safe (each call has its own session)."""

    def __init__(
        self, app: Flask, kind: str, queue: str, busy: Callable[[], DomainError], limit: int
    ) -> None:
        self.app, self.kind, self.queue, self.busy, self.limit = app, kind, queue, busy, limit

    def run(self, payload: dict[str, Any], inputs: dict[str, bytes], wait: float) -> bytes:
        """The job's result file, once a worker has done it; ``inputs`` are stored first and
        named in the payload by their digests."""
        engine = self.app.extensions["wtwforms_db"].engine
        with Session(engine, expire_on_commit=False) as session:
            store = store_for(self.app, "jobs", session)
            if waiting(session, self.kind) >= self.limit:
                raise self.busy()
            payload = payload | {key: store.put(data) for key, data in inputs.items()}
            job = records.create_job(session, self.kind, None, 1, payload)
            session.commit()
            try:
                self._send(job.id)
                return self._result(session, store, job.id, wait)
            finally:
                forget(session, store, job.id)

    def _send(self, job_id: str) -> None:
        from service.jobs.queue import celery_for, queue_name
        from service.jobs.tasks import RUN_JOB

        queue = queue_name(self.app.config, self.queue)
        try:
            celery_for(self.app).send_task(RUN_JOB, args=[job_id], queue=queue, task_id=job_id)
        except Exception:
            raise self.busy() from None

    def _result(self, session: Session, store: BlobStore, job_id: str, wait: float) -> bytes:
        deadline, pause = time.monotonic() + wait, POLL_FIRST
        while True:
            session.rollback()  # a new snapshot: the worker's commit is seen
            job = session.get(Job, job_id, populate_existing=True)
            if job is None:
                raise self.busy()
            if job.state == records.DONE and job.result:
                return store.get(job.result["sha256"])
            if job.state == records.FAILED:
                raise _failure(job)
            if time.monotonic() >= deadline:
                # Ended here, so a worker that takes it later does not do it for nobody.
                records.fail(session, job_id, "no worker did it in time")
                raise self.busy()
            time.sleep(pause)
            pause = min(pause * 1.5, POLL_MOST)


def _failure(job: Job) -> DomainError:
    detail = (job.result or {}).get("error") or {}
    message = job.error or "the worker could not do it"
    return RemoteFailed(message, int(detail.get("status", 503)), dict(detail.get("headers") or {}))


def waiting(session: Session, kind: str) -> int:
    """Jobs of ``kind`` sent and not yet begun by any worker."""
    query = select(func.count()).select_from(Job)
    return int(session.scalar(query.where(Job.kind == kind, Job.state == records.QUEUED)) or 0)


def forget(session: Session, store: BlobStore, job_id: str) -> None:
    """Delete the job and the files it named that no other job of its kind names (files are
    kept by content: two conversions of the same document share one)."""
    session.rollback()
    job = session.get(Job, job_id)
    if job is None:
        return
    digests = _named(job.payload, job.result)
    session.delete(job)
    session.flush()
    others = session.execute(select(Job.payload, Job.result).where(Job.kind == job.kind))
    kept = {digest for payload, result in others for digest in _named(payload, result)}
    for digest in digests - kept:
        store.delete(digest)
    session.commit()


def discard(session: Session, store: BlobStore, digest: str) -> None:
    """Delete the file ``digest`` of the "jobs" store if no job names it (rare: a job done
    after its request stopped waiting, or done twice; so every job is looked at)."""
    named = session.execute(select(Job.payload, Job.result))
    if not any(digest in _named(payload, result) for payload, result in named):
        store.delete(digest)
    session.commit()


def _named(payload: dict[str, Any] | None, result: dict[str, Any] | None) -> set[str]:
    named = [(payload or {}).get(key) for key in ("docx", "input")]
    named.append((result or {}).get("sha256"))
    return {str(digest) for digest in named if digest}


class RemoteOffice:
    """The web process's converter with a broker: each DOCX converted by a "pdf" worker."""

    def __init__(self, app: Flask) -> None:
        config = app.config
        self.wait = float(config["PDF_REMOTE_TIMEOUT"])
        self.normal = float(config["PDF_TIMEOUT"])
        limit = int(config["PDF_REMOTE_QUEUE"])
        self.work = RemoteWork(app, CONVERT, "pdf", lambda: PdfBusy(BUSY_RETRY_AFTER), limit)

    def convert(self, docx: bytes, meta: dict[str, Any], timeout: float | None = None) -> bytes:
        """As OfficePool.convert; a longer ``timeout`` (a print run) is waited for too."""
        payload: dict[str, Any] = {"meta": meta, "filename": "document.pdf"}
        if timeout is not None:
            payload["timeout"] = timeout
        extra = max(0.0, (timeout or self.normal) - self.normal)
        return self.work.run(payload, {"docx": docx}, self.wait + extra)

    def close(self) -> None:
        """Nothing runs here to stop (the pool's interface)."""


class RemoteReaders:
    """The web process's AOR readers with a broker: each file read by an "aor" worker."""

    def __init__(self, app: Flask) -> None:
        from service.aor.gate import ReadersBusy

        config = app.config
        self.wait = float(config["AOR_REMOTE_TIMEOUT"])
        limit = int(config["AOR_REMOTE_QUEUE"])
        self.work = RemoteWork(app, READ, "aor", lambda: ReadersBusy(BUSY_RETRY_AFTER), limit)

    def read(
        self,
        module: str,
        data: bytes,
        args: list[str],
        limits: Limits,
        progress: Progress | None = None,
    ) -> dict[str, Any]:
        """As ReaderGate.read (``progress`` is not heard from a worker)."""
        payload = {"module": module, "args": list(args), "limits": vars(limits).copy()}
        content = self.work.run(payload, {"input": data}, self.wait)
        answer: dict[str, Any] = json.loads(content)["answer"]
        return answer

    def close(self) -> None:
        """Nothing runs here to stop (the gate's interface)."""
