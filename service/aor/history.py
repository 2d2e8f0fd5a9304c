"""Excused absence already counted for a participant in the 12 months before a report month."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from service.aor.excused import PriorExcused
from service.aor.trust import trusted
from service.models.aor import AorUpload

LOOKBACK_MONTHS = 12


def preceding_months(report_month: str, count: int = LOOKBACK_MONTHS) -> list[str]:
    """The ``count`` months before ``YYYY-MM``, as ``YYYY-MM``."""
    year, month = (int(part) for part in report_month.split("-"))
    months = []
    for back in range(1, count + 1):
        index = year * 12 + (month - 1) - back
        months.append(f"{index // 12:04d}-{index % 12 + 1:02d}")
    return months


def prior_excused(
    session: Session, cin: str | None, case_number: str | None, report_month: str | None
) -> PriorExcused:
    """What this person's stored, current AORs counted in the preceding 12 months.

    The person is the CIN when it was read, else the case number. Every provider's reports
    count (the caps are the person's), except one whose sender is not the provider printed
    on it: a stranger's report must not use up the person's caps.
    """
    if not (cin or case_number) or not report_month:
        return PriorExcused()
    person = AorUpload.cin == cin if cin else AorUpload.case_number == case_number
    stored = session.scalars(
        select(AorUpload).where(
            person,
            AorUpload.report_month.in_(preceding_months(report_month)),
            AorUpload.superseded_by_id.is_(None),
        )
    )
    hours, holidays = Decimal(0), 0
    for record in stored:
        if not trusted(record.reading):
            continue
        counted = record.reading.get("excused_countable") or {}
        hours += Decimal(str(counted.get("hours", 0)))
        holidays += int(counted.get("holidays", 0))
    return PriorExcused(hours=hours, holidays=holidays)
