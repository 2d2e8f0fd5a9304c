"""Hours per calendar week (Monday to Sunday) in the report month, and the month's average."""

from __future__ import annotations

import datetime as dt
from collections.abc import Container, Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from parsers.aor_model import AorRow
from service.aor.due import month_end
from service.aor.excused import HOLIDAY, ExcusedCount
from service.rules.catalog import rule

ZERO = Decimal(0)
CENT = Decimal("0.01")
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


@rule("aor")
def weeks(
    rows: Iterable[AorRow],
    month: tuple[int, int],
    count: ExcusedCount,
    activity: Activity,
    closed: Container[dt.date] = frozenset(),
) -> list[dict[str, Any]]:
    """Each week's hours: participation (attended, excused, unexcused against the hours the
    week is expected to hold) and the federal countable hours (attended plus countable excused).

    WIC 11322.8 sets the requirement as an average per week in the month, so a week is
    expected to hold its share of the weekly hours: a fifth for each weekday of the activity
    in it that is not a closed county holiday (``closed``). Hours excused as ``HOL`` on a
    closed day are left out of ``participated``: that day is already out of what is expected.
    """
    dated = [row for row in rows if row.date is not None]
    out = []
    for start, end in calendar_weeks(*month):
        days = [r for r in dated if r.date is not None and start <= r.date <= end]
        attended = sum((r.attended for r in days), ZERO)
        excused = sum((r.excused for r in days), ZERO)
        on_closed = sum(
            (r.excused for r in days if r.excused_code == HOLIDAY and r.date in closed), ZERO
        )
        counted = sum((v for d, v in count.by_date.items() if start <= d <= end), ZERO)
        out.append(
            {
                "start": start,
                "end": end,
                "attended": attended,
                "excused": excused,
                "unexcused": sum((r.unexcused for r in days), ZERO),
                "participated": attended + excused - on_closed,
                "assigned": expected_hours(start, end, activity, closed),
                "closed_days": len(_closed_weekdays(start, end, activity, closed)),
                "countable_excused": counted,
                "countable": attended + counted,
            }
        )
    return out


@rule("aor")
def expected_hours(
    start: dt.date, end: dt.date, activity: Activity, closed: Container[dt.date]
) -> Decimal | None:
    """The hours a week (or part of one) is expected to hold, WIC 11322.8: the weekly hours'
    fifth for each weekday the activity runs in it, less each closed county holiday."""
    if activity.hours_week is None:
        return None
    weekdays = len(_activity_weekdays(start, end, activity))
    weekdays -= len(_closed_weekdays(start, end, activity, closed))
    share = activity.hours_week * weekdays / WORKDAYS
    return share.quantize(CENT, rounding=ROUND_HALF_UP)


def _activity_weekdays(start: dt.date, end: dt.date, activity: Activity) -> list[dt.date]:
    first = max(start, activity.start or start)
    last = min(end, activity.end or end)
    span = (first + dt.timedelta(days=n) for n in range((last - first).days + 1))
    return [day for day in span if day.weekday() < WORKDAYS]


def _closed_weekdays(
    start: dt.date, end: dt.date, activity: Activity, closed: Container[dt.date]
) -> list[dt.date]:
    return [day for day in _activity_weekdays(start, end, activity) if day in closed]


@rule("aor", "42-6")
def participation(week_list: list[dict[str, Any]], hours_week: Decimal | None) -> dict[str, Any]:
    """Did the participant meet the month's requirement? WIC 11322.8, 11327.4, 11327.5.

    The requirement is an average per week in the month: the month's expected hours are the
    weeks' together. Attended and excused (good cause) hours both meet it. Only unexcused
    hours can be noncompliance, so ``short_by`` is the part of the gap they explain; the rest
    of a gap (``not_scheduled``) is hours the schedule never offered: a question for the
    plan, never the participant's shortfall. Capped excused hours play no part here.
    """
    total = _sums(week_list, ("attended", "excused", "unexcused", "participated"))
    known = [w["assigned"] for w in week_list]
    required = None if not known or None in known else sum(known, ZERO)
    open_days = sum((_open_days(w, hours_week) for w in week_list), ZERO)
    short = not_scheduled = ZERO
    if required is not None:
        gap = max(ZERO, required - total["participated"])
        short = min(gap, total["unexcused"])
        not_scheduled = gap - short
    average = total["participated"] * WORKDAYS / open_days if open_days else None
    return {
        "required_hours_week": hours_week,
        "required": required,
        **total,
        "average_week": None if average is None else average.quantize(CENT, ROUND_HALF_UP),
        "short_by": short,
        "not_scheduled": not_scheduled,
    }


def _sums(week_list: list[dict[str, Any]], names: tuple[str, ...]) -> dict[str, Decimal]:
    return {name: sum((w[name] for w in week_list), ZERO) for name in names}


def _open_days(week: dict[str, Any], hours_week: Decimal | None) -> Decimal:
    """The weekdays a week's expected hours stand for (its share back into days)."""
    if not hours_week or week["assigned"] is None:
        return ZERO
    return Decimal(week["assigned"]) * WORKDAYS / hours_week
