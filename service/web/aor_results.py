"""The AOR upload page's work: each file read as the API reads it, and what the page shows of it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from parsers.aor_model import HOUR_COLUMNS
from service.aor import intake, records
from service.aor.findings import NEEDS_ACTION
from service.aor.reading_state import READING
from service.errors import DomainError, InvalidInput
from service.jobs import scans
from service.models.aor import AorUpload
from service.models.user import User
from service.storage import BlobStore
from service.web import aor_batch


@dataclass(frozen=True)
class Incoming:
    """One file from the form or the page's script: the name it was sent under, its bytes."""

    filename: str
    data: bytes


@dataclass(frozen=True)
class FileResult:
    """One file's outcome: its reading as the page shows it, or why it could not be read."""

    filename: str
    status: int
    error: str = ""
    reading: dict[str, Any] | None = None
    created: bool = False
    replaced: list[dict[str, Any]] = field(default_factory=list)
    record_id: int | None = None
    polled: bool = False  # shown again to follow a scan's reading, not sent again
    job: dict[str, Any] | None = None  # a scan's reading: how many pages are read

    @property
    def outcome(self) -> str:
        return aor_batch.outcome(self.error, self.reading, self.created, self.polled)


def check_batch(count: int, max_files: int) -> None:
    """Refuse a form post with no file, or with more than the page reads at once."""
    if count == 0:
        raise InvalidInput({"files": ["Choose one or more AOR PDF files."]})
    if count > max_files:
        message = f"Upload at most {max_files} files at a time; {count} were chosen."
        raise InvalidInput({"files": [message]})


def receive_each(
    session: Session,
    store: BlobStore,
    uploads: Iterable[Incoming],
    settings: intake.IntakeSettings,
    uploader: User,
) -> list[FileResult]:
    """Every file read on its own: one that cannot be read does not stop the others."""
    return [receive_one(session, store, upload, settings, uploader) for upload in uploads]


def receive_one(
    session: Session,
    store: BlobStore,
    upload: Incoming,
    settings: intake.IntakeSettings,
    uploader: User,
) -> FileResult:
    """One file through ``intake.receive`` (as POST /api/v1/aors), with what it replaced."""
    name = upload.filename or "(no file name)"
    try:
        done = intake.receive(session, store, upload.data, upload.filename, settings, uploader)
    except DomainError as exc:
        return FileResult(name, exc.status, error=sentence(exc.message))
    replaced = [_earlier(old) for old in records.replaced_by(session, done.record)]
    return FileResult(
        filename=name,
        status=202 if done.record.status == READING else 201 if done.created else 200,
        reading=shown(done.record),
        created=done.created,
        replaced=replaced if done.created else [],
        record_id=done.record.id,
        job=_job(session, done.record),
    )


def stored(session: Session, viewer: User, aor_id: int) -> FileResult:
    """An upload's result as it stands now: a scan being read, read, or failed."""
    record = records.get_upload(session, aor_id, viewer)
    return FileResult(
        record.filename,
        200,
        reading=shown(record),
        record_id=record.id,
        polled=True,
        job=_job(session, record),
    )


def _job(session: Session, record: AorUpload) -> dict[str, Any] | None:
    """The job reading a scan still being read, for its progress bar."""
    job = scans.open_job(session, record) if record.status == READING else None
    return scans.answer_of(job) if job is not None else None


def refused(filename: str, exc: DomainError) -> FileResult:
    return FileResult(filename or "(no file name)", exc.status, error=sentence(exc.message))


def sentence(message: str) -> str:
    """The reader's messages start in lower case, to follow a file name; alone they are a line."""
    text = message[:1].upper() + message[1:]
    return text if text.endswith(".") else text + "."


def shown(record: AorUpload) -> dict[str, Any]:
    """A stored reading as the page lays it out: dates and hours as people write them."""
    reading = records.describe(record)
    printed = reading["printed_totals"] or {}
    return {
        "id": record.id,
        "stored_as": record.filename,
        "uploaded_at": record.uploaded_at,
        "superseded_by": record.superseded_by_id,
        "participant": reading["participant_name"] or "(no name read)",
        "case_number": reading["case_number"] or "(no case number read)",
        "month": month_name(reading["report_month"]),
        "activity": reading["activity"] or "",
        "rows": [_row(row) for row in reading["rows"]],
        "totals": [
            {
                "column": column.capitalize(),
                "computed": hours(reading["totals"][column]),
                "printed": hours(printed.get(column)),
                "differs": column in printed
                and printed[column] is not None
                and printed[column] != reading["totals"][column],
            }
            for column in HOUR_COLUMNS
        ],
        "has_printed": bool(printed),
        "findings": [_finding(finding) for finding in reading["findings"]],
        "needs_action": any(f["severity"] == NEEDS_ACTION for f in reading["findings"]),
        "due": due_line(reading["due_date"], reading["submitted_date"], reading["on_time"]),
        "late": reading["on_time"] is False,
        "corrections": corrected(reading),
        "status": record.status,
        "failure": record.failure or "",
        "marked": sum(1 for f in reading["findings"] if f["code"] == "needs_review"),
        "mismatches": aor_batch.mismatches(
            reading["findings"],
            reading["case_number"],
            reading.get("provider"),
            record.organisation,
        ),
    }


def _finding(finding: dict[str, Any]) -> str:
    """A note is said to be one; what needs action is the finding as written."""
    note = finding["severity"] != NEEDS_ACTION
    return f"Note: {finding['message']}" if note else finding["message"]


def corrected(reading: dict[str, Any]) -> list[dict[str, Any]]:
    """What county staff corrected on the report, and when: not which worker did."""
    return [
        {"label": c["label"], "old": c["old"], "new": c["new"], "at": c["at"]}
        for c in reading.get("corrections") or []
    ]


def _row(row: dict[str, Any]) -> dict[str, str]:
    return {
        "date": us_date(row["date"]) or "(no date)",
        "day": row["day"] or "",
        **{column: hours(row[column]) for column in HOUR_COLUMNS},
        "code": row["excused_code"] or "",
        "note": row["note"] or "",
    }


def _earlier(old: AorUpload) -> dict[str, Any]:
    return {"id": old.id, "filename": old.filename, "uploaded_at": old.uploaded_at}


def due_line(due: str | None, submitted: str | None, on_time: bool | None) -> str:
    """When the AOR was due and whether it came in time, in one sentence."""
    if not due:
        return "No due date: the report month could not be read."
    if not submitted:
        return f"Due {us_date(due)}; the form gives no submission date."
    if on_time:
        return f"On time: submitted {us_date(submitted)}, due {us_date(due)}."
    return f"Late: submitted {us_date(submitted)}, due {us_date(due)}."


def hours(value: Any) -> str:
    """7 as "7", 138.25 as "138.25"; a total the form does not print as a dash."""
    if value is None:
        return "–"
    return format(Decimal(str(value)).normalize(), "f")


def us_date(value: str | None) -> str:
    return dt.date.fromisoformat(value).strftime("%m/%d/%Y") if value else ""


def month_name(value: str | None) -> str:
    """A report month as people say it: "2026-01" as "January 2026"."""
    if not value:
        return "(no report month read)"
    year, month = value.split("-")
    return dt.date(int(year), int(month), 1).strftime("%B %Y")


def recent(session: Session, viewer: User, limit: int = 20) -> list[dict[str, Any]]:
    """The latest uploads of the viewer's organisation, with whether each is still current."""
    return [_listed(record) for record in records.recent_uploads(session, viewer, limit)]


def _listed(record: AorUpload) -> dict[str, Any]:
    reading = record.reading
    return {
        "id": record.id,
        "filename": record.filename,
        "uploaded_at": record.uploaded_at,
        "case_number": record.case_number or "",
        "month": month_name(record.report_month) if record.report_month else "",
        "participant": reading.get("participant_name") or "",
        "findings": len(reading.get("findings") or []),
        "late": reading.get("on_time") is False,
        "superseded_by": record.superseded_by_id,
        "corrections": corrected(reading),
        "status": record.status,
    }


def record_ids(results: Iterable[FileResult]) -> list[int]:
    """The stored records a post touched, for its audit row."""
    return [r.record_id for r in results if r.record_id is not None]
