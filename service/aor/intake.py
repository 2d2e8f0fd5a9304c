"""Receiving AOR uploads: read in isolation, keep the original and a sanitised copy, supersede."""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from parsers.errors import EmptyPdf, NotAPdf, TooLarge
from service.aor.findings import Finding
from service.aor.gate import ReaderGate
from service.aor.history import prior_excused
from service.aor.reading import build_reading
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
from service.isolation import Limits
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
    # The server's gate shared by every upload (service.api.aors); alone, a gate of its own.
    readers: ReaderGate = field(default_factory=ReaderGate)


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
    return Isolated(document_from_json(answer["document"]), *_sanitised(answer))


def sanitise_isolated(data: bytes, settings: IntakeSettings) -> bytes:
    """A sanitised copy of stored bytes (kept before copies were made), in a limited process."""
    arguments = [f"--max-pages={settings.max_pages}", "--sanitise-only"]
    answer = settings.readers.read(WORKER, data, arguments, settings.limits)
    if "error" in answer:
        raise AorRejected(int(answer["error"]["status"]), answer["error"]["message"])
    return _sanitised(answer)[0]


def _sanitised(answer: dict[str, Any]) -> tuple[bytes, tuple[str, ...]]:
    return base64.b64decode(answer["sanitised"]), tuple(answer.get("removed") or ())


def read_file(data: bytes, settings: IntakeSettings | None = None) -> dict[str, Any]:
    """The reading of one file, with no stored history (used by the command line)."""
    settings = settings or IntakeSettings()
    document = read_isolated(data, settings).document
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
    """Store an upload once per organisation: the same bytes again return the record kept."""
    digest = hashlib.sha256(data).hexdigest()
    existing = _kept(session, digest, uploader)
    if existing is not None:
        return Upload(existing, created=False)
    isolated = read_isolated(data, settings)
    reading = _reading(session, isolated, settings, uploader)
    store.put(data)  # before the row: a row never points at a file that is not there
    record = _record(digest, len(data), filename, reading, uploader)
    record.sanitised_sha256 = store.put(isolated.sanitised)
    session.add(record)
    try:
        session.flush()
        if trusted(reading):  # a report sent under another provider's name replaces nothing
            _supersede(session, record)
        session.commit()
    except IntegrityError:
        # The same file arrived twice at once: the other request stored it.
        session.rollback()
        existing = _kept(session, digest, uploader)
        if existing is None:
            raise
        return Upload(existing, created=False)
    return Upload(record, created=True)


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


def _reading(
    session: Session, isolated: Isolated, settings: IntakeSettings, uploader: User
) -> dict[str, Any]:
    """The reading, with case number and CIN normalised and what the EC must know about trust."""
    doc = isolated.document
    doc = dataclasses.replace(
        doc, case_number=normalised_id(doc.case_number) or "", cin=normalised_id(doc.cin) or ""
    )
    # Refused here, before anything is stored, when the case is referred only to others.
    found = referral_findings(session, doc.case_number or None, uploader.provider)
    found += provider_findings(doc.provider, uploader.provider)
    if isolated.removed:
        removed = ", ".join(isolated.removed)
        text = f"The file carried {removed}; staff open a copy without it, the original is kept."
        found.append(Finding("active_content_removed", text))
    prior = prior_excused(session, doc.cin or None, doc.case_number or None, doc.report_month)
    reading: dict[str, Any] = build_reading(doc, get_county(settings.county), prior=prior)
    reading["findings"] = reading["findings"] + [finding.as_dict() for finding in found]
    return reading


def _supersede(session: Session, record: AorUpload) -> None:
    """Mark the earlier current uploads ``record`` corrects as replaced by it."""
    for old in earlier_reports(session, record):
        old.superseded_by_id = record.id
        old.superseded_at = record.uploaded_at


def _safe_name(filename: str) -> str:
    name = filename.replace("\\", "/").rsplit("/", 1)[-1].strip() or "aor.pdf"
    return "".join(ch for ch in name if ch.isprintable())[:200]
