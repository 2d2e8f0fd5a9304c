"""A worker that misbehaves on purpose: loops, sleeps, eats memory or dies, to test the limits."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

from service.isolation import apply_limits


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--memory-mb", type=int)
    parser.add_argument("--cpu-seconds", type=int)
    parser.add_argument("--mode", required=True)
    args = parser.parse_args()
    apply_limits(args.memory_mb, args.cpu_seconds)
    data = sys.stdin.buffer.read()
    if args.mode == "loop":
        while True:
            pass
    if args.mode == "sleep":  # waits, as a reader starved of CPU does, using none
        time.sleep(float(data or b"2"))
    if args.mode == "memory":
        hog = []
        try:
            while True:
                hog.append(bytearray(64 * 1024 * 1024))
        except MemoryError:
            print(json.dumps({"error": {"status": 422, "message": "out of memory"}}))
            return
    if args.mode == "die":
        os._exit(3)
    print(json.dumps({"echo": len(data)}))


if __name__ == "__main__":
    main()
