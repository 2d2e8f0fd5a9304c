"""The isolated AOR reader: ``python -m service.aor.worker`` reads a PDF on stdin, prints JSON.

Run by service.isolation.run_worker with limits on memory and CPU time; the parent
applies the program's rules to what this prints. Beside the reading it prints a sanitised
copy of the file (base64), so untrusted bytes are rewritten only under the same limits.
"""

from __future__ import annotations

import argparse
import base64
import json
import sys
from typing import Any

from service.isolation import apply_limits


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--memory-mb", type=int, required=True)
    parser.add_argument("--cpu-seconds", type=int, required=True)
    parser.add_argument("--max-pages", type=int, required=True)
    parser.add_argument("--sanitise-only", action="store_true")
    args = parser.parse_args()
    # Imported after the limits would be fairer, but the libraries must load within them too.
    apply_limits(args.memory_mb, args.cpu_seconds)
    data = sys.stdin.buffer.read()
    answer = sanitise(data) if args.sanitise_only else read(data, args.max_pages)
    print(json.dumps(answer))


def read(data: bytes, max_pages: int) -> dict[str, Any]:
    from parsers.aor import read_aor
    from service.aor.transport import to_json

    answer = _answer(lambda: {"document": to_json(read_aor(data, max_pages=max_pages))})
    # A file that cannot be rewritten without its active content is not kept at all.
    return answer if "error" in answer else answer | sanitise(data)


def sanitise(data: bytes) -> dict[str, Any]:
    """The copy staff download: active content and attachments taken out."""
    from parsers.pdf_sanitize import sanitize

    return _answer(lambda: _sanitised(sanitize(data)))


def _sanitised(result: Any) -> dict[str, Any]:
    text = base64.b64encode(result.data).decode("ascii")
    return {"sanitised": text, "removed": list(result.removed)}


def _answer(work: Any) -> dict[str, Any]:
    from service.errors import DomainError

    try:
        answer: dict[str, Any] = work()
        return answer
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
