"""Stopped by SIGTERM, a process first kills its LibreOffice workers and removes their files."""

from __future__ import annotations

import os
import signal
import threading
import weakref
from types import FrameType
from typing import Any, Protocol


class Abandonable(Protocol):
    def abandon(self) -> None: ...


_POOLS: weakref.WeakSet[Any] = weakref.WeakSet()
_INSTALLED: list[bool] = []


def close_on_sigterm(pool: Abandonable) -> None:
    """Abandon ``pool`` on SIGTERM, then end as SIGTERM would have (or as the handler that
    was there says). Python's default SIGTERM skips atexit, which would leave the documents
    being converted, and the workers' profiles, in the data directory."""
    _POOLS.add(pool)
    if _INSTALLED or threading.current_thread() is not threading.main_thread():
        return  # signal handlers are set in the main thread only; a pool made there sets it
    previous = signal.getsignal(signal.SIGTERM)
    if previous == signal.SIG_IGN:
        return  # whoever started us chose to ignore SIGTERM

    def on_sigterm(signum: int, frame: FrameType | None) -> None:
        for each in list(_POOLS):
            each.abandon()
        if callable(previous):
            previous(signum, frame)
            return
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGTERM)

    signal.signal(signal.SIGTERM, on_sigterm)
    _INSTALLED.append(True)
