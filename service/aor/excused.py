"""Excused absences that count as participation, 45 CFR 261.60(b) (unpaid activities)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from parsers.aor_model import AorRow

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
MONTH_CAP = Decimal(16)
YEAR_CAP = Decimal(80)
HOLIDAY_CAP = 10
ZERO = Decimal(0)


@dataclass(frozen=True)
class PriorExcused:
    """Excused absence already counted in the 12 months before the report month."""

    hours: Decimal = ZERO
    holidays: int = 0


@dataclass
class ExcusedCount:
    """What counts this month: hours per date, and the month's tallies against the caps."""

    by_date: dict[dt.date, Decimal] = field(default_factory=dict)
    hours: Decimal = ZERO
    holidays: int = 0
    holiday_hours: Decimal = ZERO
    not_counted: Decimal = ZERO


def countable_excused(
    rows: Iterable[AorRow], prior_hours: Decimal = ZERO, prior_holidays: int = 0
) -> ExcusedCount:
    """Excused hours that count toward participation, earliest date first.

    Up to 16 hours a month and 80 in the preceding 12 months (``prior_hours`` already
    used); holidays (``HOL``) count apart, up to 10 days in 12 months (``prior_holidays``
    already used). Hours without a known reason code never count.
    """
    count = ExcusedCount()
    hours_left = max(ZERO, min(MONTH_CAP, YEAR_CAP - prior_hours))
    holiday_days: set[dt.date] = set()
    holidays_left = max(0, HOLIDAY_CAP - prior_holidays)
    for row in sorted((r for r in rows if r.date is not None), key=lambda r: r.date or dt.date.min):
        assert row.date is not None
        counted = ZERO
        if row.excused_code == HOLIDAY and (row.date in holiday_days or holidays_left > 0):
            if row.date not in holiday_days:
                holiday_days.add(row.date)
                holidays_left -= 1
            counted = row.excused
            count.holiday_hours += counted
        elif row.excused_code in EXCUSED_CODES and row.excused_code != HOLIDAY:
            counted = min(row.excused, hours_left)
            hours_left -= counted
            count.hours += counted
        count.not_counted += row.excused - counted
        if counted:
            count.by_date[row.date] = count.by_date.get(row.date, ZERO) + counted
    count.holidays = len(holiday_days)
    return count
