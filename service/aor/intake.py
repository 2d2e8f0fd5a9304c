"""Receiving AOR uploads: read in isolation, keep the original and a sanitised copy, supersede."""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from parsers.errors import EmptyPdf, NotAPdf, TooLarge
from service.aor.corrections import rework_after
from service.aor.findings import Finding
from service.aor.gate import Reader, ReaderGate
from service.aor.history import Person, prior_excused
from service.aor.reading import build_reading
from service.aor.reading_state import FAILED, READING, pending_reading, status_of
from service.aor.transport import document_from_json
from service.aor.trust import (
    earlier_reports,
    normalised_id,
    provider_findings,
    referral_findings,
    trusted,
)
from service.counties import get_county
from service.errors import DomainError
from service.isolation import Limits, Progress
from service.models.aor import AorUpload
from service.models.user import User
from service.storage import BlobStore

WORKER = "service.aor.worker"


@dataclass(frozen=True)
class IntakeSettings:
    max_bytes: int = 10 * 1024 * 1024
    max_pages: int = 20
    limits: Limits = field(default_factory=Limits)
    county: str = "orange"
    # The server's gate shared by every upload (service.api.aors); alone, a gate of its own.
    readers: Reader = field(default_factory=ReaderGate)
    # Scans: OCR's own limits (pages take seconds each), the confidence under which a value
    # is marked for review, and where a stored scan's id goes to be read in the background.
    ocr_limits: Limits = field(default_factory=lambda: Limits(cpu_seconds=120, seconds=600))
    ocr_threshold: float = 80.0
    background: Callable[[int], None] | None = None


@dataclass(frozen=True)
class Upload:
    record: AorUpload
    created: bool


@dataclass(frozen=True)
class Isolated:
    """What the reader process answers: the document, and the copy staff may open."""

    document: Any
    sanitised: bytes
    removed: tuple[str, ...] = ()
    scan: bool = False  # no text: ``document`` is None until OCR reads it


class AorRejected(DomainError):
    """The reader refused the file; status and message come from the reader."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def read_isolated(data: bytes, settings: IntakeSettings) -> Isolated:
    """The AorDocument read from ``data``, and its sanitised copy, by a limited child process."""
    check_upload(data, settings)
    answer = settings.readers.read(
        WORKER, data, [f"--max-pages={settings.max_pages}"], settings.limits
    )
    if "error" in answer:
        raise AorRejected(int(answer["error"]["status"]), answer["error"]["message"])
    if answer.get("scan"):
        return Isolated(None, *_sanitised(answer), scan=True)
    return Isolated(document_from_json(answer["document"]), *_sanitised(answer))


def ocr_isolated(
    data: bytes, settings: IntakeSettings, progress: Progress | None = None
) -> tuple[Any, dict[str, Any]]:
    """The AorDocument OCR reads from a scan, and each value's confidence, in a reader;
    ``progress`` is told (pages read, pages) as it goes."""
    arguments = [f"--max-pages={settings.max_pages}", "--ocr"]
    arguments.append(f"--ocr-threshold={settings.ocr_threshold:g}")
    answer = settings.readers.read(WORKER, data, arguments, settings.ocr_limits, progress)
    if "error" in answer:
        raise AorRejected(int(answer["error"]["status"]), answer["error"]["message"])
    return document_from_json(answer["document"]), answer["ocr"]


def sanitise_isolated(data: bytes, settings: IntakeSettings) -> bytes:
    """A sanitised copy of stored bytes (kept before copies were made), in a limited process."""
    arguments = [f"--max-pages={settings.max_pages}", "--sanitise-only"]
    answer = settings.readers.read(WORKER, data, arguments, settings.limits)
    if "error" in answer:
        raise AorRejected(int(answer["error"]["status"]), answer["error"]["message"])
    return _sanitised(answer)[0]


def _sanitised(answer: dict[str, Any]) -> tuple[bytes, tuple[str, ...]]:
    return base64.b64decode(answer["sanitised"]), tuple(answer.get("removed") or ())


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
    store: BlobStore,
    data: bytes,
    filename: str,
    settings: IntakeSettings,
    uploader: User,
) -> Upload:
    """Store an upload once per organisation: the same bytes again return the record kept."""
    digest = hashlib.sha256(data).hexdigest()
    existing = _kept(session, digest, uploader)
    if existing is not None:
        return Upload(_again_if_failed(session, existing, settings), created=False)
    isolated = read_isolated(data, settings)
    if isolated.scan:  # read later, by OCR: the upload answers at once
        reading = pending_reading()
        reading["findings"] = [f.as_dict() for f in _removed(isolated.removed)]
    else:
        reading = reading_of(session, isolated.document, settings, uploader, isolated.removed)
    store.put(data)  # before the row: a row never points at a file that is not there
    record = _record(digest, len(data), filename, reading, uploader)
    record.status = READING if isolated.scan else status_of(reading)
    record.sanitised_sha256 = store.put(isolated.sanitised)
    session.add(record)
    try:
        session.flush()
        if not isolated.scan and trusted(reading):  # another provider's name replaces nothing
            supersede(session, record)
        session.commit()
    except IntegrityError:
        # The same file arrived twice at once: the other request stored it.
        session.rollback()
        existing = _kept(session, digest, uploader)
        if existing is None:
            raise
        return Upload(existing, created=False)
    if isolated.scan and settings.background is not None:
        settings.background(record.id)
    return Upload(record, created=True)


def _again_if_failed(session: Session, record: AorUpload, settings: IntakeSettings) -> AorUpload:
    """A scan whose reading failed, sent again, is read again (OCR may be installed now)."""
    if record.status != FAILED or settings.background is None:
        return record
    record.status, record.failure = READING, None
    session.commit()
    settings.background(record.id)
    return record


def _record(
    digest: str, size: int, filename: str, reading: dict[str, Any], uploader: User
) -> AorUpload:
    return AorUpload(
        sha256=digest,
        filename=_safe_name(filename),
        size=size,
        uploaded_at=dt.datetime.now(dt.UTC),
        case_number=reading["case_number"] or None,
        cin=reading["cin"] or None,
        report_month=reading["report_month"],
        provider=reading["provider"] or None,
        reading=reading,
        uploaded_by_id=uploader.id,
        organisation=uploader.provider,
    )


def _kept(session: Session, digest: str, uploader: User) -> AorUpload | None:
    """The same file, if the uploader's organisation sent it before (others' are not seen)."""
    if not uploader.provider:
        return None
    return session.scalar(
        select(AorUpload).where(
            AorUpload.sha256 == digest, AorUpload.organisation == uploader.provider
        )
    )


def reading_of(
    session: Session,
    doc: Any,
    settings: IntakeSettings,
    uploader: User,
    removed: tuple[str, ...] = (),
) -> dict[str, Any]:
    """The reading, with case number and CIN normalised and what the EC must know about trust."""
    doc = dataclasses.replace(
        doc, case_number=normalised_id(doc.case_number) or "", cin=normalised_id(doc.cin) or ""
    )
    # Refused here, before anything is stored, when the case is referred only to others.
    found = referral_findings(session, doc.case_number or None, uploader.provider)
    found += provider_findings(doc.provider, uploader.provider)
    found += _removed(removed)
    person = Person(doc.cin or None, doc.case_number or None, doc.participant_name)
    prior = prior_excused(session, person, doc.report_month)
    reading: dict[str, Any] = build_reading(doc, get_county(settings.county), prior=prior)
    reading["findings"] = reading["findings"] + [finding.as_dict() for finding in found]
    return reading


def _removed(removed: tuple[str, ...]) -> list[Finding]:
    if not removed:
        return []
    text = (
        f"The file carried {', '.join(removed)}; staff open a copy without it, "
        "the original is kept."
    )
    return [Finding("active_content_removed", text)]


def supersede(session: Session, record: AorUpload) -> None:
    """Mark the earlier current uploads ``record`` corrects as replaced by it, then work out
    again what the person's AORs drawing after the first of them (or after ``record``) may
    draw from the excused-hour caps: a replacement, or a report for an earlier month,
    changes it (service/aor/history.py keeps the ledger's order)."""
    replaced = list(earlier_reports(session, record))
    for old in replaced:
        old.superseded_by_id = record.id
        old.superseded_at = record.uploaded_at
    rework_after(session, min(replaced, key=lambda old: old.id) if replaced else record)


def _safe_name(filename: str) -> str:
    name = filename.replace("\\", "/").rsplit("/", 1)[-1].strip() or "aor.pdf"
    return "".join(ch for ch in name if ch.isprintable())[:200]
