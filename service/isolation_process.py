"""One warm reader process, seen from its parent: start, read a file, stop (see ReaderPool)."""

from __future__ import annotations

import contextlib
import json
import os
import select
import subprocess
import sys
import time
from typing import Any

from service.isolation import (
    CPU_LIMIT_SIGNALS,
    FRAME_HEADER,
    Limits,
    Progress,
    WorkerFailed,
    WorkerStarved,
    WorkerUnavailable,
    stalled_message,
)

# An answer carries the reading and a base64 copy of the file (10 MiB at most).
MAX_ANSWER = 256 * 1024 * 1024
STOPPED = (
    "The file could not be read: the reader stopped (the file may be damaged, or expand to "
    "more memory than allowed when decompressed)."
)
NO_ANSWER = "The file could not be read (the reader gave no answer)."
# Readers of one kind (module, memory) are interchangeable: CPU time is set for each file.
Kind = tuple[str, int]


def kind_of(module: str, limits: Limits) -> Kind:
    return (module, int(limits.memory_mb))


class _Late(Exception):
    """The wall-clock deadline passed."""


class _Ended(Exception):
    """The reader's pipe closed: the process ended or is ending."""


class ReaderGone(Exception):
    """The reader had ended before it took the whole file (killed while idle, say): the
    file is not to blame, and may be given to another reader."""


class ReaderProcess:
    """One reader: ``python -m module`` running ``serve``, in a session of its own (a
    terminal's Ctrl-C reaches the server, which stops its readers in order)."""

    def __init__(self, module: str, limits: Limits, files: int) -> None:
        self.kind = kind_of(module, limits)
        self.files = 0
        self._cpu_seconds = limits.cpu_seconds  # the file being read's
        self._stopping = False
        self._buffer = bytearray()
        command = [sys.executable, "-m", module, f"--memory-mb={self.kind[1]}"]
        command.append(f"--files={files}")
        self._proc = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            close_fds=True,
            start_new_session=True,
        )
        assert self._proc.stdin is not None and self._proc.stdout is not None
        self._to, self._from = self._proc.stdin.fileno(), self._proc.stdout.fileno()
        os.set_blocking(self._to, False)
        os.set_blocking(self._from, False)

    @property
    def pid(self) -> int:
        return self._proc.pid

    def ready(self, timeout: float) -> None:
        """Returns once the reader has imported what it needs; kills it if it never does."""
        try:
            hello = json.loads(self._frame(time.monotonic() + timeout))
            if not hello.get("ready"):
                raise ValueError(hello)
        except (_Late, _Ended, ValueError, AttributeError):
            self.kill()
            raise WorkerUnavailable("a reader process did not start") from None

    def read(
        self, args: list[str], data: bytes, limits: Limits, progress: Progress | None = None
    ) -> tuple[dict[str, Any], bool]:
        """The reader's answer for one file and whether it ends after it; raises
        WorkerStarved (backstop), WorkerFailed, WorkerUnavailable or ReaderGone, the
        process then gone. Progress frames before the answer go to ``progress``."""
        seconds, self._cpu_seconds = limits.seconds, limits.cpu_seconds
        deadline = time.monotonic() + seconds
        self._hand_over(args, data, limits, deadline)
        try:
            reply = json.loads(self._frame(deadline))
            while "progress" in reply:
                done, total = (int(n) for n in reply["progress"])
                if progress is not None:
                    progress(done, total)
                reply = json.loads(self._frame(deadline))
            answer, last = reply["answer"], bool(reply["last"])
            if not isinstance(answer, dict):
                raise ValueError(answer)
        except _Late:
            self.kill()
            raise WorkerStarved(seconds) from None
        except _Ended:
            raise self._ended() from None
        except (ValueError, KeyError, TypeError):
            self.kill()
            raise WorkerFailed(NO_ANSWER) from None
        self.files += 1
        return answer, last

    def _hand_over(self, args: list[str], data: bytes, limits: Limits, deadline: float) -> None:
        """Send the file; returns once the reader says it took it (an empty frame)."""
        request = json.dumps({"args": args, "cpu_seconds": limits.cpu_seconds}).encode()
        try:
            self._send(request, deadline)
            self._send(data, deadline)
            taken = self._frame(deadline)
        except _Ended:  # it ended before it had the file: killed while idle, say
            self.kill()
            gone = WorkerUnavailable("the service is stopping") if self._stopping else ReaderGone()
            raise gone from None
        except _Late:
            self.kill()
            raise WorkerStarved(limits.seconds) from None
        except ValueError:
            taken = b"garbled"
        if taken:
            self.kill()
            raise WorkerFailed(NO_ANSWER)

    def _ended(self) -> Exception:
        """Why the reader ended mid-file: its exit status tells a CPU limit from a crash."""
        try:
            code = self._proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            self.kill()
            return WorkerFailed(NO_ANSWER)
        finally:
            self._close_pipes()
        if self._stopping:
            return WorkerUnavailable("the service is stopping")
        if code in CPU_LIMIT_SIGNALS:
            return WorkerFailed(stalled_message(self._cpu_seconds), stalled=True)
        return WorkerFailed(STOPPED)

    def _send(self, payload: bytes, deadline: float) -> None:
        view = memoryview(FRAME_HEADER.pack(len(payload)) + payload)
        while view:
            _wait_for(self._to, deadline, write=True)
            try:
                view = view[os.write(self._to, view) :]
            except BlockingIOError:
                continue
            except OSError:  # BrokenPipeError, or the pipe closed by ``stop``
                raise _Ended() from None

    def _frame(self, deadline: float) -> bytes:
        buffer = self._buffer
        while True:
            if len(buffer) >= FRAME_HEADER.size:
                size = FRAME_HEADER.unpack_from(buffer)[0]
                if size > MAX_ANSWER:
                    raise ValueError("frame too long")
                end = FRAME_HEADER.size + size
                if len(buffer) >= end:
                    frame = bytes(buffer[FRAME_HEADER.size : end])
                    del buffer[:end]
                    return frame
            _wait_for(self._from, deadline, write=False)
            try:
                chunk = os.read(self._from, 1 << 20)
            except BlockingIOError:
                continue
            except OSError:
                raise _Ended() from None
            if not chunk:
                raise _Ended()
            buffer += chunk

    def halt(self) -> None:
        """Kill it from another thread (the pool is closing); its reader then gets 503."""
        self._stopping = True
        with contextlib.suppress(OSError):
            self._proc.kill()

    def stop(self) -> None:
        """End it at once: a reader keeps nothing that a clean exit would save, and a
        process full of PDF libraries takes a while to tear itself down."""
        self._stopping = True
        self.kill()

    def kill(self) -> None:
        with contextlib.suppress(OSError):
            self._proc.kill()
        self._proc.wait()
        self._close_pipes()

    def _close_pipes(self) -> None:
        for pipe in (self._proc.stdin, self._proc.stdout):
            with contextlib.suppress(OSError):
                pipe.close()  # type: ignore[union-attr]


def _wait_for(fd: int, deadline: float, write: bool) -> None:
    left = deadline - time.monotonic()
    if left <= 0:
        raise _Late()
    try:
        ready = select.select([], [fd], [], left) if write else select.select([fd], [], [], left)
    except (OSError, ValueError):  # the descriptor was closed under us
        raise _Ended() from None
    if not any(ready):
        raise _Late()
