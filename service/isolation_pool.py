"""Warm reader processes: each imports its reader once and reads file after file over a pipe."""

from __future__ import annotations

import atexit
import os
import threading
import time
from collections import Counter
from dataclasses import dataclass
from typing import Any

from service.isolation import Limits, Progress, WorkerUnavailable
from service.isolation_process import Kind, ReaderGone, ReaderProcess, kind_of


@dataclass(frozen=True)
class PoolSettings:
    """``size`` readers at most; each replaced after ``max_files`` files or any failure."""

    size: int = 1
    max_files: int = 200
    start_timeout: float = 30.0


class ReaderPool:
    """Hands each file to an idle reader of its kind, starting one when none is idle.

    Any process may hold one (a server process, a command, a queue worker): it needs no
    Flask. Isolation is per process, as with one process per file: each reader caps its
    own address space and, before each file, its processor time (service.isolation.serve);
    the pool adds the wall-clock backstop. A reader that fails in any way (CPU limit,
    memory, crash, garbled answer, backstop) is gone, and a fresh one starts meanwhile.
    """

    def __init__(self, settings: PoolSettings | None = None) -> None:
        self.settings = settings or PoolSettings()
        self._reset()
        self._exit_hook = False

    def _reset(self) -> None:
        self._pid = os.getpid()
        self._changed = threading.Condition()
        self._idle: list[ReaderProcess] = []
        self._live: set[ReaderProcess] = set()  # idle, busy and starting
        self._starting: Counter[Kind] = Counter()
        self._waiting: Counter[Kind] = Counter()
        self._failed: Counter[Kind] = Counter()
        self._closed = False
        self.last_error: str | None = None

    def _own(self) -> None:
        """A process forked after the pool started (a server or queue worker) does not own
        its parent's readers, nor can it trust a lock another thread held: it starts anew."""
        if self._pid != os.getpid():
            self._reset()

    def start(self, module: str, limits: Limits) -> None:
        """Start readers of this kind in the background until the pool is full."""
        self._own()
        with self._changed:
            while self._room() > 0 and self._start_one(module, limits):
                pass

    def read(
        self,
        module: str,
        data: bytes,
        args: list[str],
        limits: Limits,
        progress: Progress | None = None,
    ) -> dict[str, Any]:
        """``module``'s answer for ``data`` (see service.isolation.serve) from a warm reader.

        A reader found dead before it took the file (killed while idle) is replaced and the
        file given to another, once. ``progress`` hears the reader's progress frames."""
        try:
            return self._read_once(module, data, args, limits, progress)
        except ReaderGone:
            try:
                return self._read_once(module, data, args, limits, progress)
            except ReaderGone:
                raise WorkerUnavailable("reader processes end as they start") from None

    def _read_once(
        self,
        module: str,
        data: bytes,
        args: list[str],
        limits: Limits,
        progress: Progress | None,
    ) -> dict[str, Any]:
        reader = self._take(module, limits)
        try:
            answer, last = reader.read(args, data, limits, progress)
        except Exception:
            self._retire(reader, module, limits)
            raise
        if last or reader.files >= self.settings.max_files:
            self._retire(reader, module, limits)
        else:
            self._give_back(reader)
        return answer

    def status(self) -> dict[str, Any]:
        """For the health check and tests: readers alive (idle, busy or starting), and pids."""
        with self._changed:
            return {
                "size": self.settings.size,
                "live": len(self._live),
                "idle": len(self._idle),
                "starting": sum(self._starting.values()),
                "pids": sorted(reader.pid for reader in self._live),
            }

    def close(self) -> None:
        """Stop every reader (at exit, and by tests); a read in progress answers 503."""
        with self._changed:
            self._closed = True
            idle, busy = list(self._idle), self._live - set(self._idle)
            self._idle.clear()
            self._live.clear()
            self._changed.notify_all()
        for reader in busy:  # reading or starting: the threads that wait on them reap them
            reader.halt()
        for reader in idle:
            reader.stop()

    def _take(self, module: str, limits: Limits) -> ReaderProcess:
        """An idle reader of the kind; else one starts (unless enough are starting already)
        and the first of the kind to be free is taken."""
        self._own()
        kind = kind_of(module, limits)
        deadline = time.monotonic() + self.settings.start_timeout
        with self._changed:
            failed = self._failed[kind]
            self._waiting[kind] += 1
            try:
                while True:
                    if self._closed:
                        raise WorkerUnavailable("the service is stopping")
                    if self._failed[kind] != failed:
                        raise WorkerUnavailable(self.last_error or "a reader did not start")
                    warm = next((r for r in reversed(self._idle) if r.kind == kind), None)
                    if warm is not None:
                        self._idle.remove(warm)
                        return warm
                    if self._starting[kind] < self._waiting[kind]:
                        self._evict_other_kind(kind)
                        self._start_one(module, limits)
                    left = deadline - time.monotonic()
                    if left <= 0:
                        raise WorkerUnavailable("every reader is busy")
                    self._changed.wait(left)
            finally:
                self._waiting[kind] -= 1

    def _evict_other_kind(self, kind: Kind) -> None:
        """Make room by stopping an idle reader of another kind (module or memory limit)."""
        if self._room() > 0:
            return
        other = next((r for r in self._idle if r.kind != kind), None)
        if other is not None:
            self._idle.remove(other)
            self._live.discard(other)
            threading.Thread(target=other.stop, daemon=True).start()

    def _room(self) -> int:
        return 0 if self._closed else self.settings.size - len(self._live)

    def _start_one(self, module: str, limits: Limits) -> bool:
        """Start a reader, counted at once; it imports in the background (lock held)."""
        if self._room() <= 0:
            return False
        try:
            reader = ReaderProcess(module, limits, self.settings.max_files)
        except OSError as exc:
            self._start_failed(kind_of(module, limits), f"no reader process: {exc}")
            return False
        self._live.add(reader)
        self._starting[reader.kind] += 1
        if not self._exit_hook:
            atexit.register(self.close)  # no reader outlives the process that holds the pool
            self._exit_hook = True
        threading.Thread(target=self._boot, args=(reader,), daemon=True).start()
        return True

    def _start_failed(self, kind: Kind, reason: str) -> None:
        self._failed[kind] += 1
        self.last_error = reason
        self._changed.notify_all()

    def _boot(self, reader: ReaderProcess) -> None:
        try:
            reader.ready(self.settings.start_timeout)
        except WorkerUnavailable as exc:
            with self._changed:
                self._starting[reader.kind] -= 1
                if reader in self._live:
                    self._live.discard(reader)
                    self._start_failed(reader.kind, exc.message)
            return
        with self._changed:
            self._starting[reader.kind] -= 1
        self._give_back(reader)

    def _give_back(self, reader: ReaderProcess) -> None:
        with self._changed:
            if reader in self._live:
                self._idle.append(reader)
                self._changed.notify_all()
                return
        reader.stop()  # the pool closed meanwhile

    def _retire(self, reader: ReaderProcess, module: str, limits: Limits) -> None:
        """Replace a reader that failed or read its last file. The new one is counted at
        once, so a read arriving meanwhile waits for it rather than starting another."""
        with self._changed:
            if reader in self._live:
                self._live.discard(reader)
                self._start_one(module, limits)
            self._changed.notify_all()
        threading.Thread(target=reader.stop, daemon=True).start()
