"""Run untrusted-input work in a child process with CPU-time and memory limits.

A PDF can be built to make a reader loop, or to inflate to gigabytes. Reading it in a
child process means such a file costs one killed process, not the service.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from dataclasses import dataclass
from typing import Any

from service.errors import DomainError

# SIGKILL (the hard CPU limit, one second past the soft one) and SIGXCPU (the soft limit).
CPU_LIMIT_SIGNALS = (-9, -24)


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


def run_worker(module: str, data: bytes, args: list[str], limits: Limits) -> dict[str, Any]:
    """Run ``python -m module args`` with ``data`` on stdin; returns the JSON it prints."""
    command = [
        sys.executable,
        "-m",
        module,
        f"--memory-mb={limits.memory_mb}",
        f"--cpu-seconds={limits.cpu_seconds}",
        *args,
    ]
    try:
        done = subprocess.run(
            command, input=data, capture_output=True, timeout=limits.seconds, check=False
        )
    except subprocess.TimeoutExpired:
        raise WorkerStarved(limits.seconds) from None
    if done.returncode in CPU_LIMIT_SIGNALS:
        raise WorkerFailed(stalled_message(limits.cpu_seconds), stalled=True)
    if done.returncode != 0 or not done.stdout:
        raise WorkerFailed(
            "The file could not be read: the reader stopped (the file may be damaged, or "
            "expand to more memory than allowed when decompressed)."
        )
    try:
        answer: dict[str, Any] = json.loads(done.stdout)
    except ValueError:
        raise WorkerFailed("The file could not be read (the reader gave no answer).") from None
    return answer


def stalled_message(cpu_seconds: int) -> str:
    return (
        f"Reading the file used more than {cpu_seconds} seconds of processor time; "
        "it may be damaged or built to stall a reader."
    )


def apply_limits(memory_mb: int, cpu_seconds: int) -> None:
    """Called first thing in a worker: cap its address space and CPU time, write no core."""
    memory = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    # A core dump would be a copy of the file on disk, outside the data directory.
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
