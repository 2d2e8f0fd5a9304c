"""Where an upload's reading stands: being read, read, read with values to check, or failed."""

from __future__ import annotations

from typing import Any

from parsers.aor_model import AorDocument, PreparedBy
from service.aor.reading import build_reading

READING = "reading"  # a scan waiting for OCR, or being read by it, in the background
READ = "read"
NEEDS_REVIEW = "needs_review"  # read, with values marked for a person to check
FAILED = "failed"
STATES = (READING, READ, NEEDS_REVIEW, FAILED)
# Findings that mark a value as not to be trusted until a person has checked it.
REVIEW_CODES = frozenset({"needs_review", "text_not_clean"})


def status_of(reading: dict[str, Any]) -> str:
    """ "needs_review" while a finding marks a value for review (until staff say the reading
    was reviewed), else "read"."""
    if reading.get("reviewed"):
        return READ
    marked = any(f.get("code") in REVIEW_CODES for f in reading.get("findings") or [])
    return NEEDS_REVIEW if marked else READ


def pending_reading() -> dict[str, Any]:
    """The reading of a scan not read yet: every part there, and empty."""
    empty = AorDocument(
        participant_name="",
        case_number="",
        cin="",
        cm_name="",
        cm_email="",
        activity=None,
        provider="",
        worksite="",
        report_month=None,
        report_type=None,
        assigned_hours_week=None,
        activity_start=None,
        activity_end=None,
        rows=(),
        printed_totals=None,
        outcome=None,
        employed=None,
        employment=None,
        comments="",
        prepared_by=PreparedBy("", "", "", ""),
        submitted_date=None,
        page_count=0,
        source="ocr",
    )
    return build_reading(empty)
