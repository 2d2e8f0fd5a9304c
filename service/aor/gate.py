"""The AOR reader gate: a bounded number of readers at once, a bounded queue, stalled files."""

from __future__ import annotations

import hashlib
import os
import threading
from dataclasses import dataclass
from typing import Any, Protocol

from flask import Flask, current_app

from service.errors import DomainError
from service.isolation import Limits, Progress, WorkerFailed
from service.isolation_pool import PoolSettings, ReaderPool


class ReadersBusy(DomainError):
    """Every reader is busy and the queue is full (or the wait ran out): try again shortly."""

    status = 503

    def __init__(self, retry_after: int) -> None:
        super().__init__(
            f"The service is busy reading other AORs (all readers and queue places taken); "
            f"try again in {retry_after} s."
        )
        self.retry_after = retry_after

    def response_headers(self) -> dict[str, str]:
        return {"Retry-After": str(self.retry_after)}


class Reader(Protocol):
    """What reads a file in isolation: a gate here, or the "aor" workers."""

    def read(
        self,
        module: str,
        data: bytes,
        args: list[str],
        limits: Limits,
        progress: Progress | None = None,
    ) -> dict[str, Any]:
        """``module``'s answer for ``data``."""


class StallMemory(Protocol):
    """Where files refused for stalling a reader are remembered, by SHA-256."""

    def refusal(self, digest: str) -> str | None: ...

    def remember(self, digest: str, message: str) -> None: ...


@dataclass(frozen=True)
class GateSettings:
    """``readers`` read at once; ``queue`` more wait for one, at most ``wait`` seconds. Each
    reader is a warm process, replaced after ``max_files`` files or any failure."""

    readers: int = os.cpu_count() or 1
    queue: int = 2
    wait: float = 30.0
    retry_after: int = 5
    max_files: int = 200


class ReaderGate:
    """Admits reads to a limited number of reader processes.

    One gate per server process: a server running several processes has one gate in each,
    so the machine runs up to processes x readers at once. Beyond the readers and the
    queue, a read is refused at once, so server threads stay free for health and pages.
    """

    def __init__(
        self,
        settings: GateSettings | None = None,
        memory: StallMemory | None = None,
        pool: ReaderPool | None = None,
    ):
        self.settings = settings or GateSettings()
        self.memory = memory
        self.pool = pool or ReaderPool(
            PoolSettings(size=self.settings.readers, max_files=self.settings.max_files)
        )
        self._warmed = False
        self._admission = threading.BoundedSemaphore(self.settings.readers + self.settings.queue)
        self._readers = threading.BoundedSemaphore(self.settings.readers)
        self._lock = threading.Lock()
        self._reading = 0
        self._waiting = 0

    def read(
        self,
        module: str,
        data: bytes,
        args: list[str],
        limits: Limits,
        progress: Progress | None = None,
    ) -> dict[str, Any]:
        """``module``'s answer from a warm reader once one is free (see ReaderPool.read); a
        file that stalled a reader is refused at once."""
        digest = hashlib.sha256(data).hexdigest()
        self._refuse_if_stalled(digest)
        if not self._admission.acquire(blocking=False):
            raise ReadersBusy(self.settings.retry_after)
        try:
            self._count(waiting=1)
            waited = not self._readers.acquire(blocking=False)
            admitted = not waited or self._readers.acquire(timeout=self.settings.wait)
            self._count(waiting=-1)
            if not admitted:
                raise ReadersBusy(self.settings.retry_after)
            self._count(reading=1)
            try:
                if waited:  # the same file may have stalled another reader meanwhile
                    self._refuse_if_stalled(digest)
                return self._run(digest, module, data, args, limits, progress)
            finally:
                self._count(reading=-1)
                self._readers.release()
        finally:
            self._admission.release()

    def warm(self, module: str, limits: Limits) -> None:
        """Start the readers in the background, once; later the pool replaces them itself."""
        with self._lock:
            if self._warmed:
                return
            self._warmed = True
        self.pool.start(module, limits)

    def close(self) -> None:
        """Stop the reader processes (at exit the pool does it by itself)."""
        self.pool.close()

    def status(self) -> dict[str, int]:
        """For the health check and tests: readers allowed, reading now, waiting now, and
        reader processes alive."""
        with self._lock:
            counts = {
                "readers": self.settings.readers,
                "reading": self._reading,
                "waiting": self._waiting,
            }
        return counts | {"processes": self.pool.status()["live"]}

    def _count(self, reading: int = 0, waiting: int = 0) -> None:
        with self._lock:
            self._reading += reading
            self._waiting += waiting

    def _run(
        self,
        digest: str,
        module: str,
        data: bytes,
        args: list[str],
        limits: Limits,
        progress: Progress | None,
    ) -> dict[str, Any]:
        try:
            return self.pool.read(module, data, args, limits, progress)
        except WorkerFailed as exc:
            if exc.stalled and self.memory is not None:
                self.memory.remember(digest, exc.message)
            raise

    def _refuse_if_stalled(self, digest: str) -> None:
        message = self.memory.refusal(digest) if self.memory is not None else None
        if message is not None:
            raise WorkerFailed(message, stalled=True)


class Readers:
    """Flask extension: the app's reader gate, sized by AOR_READERS, AOR_READ_QUEUE and
    AOR_READ_WAIT, remembering stalled files in the app's database. Its readers start with
    the first request the app answers (AOR_READERS_WARM_START): not at import, not in a
    command that reads no AOR, and in each server process after any fork."""

    def init_app(self, app: Flask) -> None:
        from service.aor.stalled import StalledFiles

        config = app.config
        settings = GateSettings(
            readers=int(config["AOR_READERS"]),
            queue=int(config["AOR_READ_QUEUE"]),
            wait=float(config["AOR_READ_WAIT"]),
            max_files=int(config["AOR_READER_MAX_FILES"]),
        )
        engine = app.extensions["wtwforms_db"].engine
        app.extensions["aor_readers"] = ReaderGate(settings, StalledFiles(engine))
        app.before_request(_warm_readers)

    @property
    def gate(self) -> Reader:
        """This process's gate, or with a broker the "aor" workers (service/jobs/remote.py)."""
        from service.jobs.remote import RemoteReaders, remote

        app = current_app._get_current_object()  # type: ignore[attr-defined]
        if not remote(app.config):
            gate: ReaderGate = app.extensions["aor_readers"]
            return gate
        if "aor_remote" not in app.extensions:
            app.extensions["aor_remote"] = RemoteReaders(app)
        reader: Reader = app.extensions["aor_remote"]
        return reader


def reader_limits(config: Any) -> Limits:
    """The AOR reader's limits from the AOR_READ_* settings."""
    return Limits(
        cpu_seconds=int(config["AOR_READ_CPU_SECONDS"]),
        memory_mb=int(config["AOR_READ_MEMORY_MB"]),
        seconds=float(config["AOR_READ_SECONDS"]),
    )


def _warm_readers() -> None:
    from service.jobs.remote import remote

    # With a broker, "aor" workers read: a web process starts no reader.
    if current_app.config["AOR_READERS_WARM_START"] and not remote(current_app.config):
        from service.aor.intake import WORKER

        gate: ReaderGate = current_app.extensions["aor_readers"]
        gate.warm(WORKER, reader_limits(current_app.config))
