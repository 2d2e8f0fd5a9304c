"""Receiving AOR uploads: read in isolation, keep the original, store the reading, supersede."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from parsers.errors import EmptyPdf, NotAPdf, TooLarge
from service.aor.history import prior_excused
from service.aor.reading import build_reading
from service.aor.transport import document_from_json
from service.counties import get_county
from service.errors import DomainError
from service.isolation import Limits, run_worker
from service.models.aor import AorUpload
from service.models.user import User
from service.storage import FileStore

WORKER = "service.aor.worker"


@dataclass(frozen=True)
class IntakeSettings:
    max_bytes: int = 10 * 1024 * 1024
    max_pages: int = 20
    limits: Limits = field(default_factory=Limits)
    county: str = "orange"


@dataclass(frozen=True)
class Upload:
    record: AorUpload
    created: bool


class AorRejected(DomainError):
    """The reader refused the file; status and message come from the reader."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def read_isolated(data: bytes, settings: IntakeSettings) -> Any:
    """The AorDocument read from ``data`` by a limited child process."""
    check_upload(data, settings)
    answer = run_worker(WORKER, data, [f"--max-pages={settings.max_pages}"], settings.limits)
    if "error" in answer:
        raise AorRejected(int(answer["error"]["status"]), answer["error"]["message"])
    return document_from_json(answer["document"])


def read_file(data: bytes, settings: IntakeSettings | None = None) -> dict[str, Any]:
    """The reading of one file, with no stored history (used by the command line)."""
    settings = settings or IntakeSettings()
    document = read_isolated(data, settings)
    reading: dict[str, Any] = build_reading(document, get_county(settings.county))
    return reading


def check_upload(data: bytes, settings: IntakeSettings) -> None:
    """Cheap refusals before any process is started."""
    if not data:
        raise EmptyPdf()
    if len(data) > settings.max_bytes:
        raise TooLarge("bytes", settings.max_bytes)
    if b"%PDF-" not in data[:1024]:
        raise NotAPdf()


def receive(
    session: Session,
    store: FileStore,
    data: bytes,
    filename: str,
    settings: IntakeSettings,
    uploader: User,
) -> Upload:
    """Store an upload once: the same bytes again return the record already kept."""
    digest = hashlib.sha256(data).hexdigest()
    existing = session.scalar(select(AorUpload).where(AorUpload.sha256 == digest))
    if existing is not None:
        return Upload(existing, created=False)
    document = read_isolated(data, settings)
    county = get_county(settings.county)
    prior = prior_excused(session, document.case_number, document.report_month)
    reading = build_reading(document, county, prior=prior)
    store.put(data)  # before the row: a row never points at a file that is not there
    record = AorUpload(
        sha256=digest,
        filename=_safe_name(filename),
        size=len(data),
        uploaded_at=dt.datetime.now(dt.UTC),
        case_number=reading["case_number"] or None,
        cin=reading["cin"] or None,
        report_month=reading["report_month"],
        provider=reading["provider"] or None,
        reading=reading,
        uploaded_by_id=uploader.id,
        organisation=uploader.provider,
    )
    session.add(record)
    try:
        session.flush()
        _supersede(session, record)
        session.commit()
    except IntegrityError:
        # The same file arrived twice at once: the other request stored it.
        session.rollback()
        existing = session.scalar(select(AorUpload).where(AorUpload.sha256 == digest))
        if existing is None:
            raise
        return Upload(existing, created=False)
    return Upload(record, created=True)


def _supersede(session: Session, record: AorUpload) -> None:
    """Mark earlier current readings of the same case and month as replaced by ``record``."""
    if not record.case_number or not record.report_month:
        return
    earlier = session.scalars(
        select(AorUpload).where(
            AorUpload.case_number == record.case_number,
            AorUpload.report_month == record.report_month,
            AorUpload.superseded_by_id.is_(None),
            AorUpload.id != record.id,
        )
    )
    for old in earlier:
        old.superseded_by_id = record.id
        old.superseded_at = record.uploaded_at


def _safe_name(filename: str) -> str:
    name = filename.replace("\\", "/").rsplit("/", 1)[-1].strip() or "aor.pdf"
    return "".join(ch for ch in name if ch.isprintable())[:200]
