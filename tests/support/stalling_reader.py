"""An AOR reader for the load tests: a file asking it to spin, spins; any other is read.

``intake.WORKER`` is pointed here: the 54 KB file that used the whole reading limit is
stood in for by ``%spin``, so the tests need no file tuned to one parser's weak spot.
"""

from __future__ import annotations

import time
from typing import Any

from service.aor import worker
from service.isolation import serve

SPIN = b"%spin"
SLEEP = b"%sleep"


def handle(args: list[str], data: bytes) -> dict[str, Any]:
    if SPIN in data:
        while True:
            pass
    if SLEEP in data:
        time.sleep(2)  # waits as a reader starved of CPU does, using none
    return worker.handle(args, data)


def hostile_pdf(marker: bytes = SPIN, tag: str = "") -> bytes:
    """A small PDF carrying ``marker``; ``tag`` makes files that differ by hash."""
    return b"%PDF-1.7\n" + marker + tag.encode() + b"\n" + b"0" * 54_000 + b"\n%%EOF\n"


if __name__ == "__main__":
    serve(handle, worker.warm)
