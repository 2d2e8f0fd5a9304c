"""One file read in a forked child under the readers' limits: `wtwforms aor parse`'s isolation.

A command reads a few files once, so a warm reader pool buys it nothing, and starting a new
interpreter costs it the imports a second time. A fork shares what this process has already
imported and starts in about a millisecond; the child then sets the same limits as a pooled
reader (address space, CPU time, no core) before it touches the file, so a hostile file
still costs one killed process.
"""

from __future__ import annotations

import faulthandler
import json
import os
import signal
from collections.abc import Callable
from typing import Any

from service.isolation import (
    CPU_LIMIT_SIGNALS,
    Handler,
    Limits,
    WorkerFailed,
    apply_limits,
    limit_cpu,
    stalled_message,
)
from service.isolation_process import NO_ANSWER, STOPPED


def start_child(
    handler: Handler, args: list[str], data: bytes, limits: Limits
) -> Callable[[], Any]:
    """``handler(args, data)`` started in a forked child; call what this returns for the
    child's JSON answer (or WorkerFailed). This process is free meanwhile."""
    readable, writable = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(readable)
        _child(handler, args, data, limits, writable)
    os.close(writable)
    return lambda: _answer(pid, readable, limits)


def _answer(pid: int, readable: int, limits: Limits) -> Any:
    with os.fdopen(readable, "rb") as answers:
        payload = answers.read()
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status) and -os.WTERMSIG(status) in CPU_LIMIT_SIGNALS:
        raise WorkerFailed(stalled_message(limits.cpu_seconds), stalled=True)
    if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
        raise WorkerFailed(STOPPED)
    try:
        return json.loads(payload)
    except ValueError:
        raise WorkerFailed(NO_ANSWER) from None


def _child(handler: Handler, args: list[str], data: bytes, limits: Limits, out: int) -> None:
    code = 1
    try:
        # The parent's Ctrl-C handling is not the child's: it just ends with the command.
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        # A file that crashes the child is the child's end, not a report of the parent's state.
        faulthandler.disable()
        apply_limits(limits.memory_mb, int(limits.cpu_seconds) + 1)
        limit_cpu(limits.cpu_seconds)
        payload = json.dumps(handler(args, data)).encode()
        with os.fdopen(out, "wb") as answers:
            answers.write(payload)
        code = 0
    except MemoryError:
        code = 3  # the file expanded past the memory limit: the parent says "stopped"
    finally:
        os._exit(code)  # no atexit handlers or buffers of the parent's run twice
