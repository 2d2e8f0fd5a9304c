"""The AOR reader gate: a bounded number of readers at once, a bounded queue, stalled files."""

from __future__ import annotations

import hashlib
import os
import threading
from dataclasses import dataclass
from typing import Any, Protocol

from flask import Flask, current_app

from service.errors import DomainError
from service.isolation import Limits, WorkerFailed, run_worker


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


class StallMemory(Protocol):
    """Where files refused for stalling a reader are remembered, by SHA-256."""

    def refusal(self, digest: str) -> str | None: ...

    def remember(self, digest: str, message: str) -> None: ...


@dataclass(frozen=True)
class GateSettings:
    """``readers`` read at once; ``queue`` more wait for one, at most ``wait`` seconds."""

    readers: int = os.cpu_count() or 1
    queue: int = 2
    wait: float = 30.0
    retry_after: int = 5


class ReaderGate:
    """Admits reads to a limited number of reader processes.

    One gate per server process: a server running several processes has one gate in each,
    so the machine runs up to processes x readers at once. Beyond the readers and the
    queue, a read is refused at once, so server threads stay free for health and pages.
    """

    def __init__(self, settings: GateSettings | None = None, memory: StallMemory | None = None):
        self.settings = settings or GateSettings()
        self.memory = memory
        self._admission = threading.BoundedSemaphore(self.settings.readers + self.settings.queue)
        self._readers = threading.BoundedSemaphore(self.settings.readers)
        self._lock = threading.Lock()
        self._reading = 0
        self._waiting = 0

    def read(self, module: str, data: bytes, args: list[str], limits: Limits) -> dict[str, Any]:
        """``run_worker`` once a reader is free; a file that stalled one is refused at once."""
        digest = hashlib.sha256(data).hexdigest()
        self._refuse_if_stalled(digest)
        if not self._admission.acquire(blocking=False):
            raise ReadersBusy(self.settings.retry_after)
        try:
            self._count(waiting=1)
            admitted = self._readers.acquire(timeout=self.settings.wait)
            self._count(waiting=-1)
            if not admitted:
                raise ReadersBusy(self.settings.retry_after)
            self._count(reading=1)
            try:
                # The same file may have stalled another reader while this one waited.
                self._refuse_if_stalled(digest)
                return self._run(digest, module, data, args, limits)
            finally:
                self._count(reading=-1)
                self._readers.release()
        finally:
            self._admission.release()

    def status(self) -> dict[str, int]:
        """For the health check and tests: readers allowed, reading now, waiting now."""
        with self._lock:
            return {
                "readers": self.settings.readers,
                "reading": self._reading,
                "waiting": self._waiting,
            }

    def _count(self, reading: int = 0, waiting: int = 0) -> None:
        with self._lock:
            self._reading += reading
            self._waiting += waiting

    def _run(
        self, digest: str, module: str, data: bytes, args: list[str], limits: Limits
    ) -> dict[str, Any]:
        try:
            return run_worker(module, data, args, limits)
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
    AOR_READ_WAIT, remembering stalled files in the app's database."""

    def init_app(self, app: Flask) -> None:
        from service.aor.stalled import StalledFiles

        config = app.config
        settings = GateSettings(
            readers=int(config["AOR_READERS"]),
            queue=int(config["AOR_READ_QUEUE"]),
            wait=float(config["AOR_READ_WAIT"]),
        )
        engine = app.extensions["wtwforms_db"].engine
        app.extensions["aor_readers"] = ReaderGate(settings, StalledFiles(engine))

    @property
    def gate(self) -> ReaderGate:
        gate: ReaderGate = current_app.extensions["aor_readers"]
        return gate
