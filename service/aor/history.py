"""What a person's other current AORs already drew from the excused-hour caps (the ledger)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from service.aor.excused import PriorExcused
from service.aor.reading_state import NEEDS_REVIEW, READ
from service.aor.trust import person_name_key, trusted
from service.models.aor import AorUpload

# 45 CFR 261.60(b): the 12-month period is the report month and the 11 before it.
LOOKBACK_MONTHS = 11
# A scan still being read, or one that failed, has drawn nothing yet.
LEDGER_STATES = (READ, NEEDS_REVIEW)


@dataclass(frozen=True)
class Person:
    """Whose caps an AOR draws from: the CIN when read, else case number and name."""

    cin: str | None
    case_number: str | None
    name: str | None

    def known(self) -> bool:
        return bool(self.cin or (self.case_number and person_name_key(self.name)))


def preceding_months(report_month: str, count: int = LOOKBACK_MONTHS) -> list[str]:
    """The ``count`` months before ``YYYY-MM``, as ``YYYY-MM``."""
    year, month = (int(part) for part in report_month.split("-"))
    months = []
    for back in range(1, count + 1):
        index = year * 12 + (month - 1) - back
        months.append(f"{index // 12:04d}-{index % 12 + 1:02d}")
    return months


def prior_excused(
    session: Session, person: Person, report_month: str | None, before_id: int | None = None
) -> PriorExcused:
    """What this person's other stored, current AORs drew in the 12-month period.

    45 CFR 261.60(b): the caps are the person's (CIN), across all their activities and
    providers, over the report month and the 11 before it. Every AOR of an earlier month
    drew first; within the report month the order is the upload id: an AOR draws after the
    current ones stored before it (``before_id``: its own id; None for one not stored yet,
    which comes after them all). A correction re-reads an AOR in its place in that order.

    The person is the CIN when one was read. Without a CIN the person is the case number
    and the participant's name (as ``service/aor/trust.py`` keys a report stream): a case
    number alone would pool both parents of a two-parent case into one set of caps. A
    stored AOR without a CIN is matched the same way. With neither, nothing is drawn.

    A report whose sender is not the provider printed on it draws nothing: a stranger's
    report must not use up the person's caps.
    """
    if not report_month or not person.known():
        return PriorExcused()
    earlier = preceding_months(report_month)
    stored = session.scalars(
        select(AorUpload).where(
            person_filter(person),
            AorUpload.report_month.in_([report_month, *earlier]),
            AorUpload.superseded_by_id.is_(None),
            AorUpload.id != (before_id or 0),
        )
    )
    drawn = [
        record
        for record in stored
        if same_person(record, person)
        and trusted(record.reading)
        and (record.report_month != report_month or before_id is None or record.id < before_id)
    ]
    return _tally(drawn, report_month)


def person_filter(person: Person) -> ColumnElement[bool]:
    """The stored AORs that may be ``person``'s; ``same_person`` decides each."""
    if not person.cin:
        return AorUpload.case_number == person.case_number
    by_name = and_(AorUpload.case_number == person.case_number, AorUpload.cin.is_(None))
    return (
        or_(AorUpload.cin == person.cin, by_name)
        if person.case_number
        else (AorUpload.cin == person.cin)
    )


def same_person(record: AorUpload, person: Person) -> bool:
    """The CIN when both have one; else the case number and the normalised name."""
    if person.cin and record.cin:
        return record.cin == person.cin
    name = person_name_key(record.reading.get("participant_name"))
    return record.case_number == person.case_number and name == person_name_key(person.name)


def following_months(report_month: str, count: int = LOOKBACK_MONTHS) -> list[str]:
    """The ``count`` months after ``YYYY-MM``: those whose 12-month period holds it."""
    year, month = (int(part) for part in report_month.split("-"))
    index = year * 12 + month - 1
    return [f"{(index + n) // 12:04d}-{(index + n) % 12 + 1:02d}" for n in range(1, count + 1)]


def drawing_after(session: Session, record: AorUpload) -> Sequence[AorUpload]:
    """The person's current, read AORs that draw from the caps after ``record``, in ledger
    order (service/aor/history.py): the same month with a higher id, then the 11 months after.
    """
    reading = record.reading
    person = Person(record.cin, record.case_number, reading.get("participant_name"))
    if not record.report_month or not person.known():
        return []
    stored = session.scalars(
        select(AorUpload)
        .where(
            person_filter(person),
            AorUpload.report_month.in_(
                [record.report_month, *following_months(record.report_month)]
            ),
            AorUpload.superseded_by_id.is_(None),
            AorUpload.status.in_(LEDGER_STATES),
            AorUpload.id != record.id,
        )
        .order_by(AorUpload.report_month, AorUpload.id)
    )
    return [
        later
        for later in stored
        if same_person(later, person)
        and (later.report_month != record.report_month or later.id > record.id)
    ]


def _tally(records: Iterable[AorUpload], report_month: str) -> PriorExcused:
    hours = month_hours = Decimal(0)
    dates: set[dt.date] = set()
    undated = 0
    for record in records:
        counted = record.reading.get("excused_countable") or {}
        drawn = Decimal(str(counted.get("hours", 0)))
        hours += drawn
        if record.report_month == report_month:
            month_hours += drawn
        if "holiday_dates" in counted:
            dates.update(dt.date.fromisoformat(d) for d in counted["holiday_dates"])
        else:  # a reading kept before holiday dates were recorded
            undated += int(counted.get("holidays", 0))
    return PriorExcused(
        hours=hours,
        holidays=len(dates) + undated,
        holiday_dates=frozenset(dates),
        month_hours=month_hours,
    )
