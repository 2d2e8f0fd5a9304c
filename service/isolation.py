"""Untrusted-input work in child processes with CPU-time and memory limits: the child's side.

A PDF can be built to make a reader loop, or to inflate to gigabytes. Reading it in a
child process means such a file costs one killed process, not the service. This module is
what both sides share, and the reader's loop (``serve``); the parent's side, warm readers
that each read file after file, is service/isolation_pool.py.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import struct
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from service.errors import DomainError

# How a reader stopped for processor time ends: SIGPROF (its timer for one file) or SIGXCPU
# (its lifetime RLIMIT_CPU). A SIGKILL is someone else's doing (the pool, the OOM killer).
CPU_LIMIT_SIGNALS = (-signal.SIGPROF, -signal.SIGXCPU)
# Frames on the pipes: a 4-byte big-endian length, then that many bytes.
FRAME_HEADER = struct.Struct(">I")
# Processor time a reader may use to start (imports) before its first file, and the most
# any one file may ask for (OCR of a long scan); they make up a reader's lifetime cap.
START_CPU_SECONDS = 30
MAX_FILE_CPU_SECONDS = 600

# A handler reads one file: (the request's arguments, the file's bytes) -> JSON answer.
Handler = Callable[[list[str], bytes], dict[str, Any]]
# Told how far a reading has got: (parts done, parts), e.g. pages of a scan.
Progress = Callable[[int, int], None]


class WorkerFailed(DomainError):
    """The child could not finish: it ran out of CPU time or memory, or died.

    ``stalled``: it was stopped for using too much CPU time, which a reader of an honest
    file never does; such a file is worth remembering.
    """

    status = 422

    def __init__(self, message: str, stalled: bool = False) -> None:
        super().__init__(message)
        self.stalled = stalled


class WorkerStarved(DomainError):
    """The child used little CPU but ran out of wall-clock time: the machine is too busy."""

    status = 503

    def __init__(self, seconds: float, retry_after: int = 30) -> None:
        super().__init__(
            f"The service is too busy to finish reading the file (still unread after "
            f"{seconds:g} seconds); try again in {retry_after} s."
        )
        self.retry_after = retry_after

    def response_headers(self) -> dict[str, str]:
        return {"Retry-After": str(self.retry_after)}


@dataclass(frozen=True)
class Limits:
    """What the child may use. CPU time is the limit that refuses a file; wall-clock time
    (``seconds``) is only a backstop, several times longer, so that a busy machine, where a
    reader waits for a core, does not make an honest file look like an attack."""

    cpu_seconds: int = 20
    memory_mb: int = 1024
    seconds: float = 120.0


def stalled_message(cpu_seconds: int) -> str:
    return (
        f"Reading the file used more than {cpu_seconds} seconds of processor time; "
        "it may be damaged or built to stall a reader."
    )


class WorkerUnavailable(DomainError):
    """No reader could be started (or the service is stopping): not the file's fault."""

    status = 503

    def __init__(self, reason: str, retry_after: int = 5) -> None:
        super().__init__(
            f"The file reader is not available ({reason}); try again in {retry_after} s."
        )
        self.retry_after = retry_after

    def response_headers(self) -> dict[str, str]:
        return {"Retry-After": str(self.retry_after)}


def serve(handle: Handler, warm: Callable[[], None] | None = None) -> None:
    """A reader's main loop, run as ``python -m module --memory-mb=M --files=N``.

    Limits itself, imports what it needs once (``warm``), says it is ready, then reads
    file after file until its input closes. A request is a JSON frame ``{"args": [...],
    "cpu_seconds": C}`` and a frame of the file's bytes. An empty frame says the file was
    taken (a reader that dies before it is not the file's fault); then the answer, a JSON
    frame ``{"answer": ..., "last": bool}``, ``last`` saying this process ends (``spent``).
    Before the answer, a handler may send frames ``{"progress": [done, total]}`` (``report``).
    """
    options = _serve_options()
    requests, answers = _protocol_pipes()
    # The lifetime cap: every file at its limit, plus starting up. It only backs up the
    # timer below, should a library ever catch SIGPROF.
    cap = START_CPU_SECONDS + options.files * (MAX_FILE_CPU_SECONDS + 1)
    apply_limits(options.memory_mb, cap)
    limit_cpu(START_CPU_SECONDS)
    if warm is not None:
        warm()
    write_frame(answers, json.dumps({"ready": True, "pid": os.getpid()}).encode())
    _state["answers"] = answers
    while (header := read_frame(requests)) is not None:
        data = read_frame(requests)
        if data is None:
            return
        request = json.loads(header)
        write_frame(answers, b"")
        limit_cpu(min(float(request["cpu_seconds"]), MAX_FILE_CPU_SECONDS))
        answer = handle(list(request["args"]), data)
        limit_cpu(0)  # idle: no timer running
        write_frame(answers, json.dumps({"answer": answer, "last": _state["spent"]}).encode())
        if _state["spent"]:
            return


_state: dict[str, Any] = {"spent": False, "answers": None}


def report(done: int, total: int) -> None:
    """From a handler, in the thread that called it: tell the parent how far the file is
    read. Outside ``serve`` (a forked reader of the command line) nobody listens."""
    if _state["answers"] is not None:
        write_frame(_state["answers"], json.dumps({"progress": [done, total]}).encode())


def spent() -> None:
    """Called by a handler whose file ran the process out of memory: its answer is sent,
    then the process ends, so no later file is read by a heap that hit its limit."""
    _state["spent"] = True


def _serve_options() -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("--memory-mb", type=int, required=True)
    parser.add_argument("--files", type=int, required=True)
    return parser.parse_args()


def _protocol_pipes() -> tuple[int, int]:
    """Stdin and stdout kept for frames alone: whatever a library prints goes to stderr."""
    requests, answers = os.dup(0), os.dup(1)
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    os.dup2(2, 1)
    return requests, answers


def apply_limits(memory_mb: int, cpu_seconds: int) -> None:
    """Called first thing in a reader: cap its address space and lifetime CPU time (SIGXCPU,
    then SIGKILL a second later), write no core."""
    memory = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    # A core dump would be a copy of the file on disk, outside the data directory.
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def limit_cpu(seconds: float) -> None:
    """The process ends after ``seconds`` more of processor time (0: no limit but the cap).

    A profiling timer counts this process's user and system time to the millisecond; when
    it runs out the kernel sends SIGPROF, whose default action ends the process even inside
    a C library. Python leaves SIGPROF at that default.
    """
    signal.setitimer(signal.ITIMER_PROF, seconds)


def read_frame(fd: int) -> bytes | None:
    """One frame from a blocking pipe; None when it closed (between frames or within one)."""
    header = _read_exactly(fd, FRAME_HEADER.size)
    if header is None:
        return None
    return _read_exactly(fd, FRAME_HEADER.unpack(header)[0])


def _read_exactly(fd: int, size: int) -> bytes | None:
    chunks, left = [], size
    while left:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def write_frame(fd: int, payload: bytes) -> None:
    """One frame to a blocking pipe."""
    view = memoryview(FRAME_HEADER.pack(len(payload)) + payload)
    while view:
        view = view[os.write(fd, view) :]
