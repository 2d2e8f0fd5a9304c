"""The isolated AOR reader: ``python -m service.aor.worker`` reads a PDF on stdin, prints JSON.

Run by service.isolation.run_worker with limits on memory and CPU time; the parent
applies the program's rules to what this prints.
"""

from __future__ import annotations

import argparse
import json
import sys

from service.isolation import apply_limits


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--memory-mb", type=int, required=True)
    parser.add_argument("--cpu-seconds", type=int, required=True)
    parser.add_argument("--max-pages", type=int, required=True)
    args = parser.parse_args()
    # Imported after the limits would be fairer, but the libraries must load within them too.
    apply_limits(args.memory_mb, args.cpu_seconds)
    data = sys.stdin.buffer.read()
    print(json.dumps(read(data, args.max_pages)))


def read(data: bytes, max_pages: int) -> dict:
    from parsers.aor import read_aor
    from service.aor.transport import to_json
    from service.errors import DomainError

    try:
        return {"document": to_json(read_aor(data, max_pages=max_pages))}
    except DomainError as exc:
        return {"error": {"status": exc.status, "message": exc.message}}
    except MemoryError:
        return {
            "error": {
                "status": 422,
                "message": "the PDF needs more memory to read than allowed; it may hold a "
                "compressed stream built to expand without end",
            }
        }


if __name__ == "__main__":
    main()
