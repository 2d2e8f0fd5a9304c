"""What an AOR says, as read from a PDF: plain dataclasses with no rules applied."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

HOUR_COLUMNS = ("scheduled", "attended", "excused", "unexcused")


@dataclass(frozen=True)
class Problem:
    """A parse-level finding: ``date`` names the row it concerns, ``field`` the value or column."""

    code: str
    message: str
    date: dt.date | None = None
    field: str | None = None


@dataclass(frozen=True)
class AorRow:
    """One day of Section B; ``raw`` keeps the text of each hour cell that was not a number."""

    date: dt.date | None
    scheduled: Decimal
    attended: Decimal
    excused: Decimal
    unexcused: Decimal
    excused_code: str | None = None
    note: str = ""
    day: str = ""
    date_text: str = ""
    raw: dict[str, str] = field(default_factory=dict)

    def hours(self, column: str) -> Decimal:
        return Decimal(getattr(self, column))


@dataclass(frozen=True)
class Totals:
    """The TOTAL row as printed; a cell that was not a number is None."""

    scheduled: Decimal | None
    attended: Decimal | None
    excused: Decimal | None
    unexcused: Decimal | None


@dataclass(frozen=True)
class Employment:
    employer_name: str
    employer_address: str
    occupation: str
    hours_week: Decimal | None
    hourly_wage: Decimal | None
    start_date: dt.date | None


@dataclass(frozen=True)
class PreparedBy:
    name: str
    title: str
    phone: str
    email: str


@dataclass(frozen=True)
class AorDocument:
    """Sections A to E of one AOR; ``problems`` lists what could not be read as written."""

    participant_name: str
    case_number: str
    cin: str
    cm_name: str
    cm_email: str
    activity: str | None
    provider: str
    worksite: str
    report_month: str | None
    report_type: str | None
    assigned_hours_week: Decimal | None
    activity_start: dt.date | None
    activity_end: dt.date | None
    rows: tuple[AorRow, ...]
    printed_totals: Totals | None
    outcome: str | None
    employed: bool | None
    employment: Employment | None
    comments: str
    prepared_by: PreparedBy
    submitted_date: dt.date | None
    page_count: int
    source: str
    problems: tuple[Problem, ...] = ()
