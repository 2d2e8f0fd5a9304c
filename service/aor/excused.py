"""Excused absences that count as federal participation hours, 45 CFR 261.60(b)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Container, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from parsers.aor_model import AorRow
from service.rules.catalog import rule

EXCUSED_CODES = {
    "HOL": "holiday",
    "ILL": "participant's illness",
    "FAM": "family illness or emergency",
    "APT": "medical or social-services appointment",
    "CRT": "court appearance",
    "TRN": "transportation breakdown",
    "OTH": "other reason approved by the case manager",
}
HOLIDAY = "HOL"
# Activities where the person is paid (SPEC.md Section A: SUB, Subsidized Employment).
PAID_ACTIVITIES = frozenset({"SUB"})
MONTH_CAP = Decimal(16)
YEAR_CAP = Decimal(80)
HOLIDAY_CAP = 10
ZERO = Decimal(0)

# Why excused hours are not countable, as the reading names them.
OVER_CAPS = "over_caps"
NOT_SCHEDULED = "not_scheduled"
NOT_DESIGNATED = "not_designated_holiday"
NO_CODE = "no_known_code"


@dataclass(frozen=True)
class PriorExcused:
    """What the person's other current AORs already drew from the caps (service/aor/history.py).

    ``hours`` covers the whole 12-month period (this month's earlier AORs included),
    ``month_hours`` the part of it drawn in the report month itself. ``holidays`` is the
    number of holiday days already counted, ``holiday_dates`` those whose dates are known.
    """

    hours: Decimal = ZERO
    holidays: int = 0
    holiday_dates: frozenset[dt.date] = frozenset()
    month_hours: Decimal = ZERO


@dataclass
class ExcusedCount:
    """What counts this month: hours per date, the tallies against the caps, and the rest."""

    by_date: dict[dt.date, Decimal] = field(default_factory=dict)
    hours: Decimal = ZERO
    holidays: int = 0
    holiday_dates: list[dt.date] = field(default_factory=list)
    holiday_hours: Decimal = ZERO
    paid_leave: Decimal = ZERO
    not_counted: Decimal = ZERO
    reasons: dict[str, Decimal] = field(default_factory=dict)

    def refuse(self, reason: str, hours: Decimal) -> None:
        if hours > 0:
            self.not_counted += hours
            self.reasons[reason] = self.reasons.get(reason, ZERO) + hours


@dataclass
class _Ledger:
    """The caps left to this report after what the person's other reports drew."""

    month_left: Decimal
    year_left: Decimal
    days_used: int
    days: set[dt.date]

    @classmethod
    def after(cls, prior: PriorExcused) -> _Ledger:
        return cls(
            month_left=max(ZERO, MONTH_CAP - prior.month_hours),
            year_left=max(ZERO, YEAR_CAP - prior.hours),
            days_used=max(prior.holidays, len(prior.holiday_dates)),
            days=set(prior.holiday_dates),
        )

    def take_hours(self, wanted: Decimal) -> Decimal:
        taken = min(wanted, self.month_left, self.year_left)
        self.month_left -= taken
        self.year_left -= taken
        return taken

    def take_holiday(self, day: dt.date) -> bool:
        """A holiday already counted (another activity that day) costs no second day."""
        if day in self.days:
            return True
        if self.days_used >= HOLIDAY_CAP:
            return False
        self.days.add(day)
        self.days_used += 1
        return True


def is_paid(activity: str | None) -> bool:
    """Whether the activity pays its hours: subsidized employment (SPEC.md Section A)."""
    return (activity or "").strip().upper() in PAID_ACTIVITIES


@rule("aor")
def missed_hours(row: AorRow) -> Decimal:
    """The scheduled hours not attended: the most an excused absence that day can cover.

    45 CFR 261.60(b) counts an excused absence for hours the person was scheduled to
    participate; an hour excused on an unscheduled day, or above the day's schedule, is
    no scheduled hour missed.
    """
    return max(ZERO, row.scheduled - row.attended)


@rule("aor")
def countable_excused(
    rows: Iterable[AorRow],
    prior: PriorExcused | None = None,
    designated: Container[dt.date] = frozenset(),
    paid: bool = False,
) -> ExcusedCount:
    """Excused hours that count as federal participation hours, earliest date first.

    45 CFR 261.60(b): in an unpaid activity, up to 16 excused hours a month and 80 in the
    12-month period (``prior`` says what the person's other reports already drew), plus
    holidays (``HOL``) on the county's designated holiday list (``designated``), at most 10
    days in that period. Only scheduled hours missed count (``missed_hours``); hours without a
    known reason code never do. In a paid activity (``paid``: subsidized employment) the
    excused hours are taken as paid leave and count as hours paid, outside these caps: the
    AOR has no paid-or-unpaid column, so staff correct the reading when leave was unpaid.
    """
    count = ExcusedCount()
    ledger = _Ledger.after(prior or PriorExcused())
    for row in sorted((r for r in rows if r.date is not None), key=lambda r: r.date or dt.date.min):
        assert row.date is not None
        usable = min(row.excused, missed_hours(row))
        count.refuse(NOT_SCHEDULED, row.excused - usable)
        counted = _count_row(row, usable, ledger, designated, paid, count)
        if counted:
            count.by_date[row.date] = count.by_date.get(row.date, ZERO) + counted
    count.holiday_dates = sorted(ledger.days - set((prior or PriorExcused()).holiday_dates))
    count.holidays = len(count.holiday_dates)
    return count


def _count_row(
    row: AorRow,
    usable: Decimal,
    ledger: _Ledger,
    designated: Container[dt.date],
    paid: bool,
    count: ExcusedCount,
) -> Decimal:
    """One row's countable excused hours, the rest refused with its reason."""
    assert row.date is not None
    if row.excused_code not in EXCUSED_CODES:
        count.refuse(NO_CODE, usable)
        return ZERO
    if paid:
        count.paid_leave += usable
        return usable
    if row.excused_code == HOLIDAY:
        if row.date not in designated:
            count.refuse(NOT_DESIGNATED, usable)
            return ZERO
        if not ledger.take_holiday(row.date):
            count.refuse(OVER_CAPS, usable)
            return ZERO
        count.holiday_hours += usable
        return usable
    taken = ledger.take_hours(usable)
    count.hours += taken
    count.refuse(OVER_CAPS, usable - taken)
    return taken


@rule("aor")
def undesignated_holidays(rows: Iterable[AorRow], designated: Container[dt.date]) -> list[dt.date]:
    """The dates coded ``HOL`` that are not on the county's designated holiday list.

    45 CFR 261.60(b) counts holidays on the designated list only; such a day's hours are
    still excused (participation), just not countable as a holiday.
    """
    return [
        row.date
        for row in rows
        if row.date is not None
        and row.excused_code == HOLIDAY
        and row.excused
        and row.date not in designated
    ]
