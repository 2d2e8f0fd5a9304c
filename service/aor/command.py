"""`wtwforms aor parse`: each file read in a forked child under the readers' limits."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from service.aor.forked import start_child
from service.config import Config
from service.errors import DomainError
from service.isolation import Handler, Limits

LIMITS = Limits(Config.AOR_READ_CPU_SECONDS, Config.AOR_READ_MEMORY_MB, Config.AOR_READ_SECONDS)
OCR_LIMITS = Limits(Config.AOR_OCR_CPU_SECONDS, Config.AOR_READ_MEMORY_MB, Config.AOR_OCR_SECONDS)


class UnreadableFile(DomainError):
    """A file the command could not read: ``path: why``, one line."""

    status = 422

    def __init__(self, path: Path, why: str) -> None:
        super().__init__(f"{path}: {why}")


def read_files(files: tuple[Path, ...]) -> list[dict[str, Any]]:
    """The reading of each file, each read in a forked child limited as the service's
    readers are (service/aor/forked.py). While the first child reads, this process imports
    the reading rules, on the other core: only what reading needs is imported (bench/aor.py)."""
    contents = [_contents(path) for path in files]
    from service.aor.worker import handle

    first = start_child(handle, _args(["--reading-only"]), contents[0], LIMITS)
    from service.aor.reading import build_reading
    from service.aor.transport import document_from_json
    from service.counties import get_county

    county = get_county("orange")
    county.calendar.holidays_in(dt.date.today().year)  # its import, while the child reads
    readings = []
    for index, (path, data) in enumerate(zip(files, contents, strict=True)):
        started = first if index == 0 else None
        answer = _read(path, handle, data, ["--reading-only"], LIMITS, started)
        if answer.get("scan"):  # pages of images: OCR
            ocr = ["--ocr", f"--ocr-threshold={Config.AOR_OCR_THRESHOLD:g}"]
            answer = _read(path, handle, data, ocr, OCR_LIMITS)
        document = document_from_json(answer["document"])
        readings.append({**build_reading(document, county), "filename": path.name})
    return readings


def _args(args: list[str]) -> list[str]:
    return [f"--max-pages={Config.AOR_MAX_PAGES}", *args]


def _read(
    path: Path,
    handle: Handler,
    data: bytes,
    args: list[str],
    limits: Limits,
    started: Callable[[], Any] | None = None,
) -> dict[str, Any]:
    try:
        answer = (started or start_child(handle, _args(args), data, limits))()
    except DomainError as exc:
        raise UnreadableFile(path, exc.message) from None
    if "error" in answer:
        raise UnreadableFile(path, answer["error"]["message"])
    return dict(answer)


def _contents(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(path, f"cannot read: {exc.strerror or exc}") from None
