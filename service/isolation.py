"""Run untrusted-input work in a child process with time and memory limits.

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


class WorkerFailed(DomainError):
    """The child could not finish: it ran out of time or memory, or died."""

    status = 422


@dataclass(frozen=True)
class Limits:
    seconds: float = 20.0
    memory_mb: int = 1024


def run_worker(module: str, data: bytes, args: list[str], limits: Limits) -> dict[str, Any]:
    """Run ``python -m module args`` with ``data`` on stdin; returns the JSON it prints."""
    command = [
        sys.executable,
        "-m",
        module,
        f"--memory-mb={limits.memory_mb}",
        f"--cpu-seconds={int(limits.seconds) + 1}",
        *args,
    ]
    try:
        done = subprocess.run(
            command, input=data, capture_output=True, timeout=limits.seconds, check=False
        )
    except subprocess.TimeoutExpired:
        raise WorkerFailed(
            f"Reading the file took longer than {limits.seconds:g} seconds; "
            "it may be damaged or built to stall a reader."
        ) from None
    if done.returncode != 0 or not done.stdout:
        raise WorkerFailed(_death_message(done.returncode))
    try:
        answer: dict[str, Any] = json.loads(done.stdout)
    except ValueError:
        raise WorkerFailed("The file could not be read (the reader gave no answer).") from None
    return answer


def _death_message(code: int) -> str:
    if code in (-9, -24):  # SIGKILL, SIGXCPU: the CPU limit ended it
        return "Reading the file used too much time; it may be damaged or built to stall a reader."
    return (
        "The file could not be read: the reader stopped (the file may be damaged, or expand "
        "to more memory than allowed when decompressed)."
    )


def apply_limits(memory_mb: int, cpu_seconds: int) -> None:
    """Called first thing in a worker: cap its address space and CPU time."""
    memory = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
