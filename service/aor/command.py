"""`wtwforms aor parse`: files read by a reader process started for the command."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from service.config import Config
from service.errors import DomainError
from service.isolation import Limits
from service.isolation_pool import PoolSettings, ReaderPool

# The service's reader, without the sanitiser: the command keeps no copy.
READER = "service.aor.parse_worker"
LIMITS = Limits(Config.AOR_READ_CPU_SECONDS, Config.AOR_READ_MEMORY_MB, Config.AOR_READ_SECONDS)
OCR_LIMITS = Limits(Config.AOR_OCR_CPU_SECONDS, Config.AOR_READ_MEMORY_MB, Config.AOR_OCR_SECONDS)


class UnreadableFile(DomainError):
    """A file the command could not read: ``path: why``, one line."""

    status = 422

    def __init__(self, path: Path, why: str) -> None:
        super().__init__(f"{path}: {why}")


def read_files(files: tuple[Path, ...]) -> list[dict[str, Any]]:
    """The reading of each file, limited as the service's readers are. The reader process
    starts first and imports the parser while this one imports the reading rules, on the
    other core: only what reading needs is imported (bench/aor.py)."""
    contents = [_contents(path) for path in files]
    pool = ReaderPool(PoolSettings(size=1, max_files=2 * len(files) + 1))
    pool.start(READER, LIMITS)
    try:
        from service.aor.reading import build_reading
        from service.aor.transport import document_from_json
        from service.counties import get_county

        county = get_county("orange")
        county.calendar.holidays_in(dt.date.today().year)  # its import, while the reader reads
        readings = []
        for path, data in zip(files, contents, strict=True):
            answer = _read(pool, path, data, ["--reading-only"], LIMITS)
            if answer.get("scan"):  # pages of images: OCR, in the same reader
                ocr = ["--ocr", f"--ocr-threshold={Config.AOR_OCR_THRESHOLD:g}"]
                answer = _read(pool, path, data, ocr, OCR_LIMITS)
            document = document_from_json(answer["document"])
            readings.append({**build_reading(document, county), "filename": path.name})
        return readings
    finally:
        pool.close()


def _read(
    pool: ReaderPool, path: Path, data: bytes, args: list[str], limits: Limits
) -> dict[str, Any]:
    try:
        answer = pool.read(READER, data, [f"--max-pages={Config.AOR_MAX_PAGES}", *args], limits)
    except DomainError as exc:
        raise UnreadableFile(path, exc.message) from None
    if "error" in answer:
        raise UnreadableFile(path, answer["error"]["message"])
    return answer


def _contents(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(path, f"cannot read: {exc.strerror or exc}") from None
