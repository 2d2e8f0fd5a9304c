"""Participation per calendar week (Monday to Sunday) within the report month."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from parsers.aor_model import AorRow
from service.aor.due import month_end
from service.aor.excused import ExcusedCount

ZERO = Decimal(0)
WORKDAYS = 5


@dataclass(frozen=True)
class Activity:
    """The assignment the weeks are measured against."""

    hours_week: Decimal | None
    start: dt.date | None
    end: dt.date | None


def calendar_weeks(year: int, month: int) -> list[tuple[dt.date, dt.date]]:
    """Monday-to-Sunday weeks cut to the month: the first and last may be short."""
    first, last = dt.date(year, month, 1), month_end(year, month)
    weeks, start = [], first
    while start <= last:
        end = min(start + dt.timedelta(days=6 - start.weekday()), last)
        weeks.append((start, end))
        start = end + dt.timedelta(days=1)
    return weeks


def weeks(
    rows: Iterable[AorRow], month: tuple[int, int], count: ExcusedCount, activity: Activity
) -> list[dict]:
    """Each week's attended, excused and countable hours against the assigned hours.

    Countable hours are attended hours plus the excused hours that count. A short week,
    or one the activity only partly covers, is assigned its share of the weekly hours:
    a fifth for each weekday of the activity in it.
    """
    dated = [row for row in rows if row.date is not None]
    out = []
    for start, end in calendar_weeks(*month):
        days = [r for r in dated if r.date is not None and start <= r.date <= end]
        attended = sum((r.attended for r in days), ZERO)
        counted = sum((v for d, v in count.by_date.items() if start <= d <= end), ZERO)
        assigned = _assigned(start, end, activity)
        out.append(
            {
                "start": start,
                "end": end,
                "attended": attended,
                "excused": sum((r.excused for r in days), ZERO),
                "countable_excused": counted,
                "countable": attended + counted,
                "assigned": assigned,
                "met": None if assigned is None else attended + counted >= assigned,
            }
        )
    return out


def _assigned(start: dt.date, end: dt.date, activity: Activity) -> Decimal | None:
    if activity.hours_week is None:
        return None
    first = max(start, activity.start or start)
    last = min(end, activity.end or end)
    weekdays = sum(
        1
        for n in range((last - first).days + 1)
        if (first + dt.timedelta(days=n)).weekday() < WORKDAYS
    )
    share = activity.hours_week * weekdays / WORKDAYS
    return share.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
