"""The isolated AOR reader: ``python -m service.aor.worker`` reads PDF after PDF, answers JSON.

A warm reader of service.isolation_pool, with limits on memory and CPU time (see
service.isolation.serve); the parent applies the program's rules to what it answers.
Beside the reading it answers a sanitised copy of the file (base64), so untrusted bytes
are rewritten only under the same limits.
"""

from __future__ import annotations

import argparse
import base64
import importlib
from typing import Any

from service.isolation import report, serve, spent


def main() -> None:
    serve(handle, warm)


def warm() -> None:
    """Import the reader and the sanitiser once, under the limits: most of a cold read."""
    for module in ("parsers.aor", "parsers.pdf_sanitize", "service.aor.transport"):
        importlib.import_module(module)


def handle(args: list[str], data: bytes) -> dict[str, Any]:
    """One file: ``--max-pages=N``, and ``--sanitise-only`` (just the copy) or
    ``--reading-only`` (no copy: the command line)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--max-pages", type=int, required=True)
    parser.add_argument("--sanitise-only", action="store_true")
    parser.add_argument("--reading-only", action="store_true")
    parser.add_argument("--ocr", action="store_true")
    parser.add_argument("--ocr-threshold", type=float, default=80.0)
    options = parser.parse_args(args)
    if options.sanitise_only:
        return sanitise(data)
    if options.ocr:
        return read_scan(data, options.max_pages, options.ocr_threshold)
    return read(data, options.max_pages, copy=not options.reading_only)


def read(data: bytes, max_pages: int, copy: bool = True) -> dict[str, Any]:
    from parsers.aor import read_aor
    from parsers.errors import NoTextLayer
    from service.aor.transport import to_json

    def reading() -> dict[str, Any]:
        try:
            return {"document": to_json(read_aor(data, max_pages=max_pages))}
        except NoTextLayer:
            return {"scan": True}  # pages of images: read by OCR (--ocr), in the background

    answer = _answer(reading)
    # A file that cannot be rewritten without its active content is not kept at all.
    return answer if "error" in answer or not copy else answer | sanitise(data)


def read_scan(data: bytes, max_pages: int, threshold: float) -> dict[str, Any]:
    """A scan read by OCR: the document, and each value's confidence (no copy: the upload
    made it). The parent hears of each page read."""
    from parsers.aor_ocr import OcrSettings, read_scan
    from service.aor.transport import to_json

    def reading() -> dict[str, Any]:
        settings = OcrSettings(threshold=threshold)
        scan = read_scan(data, settings, max_pages=max_pages, progress=report)
        return {"document": to_json(scan.document), "ocr": scan.as_json()}

    return _answer(reading)


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
        spent()
        return {
            "error": {
                "status": 422,
                "message": "the PDF needs more memory to read than allowed; it may hold a "
                "compressed stream built to expand without end",
            }
        }


if __name__ == "__main__":
    main()
