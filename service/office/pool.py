"""A small pool of warm LibreOffice workers behind a bounded queue."""

from __future__ import annotations

import atexit
import itertools
import os
import queue
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from service.errors import PdfBusy, PdfFailed, PdfUnavailable
from service.office.cleanup import close_on_sigterm
from service.office.worker import DocumentRefused, OfficeSettings, Worker, WorkerGone
from service.private import private_dir

INSTALL_HINT = (
    "PDF output needs LibreOffice: install the Debian packages libreoffice-writer-nogui "
    "and python3-uno (`make install` does it as root); DOCX works without it."
)
# A pool's run directory is named RUN_PREFIX + the process id + a random part.
RUN_PREFIX = "wtwforms-office-"
# Pauses before starting a worker again after a failed start; after the last, the next
# request tries (a LibreOffice that cannot start at all must not be retried in a loop).
START_BACKOFF = (0.25, 0.5, 1.0, 2.0, 5.0)
# How often idle workers are checked, so one whose LibreOffice died is replaced unasked.
CHECK_SECONDS = 1.0


@dataclass(frozen=True)
class PoolSettings:
    """Pool size and limits; ``queue`` is how many requests may wait beyond the busy workers."""

    workers: int = 2
    queue: int = 16
    wait: float = 30.0
    max_conversions: int = 200
    retry_after: int = 2


class OfficePool:
    """Hands each document to an idle worker; replaces workers that crash, hang or age out."""

    def __init__(self, office: OfficeSettings, pool: PoolSettings) -> None:
        self.office, self.settings = office, pool
        self._idle: queue.Queue[Worker] = queue.Queue()
        self._admission = threading.BoundedSemaphore(pool.workers + pool.queue)
        self._lock = threading.Lock()
        self._names = itertools.count(1)
        self._workers: set[Worker] = set()
        self._booting: set[Worker] = set()
        self._busy: set[Worker] = set()
        self._starting = 0  # workers starting, or waiting to start again after a failure
        self._failures = 0  # failed starts in a row
        self._crashes = 0
        self._started = False
        self._closed = False
        self._stopping = threading.Event()
        self.last_error: str | None = None
        self._checked = False
        self._missing: str | None = None
        # No file of a conversion outlives a SIGTERM either. Set here: the pool is made in
        # the main thread (create_app), where signal handlers are set; it may start in another.
        close_on_sigterm(self)

    def missing(self) -> str | None:
        """Why PDF output cannot work here (LibreOffice or its UNO bridge absent), or None."""
        if not self._checked:
            self._missing, self._checked = _check_install(self.office), True
        return self._missing

    def start(self) -> None:
        """Start the workers missing from the target in the background; conversions wait for
        the first one ready. Called again, it tops up a pool that gave up restarting one."""
        if self.missing():
            return
        with self._lock:
            if self._closed:
                return
            if not self._started:
                self._started = True
                self._set_up()
            missing = self.settings.workers - len(self._workers) - self._starting
            self._starting += max(missing, 0)
        for _ in range(missing):
            self._spawn()

    def _set_up(self) -> None:
        private_dir(self.office.run_dir.parent)  # office/ under the data dir, for all pools
        private_dir(self.office.run_dir)
        sweep_stale(self.office.run_dir.parent)
        atexit.register(self.close)  # no LibreOffice outlives the service
        threading.Thread(target=self._watch, name="office-watch", daemon=True).start()

    def convert(self, docx: bytes, meta: dict[str, Any], timeout: float | None = None) -> bytes:
        """Convert one DOCX to PDF; raises PdfBusy, PdfFailed or PdfUnavailable (all 503).

        ``timeout`` overrides the per-conversion limit (a print run of many pages needs more).
        """
        reason = self.missing()
        if reason:
            raise PdfUnavailable(reason)
        self.start()
        if not self._admission.acquire(blocking=False):
            raise PdfBusy(self.settings.retry_after)
        try:
            return self._convert_on_idle_worker(docx, meta, timeout)
        finally:
            self._admission.release()

    def _convert_on_idle_worker(
        self, docx: bytes, meta: dict[str, Any], timeout: float | None, retry: bool = True
    ) -> bytes:
        worker = self._take_idle()
        try:
            pdf = worker.convert(docx, meta, timeout)
        except WorkerGone as exc:
            with self._lock:
                self._crashes += 1
            self._replace(worker)
            if retry and not exc.timed_out:
                # A LibreOffice that had crashed is not this document's fault: one more try.
                return self._convert_on_idle_worker(docx, meta, timeout, retry=False)
            raise PdfFailed(str(exc), self.settings.retry_after) from None
        except DocumentRefused as exc:
            self._release(worker)
            raise PdfFailed(f"LibreOffice could not convert the document: {exc}", 0) from None
        self._release(worker)
        return pdf

    def _take_idle(self) -> Worker:
        """A live idle worker; one found dead is replaced, never handed the document."""
        deadline = time.monotonic() + self.settings.wait
        while True:
            try:
                worker = self._idle.get(timeout=max(deadline - time.monotonic(), 0))
            except queue.Empty:
                if self.last_error and not self._workers:
                    raise PdfUnavailable(self.last_error) from None
                raise PdfBusy(self.settings.retry_after) from None
            with self._lock:
                usable = worker in self._workers and worker.alive()
                if usable:
                    self._busy.add(worker)
            if usable:
                return worker
            self._replace(worker)

    def _release(self, worker: Worker) -> None:
        with self._lock:
            self._busy.discard(worker)
        if worker.conversions >= self.settings.max_conversions or not worker.alive():
            self._replace(worker)  # a long-lived LibreOffice grows; a new one starts clean
        else:
            self._idle.put(worker)

    def _replace(self, worker: Worker) -> None:
        """Stop ``worker`` and start another in its place (once, whoever asks first)."""
        with self._lock:
            known = worker in self._workers
            self._workers.discard(worker)
            self._busy.discard(worker)
            if known and not self._closed:
                self._starting += 1
        if not known:
            return
        self._spawn()
        # Stopping takes a moment (the bridge ends LibreOffice in order): not on a request's time.
        # After a kill (timeout, crash) it is a no-op.
        threading.Thread(target=worker.stop, daemon=True).start()

    def _spawn(self) -> None:
        """Start a worker in a place already counted in ``_starting``."""
        with self._lock:
            if self._closed:
                return
            worker = Worker(self.office, f"worker-{next(self._names)}")
            self._booting.add(worker)
        threading.Thread(target=self._boot, args=(worker,), daemon=True).start()

    def _watch(self) -> None:
        """Replace idle workers whose LibreOffice died (busy ones: their conversion does)."""
        while not self._stopping.wait(CHECK_SECONDS):
            with self._lock:
                dead = [w for w in self._workers if w not in self._busy and not w.alive()]
            for worker in dead:
                self._replace(worker)

    def _boot(self, worker: Worker) -> None:
        try:
            worker.start()
        except Exception as exc:  # whatever went wrong, no half-started LibreOffice stays
            worker.kill()
            self._boot_failed(worker, f"{exc}. {INSTALL_HINT}")
            return
        with self._lock:
            self._starting -= 1
            self._booting.discard(worker)
            if not self._closed:
                self._workers.add(worker)
                self.last_error = None
                self._failures = 0
        if self._closed:
            worker.kill()
        else:
            self._idle.put(worker)

    def _boot_failed(self, worker: Worker, reason: str) -> None:
        """Try again after a pause, keeping the place; after several failures in a row, leave
        the place to the next request (``start`` tops the pool up)."""
        with self._lock:
            self._booting.discard(worker)
            self.last_error = reason
            self._failures += 1
            again = not self._closed and self._failures <= len(START_BACKOFF)
            if not again:
                self._starting -= 1
                return
            pause = START_BACKOFF[self._failures - 1]
        timer = threading.Timer(pause, self._spawn)
        timer.daemon = True
        timer.start()

    def status(self) -> dict[str, Any]:
        """For the health check and tests: how many workers are up, and their processes."""
        with self._lock:
            workers = sorted(self._workers, key=lambda w: w.name)
            live = [w for w in workers if w.alive()]
            return {
                "available": self.missing() is None,
                "target": self.settings.workers,
                "ready": len(live),
                "starting": self._starting,
                "idle": self._idle.qsize(),
                "office_pids": [w.office_pid for w in live],
                "crashes": self._crashes,
                "last_error": self.last_error,
            }

    def close(self) -> None:
        """Stop every worker (used at exit and by tests)."""
        self._stopping.set()
        with self._lock:
            self._closed = True
            workers, self._workers = list(self._workers | self._booting), set()
        for worker in workers:
            worker.stop()
        shutil.rmtree(self.office.run_dir, ignore_errors=True)

    def abandon(self) -> None:
        """Kill every worker at once and remove every file (the service is being stopped).

        Runs in a signal handler, maybe while this thread holds the lock: it waits for it
        only briefly.
        """
        self._stopping.set()
        locked = self._lock.acquire(timeout=1.0)
        try:
            self._closed = True
            workers = [*self._workers, *self._booting]
        finally:
            if locked:
                self._lock.release()
        for worker in workers:
            worker.kill()
        shutil.rmtree(self.office.run_dir, ignore_errors=True)


def sweep_stale(parent: Path) -> None:
    """Remove run directories of processes that ended without closing their pool (kill -9)."""
    for run in parent.glob(f"{RUN_PREFIX}*"):
        pid = run.name.removeprefix(RUN_PREFIX).split("-")[0]
        if pid.isdigit() and not _running(int(pid)):
            shutil.rmtree(run, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another account's process
    return True


def _check_install(office: OfficeSettings) -> str | None:
    if not shutil.which(office.soffice):
        return f"LibreOffice ({office.soffice}) is not installed. {INSTALL_HINT}"
    if not shutil.which(office.python):
        return f"{office.python} is not installed. {INSTALL_HINT}"
    probe = subprocess.run(
        [office.python, "-c", "import uno"], capture_output=True, timeout=30, check=False
    )
    if probe.returncode != 0:
        return f"LibreOffice's Python bridge (uno) is missing for {office.python}. {INSTALL_HINT}"
    return None
