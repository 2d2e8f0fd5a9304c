"""A stored scan read by OCR: its reading, confidences and status, or why it failed."""

from __future__ import annotations

import datetime as dt
import logging
import time
from typing import Any

from sqlalchemy.orm import Session

from service.aor import intake
from service.aor.reading_state import FAILED, READING, status_of
from service.aor.trust import trusted
from service.errors import DomainError
from service.models.aor import AorUpload
from service.models.user import User
from service.storage import BlobStore

log = logging.getLogger(__name__)
# A busy machine (every reader taken, a reader slow to start) is waited out, this often.
ATTEMPTS = 5


def finish_scan(
    session: Session,
    store: BlobStore,
    upload_id: int,
    settings: intake.IntakeSettings,
    progress: intake.Progress | None = None,
) -> AorUpload | None:
    """Read the stored scan ``upload_id`` by OCR, once: a record no longer "reading" (read
    by another worker, or gone) is left as it is. Whatever happens, the original is kept
    and the record ends "read", "needs_review" or "failed" with the reason. ``progress`` is
    told (pages read, pages) as OCR goes."""
    record = session.get(AorUpload, upload_id)
    if record is None or record.status != READING:
        return record
    try:
        document, ocr = _read(store.get(record.sha256), settings, progress)
        uploader = session.get(User, record.uploaded_by_id) if record.uploaded_by_id else None
        if uploader is None:
            raise ScanFailed("the account that sent it no longer exists")
        reading = intake.reading_of(session, document, settings, uploader)
    except DomainError as exc:
        return _failed(session, upload_id, exc.message)
    except Exception as exc:
        log.error("reading scan %s failed: %s", upload_id, type(exc).__name__)
        return _failed(session, upload_id, "the service met an error reading it")
    reading["findings"] = [*reading["findings"], *_kept_findings(record)]
    _store_reading(record, reading, ocr)
    session.flush()
    if trusted(reading):
        intake.supersede(session, record)
    session.commit()
    return record


class ScanFailed(DomainError):
    status = 422


def _read(
    data: bytes, settings: intake.IntakeSettings, progress: intake.Progress | None
) -> tuple[Any, dict[str, Any]]:
    """OCR in a reader of the gate; a busy service is tried again a few times."""
    for attempt in range(ATTEMPTS):
        try:
            return intake.ocr_isolated(data, settings, progress)
        except DomainError as exc:
            # Busy readers say when to come back; any other refusal is the file's own.
            wait = getattr(exc, "retry_after", None)
            if wait is None or attempt == ATTEMPTS - 1:
                raise
            time.sleep(float(wait))
    raise AssertionError("unreachable")


def _kept_findings(record: AorUpload) -> list[dict[str, Any]]:
    """What the upload found before OCR (active content taken out of the copy)."""
    return [f for f in record.reading.get("findings") or [] if f.get("code")]


def _store_reading(record: AorUpload, reading: dict[str, Any], ocr: dict[str, Any]) -> None:
    record.reading = reading
    record.ocr = ocr | {"read_at": dt.datetime.now(dt.UTC).isoformat()}
    record.case_number = reading["case_number"] or None
    record.cin = reading["cin"] or None
    record.report_month = reading["report_month"]
    record.provider = reading["provider"] or None
    record.status = status_of(reading)
    record.failure = None


def _failed(session: Session, upload_id: int, message: str) -> AorUpload | None:
    session.rollback()
    record = session.get(AorUpload, upload_id)
    if record is None:
        return None
    record.status = FAILED
    text = message[:1].upper() + message[1:]
    record.failure = (text if text.endswith(".") else text + ".")[:500]
    session.commit()
    return record
