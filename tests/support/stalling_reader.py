"""An AOR reader for the load tests: a file asking it to spin, spins; any other is read.

``intake.WORKER`` is pointed here: the 54 KB file that used the whole reading limit is
stood in for by ``%spin``, so the tests need no file tuned to one parser's weak spot.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from service.isolation import apply_limits

SPIN = b"%spin"
SLEEP = b"%sleep"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--memory-mb", type=int, required=True)
    parser.add_argument("--cpu-seconds", type=int, required=True)
    parser.add_argument("--max-pages", type=int, required=True)
    args = parser.parse_args()
    apply_limits(args.memory_mb, args.cpu_seconds)
    data = sys.stdin.buffer.read()
    if SPIN in data:
        while True:
            pass
    if SLEEP in data:
        time.sleep(2)  # waits as a reader starved of CPU does, using none
    from service.aor.worker import read

    print(json.dumps(read(data, args.max_pages)))


def hostile_pdf(marker: bytes = SPIN, tag: str = "") -> bytes:
    """A small PDF carrying ``marker``; ``tag`` makes files that differ by hash."""
    return b"%PDF-1.7\n" + marker + tag.encode() + b"\n" + b"0" * 54_000 + b"\n%%EOF\n"


if __name__ == "__main__":
    main()
