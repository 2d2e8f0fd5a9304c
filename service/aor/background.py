"""Scans read in the background: a few threads in the server process, each OCR in a reader.

``read_scan(upload_id)`` is the task, a plain function run in an app context: by a Celery
worker of the "aor" queue when BROKER_URL is set (service/jobs), else by ``ScanQueue``
here, on AOR_OCR_THREADS threads. Each read goes through the app's reader gate, so OCR
runs in a limited process like any AOR. One thread by default: a scan then holds one
reader, and text uploads keep the others.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor, wait

from flask import Flask, current_app
from sqlalchemy import select

log = logging.getLogger(__name__)


def read_scan(upload_id: int) -> None:
    """Read the stored scan ``upload_id`` by OCR and keep its reading (needs an app context);
    the job following it (service/jobs/scans.py) counts the pages read, then ends with it."""
    from service.aor.scan_intake import finish_scan
    from service.api.aors import aor_store, intake_settings
    from service.extensions import db
    from service.jobs import scans

    session = db.session
    job = scans.begin_reading(session, upload_id)
    progress = scans.reporter(session, job)
    record = finish_scan(session, aor_store(), upload_id, intake_settings(), progress)
    scans.settle(session, job, record)


class ScanQueue:
    """Flask extension: the app's background readers of scans (``app.extensions["aor_scans"]``).

    A scan left "reading" when the server stopped is read again after the server's first
    request. With several server processes each would: run one, or a task queue.
    """

    def init_app(self, app: Flask) -> None:
        app.extensions["aor_scans"] = _Runner(app, int(app.config["AOR_OCR_THREADS"]))
        app.before_request(_resume)

    @property
    def runner(self) -> _Runner:
        runner: _Runner = current_app.extensions["aor_scans"]
        return runner


class _Runner:
    def __init__(self, app: Flask, threads: int) -> None:
        self.app = app
        self._pool = ThreadPoolExecutor(max_workers=max(threads, 1), thread_name_prefix="aor-ocr")
        self._lock = threading.Lock()
        self._queued: dict[int, Future[None]] = {}
        self.resumed = False

    def submit(self, upload_id: int) -> None:
        """Read ``upload_id`` soon; one already queued or being read is not queued again."""
        with self._lock:
            if upload_id in self._queued:
                return
            self._queued[upload_id] = self._pool.submit(self._run, upload_id)

    def _run(self, upload_id: int) -> None:
        try:
            with self.app.app_context():
                read_scan(upload_id)
        except Exception as exc:
            log.error("background reading of scan %s stopped: %s", upload_id, type(exc).__name__)
        finally:
            with self._lock:
                self._queued.pop(upload_id, None)

    def wait(self, timeout: float | None = None) -> bool:
        """Until every queued scan is read (tests, shutting down); False if time ran out."""
        with self._lock:
            pending = list(self._queued.values())
        _done, not_done = wait(pending, timeout=timeout)
        return not not_done

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def _resume() -> None:
    """Once per process: queue again the scans a stopped server left "reading"."""
    runner: _Runner = current_app.extensions["aor_scans"]
    if runner.resumed:
        return
    runner.resumed = True
    if current_app.config.get("BROKER_URL"):
        return  # the broker keeps a scan's task until a worker has read it
    from service.aor.reading_state import READING
    from service.extensions import db
    from service.models.aor import AorUpload

    for upload_id in db.session.scalars(select(AorUpload.id).where(AorUpload.status == READING)):
        runner.submit(upload_id)
