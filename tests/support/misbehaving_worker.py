"""A reader that misbehaves on purpose: loops, sleeps, eats memory or dies, to test the limits."""

from __future__ import annotations

import argparse
import os
import time
from typing import Any

from service.isolation import serve, spent


def handle(args: list[str], data: bytes) -> dict[str, Any]:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", required=True)
    mode = parser.parse_args(args).mode
    if mode == "loop":
        while True:
            pass
    if mode == "sleep":  # waits, as a reader starved of CPU does, using none
        time.sleep(float(data or b"2"))
    if mode == "memory":
        hog = []
        try:
            while True:
                hog.append(bytearray(64 * 1024 * 1024))
        except MemoryError:
            spent()
            return {"error": {"status": 422, "message": "out of memory"}}
    if mode == "burn":  # uses the processor for as many seconds as the file says
        until = time.process_time() + float(data)
        while time.process_time() < until:
            pass
    if mode == "die":
        os._exit(3)
    if mode == "pid":
        return {"pid": os.getpid()}
    return {"echo": len(data)}


if __name__ == "__main__":
    serve(handle)
