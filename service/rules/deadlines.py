"""Deadlines set by law and policy, computed the same way for every form."""

from __future__ import annotations

import datetime as dt
from calendar import monthrange
from dataclasses import dataclass
from typing import Any

from service.rules.calendar import WorkCalendar
from service.rules.catalog import rule

GOOD_CAUSE_DAYS = 20  # WIC 11327.4: days to show good cause or agree to a compliance plan
NOA_EFFECTIVE_DAYS = 30  # a notice of action takes effect no earlier than this
CHANGE_REQUEST_WORKING_DAYS = 3  # WIC 11325.21
REASSIGNMENT_DAYS = 30  # WIC 11325.22


@dataclass(frozen=True)
class Deadline:
    """A calendar-day deadline: the day counted, why the office is closed that day (None when
    open), and the day it was moved to where the county's setting moves it."""

    counted: dt.date
    closed: str | None = None
    moved_to: dt.date | None = None

    @property
    def date(self) -> dt.date:
        """The day that applies: the moved day, else the day counted."""
        return self.moved_to or self.counted

    @property
    def note(self) -> str | None:
        """The closed-day fact as printed beside the date on every form, or None."""
        if self.closed is None:
            return None
        if self.closed in ("Saturday", "Sunday"):
            closed = f"{self.counted:%m/%d/%Y} is a {self.closed}, when the office is closed"
        else:
            closed = f"{self.counted:%m/%d/%Y} is a county holiday ({self.closed})"
        if self.moved_to is None:
            return f"{closed}; the deadline is not moved (county setting)."
        direction = "back" if self.moved_to < self.counted else "to the next working day"
        return f"{closed}; moved {direction}, {self.moved_to:%m/%d/%Y}."


@rule("all")
def settle(
    day: dt.date,
    calendar: WorkCalendar,
    latest: dt.date | None = None,
    earliest: dt.date | None = None,
) -> Deadline:
    """The deadline ``day`` as it stands on the county's calendar.

    A day the office is closed is reported, and moved to the next working day only where the
    county's ``closed_day_deadlines`` setting says so (Code of Civil Procedure 12 and 12a,
    Gov. Code 6707: a last day that is a holiday is excluded). A deadline that may not pass
    ``latest`` (the end of Transitional CalFresh) moves back instead, to the last working
    day on or before it, but never before ``earliest``.
    """
    if latest is not None and day > latest:
        day = latest
    closed = calendar.closed_reason(day)
    if closed is None or not calendar.moves_deadlines:
        return Deadline(day, closed)
    moved = calendar.working_day_on_or_after(day)
    if latest is not None and moved > latest:
        moved = calendar.working_day_on_or_before(latest)
        if earliest is not None:
            moved = max(moved, earliest)
    return Deadline(day, closed, moved if moved != day else None)


def calendar_deadline(start: dt.date, days: int, calendar: WorkCalendar) -> Deadline:
    """``days`` calendar days after ``start``, settled on the county's calendar (see settle)."""
    return settle(start + dt.timedelta(days=days), calendar)


def deadline_fields(name: str, day: dt.date | None, calendar: WorkCalendar) -> dict[str, Any]:
    """The computed values a form prints for a deadline: ``name`` (the day that applies) and
    ``name_note`` (the closed-day fact, or None); both None when there is no deadline."""
    if day is None:
        return {name: None, f"{name}_note": None}
    deadline = settle(day, calendar)
    return {name: deadline.date, f"{name}_note": deadline.note}


@rule("42-6")
def after_notice(noa_date: dt.date) -> dict[str, dt.date]:
    """The good cause period's last day and the earliest effective date of a notice of action,
    as counted in calendar days (WIC 11327.4(b)); ``good_cause_period`` settles the first."""
    return {
        "good_cause_period_ends": noa_date + dt.timedelta(days=GOOD_CAUSE_DAYS),
        "earliest_effective_date": noa_date + dt.timedelta(days=NOA_EFFECTIVE_DAYS),
    }


@rule("42-6")
def good_cause_period(noa_date: dt.date, calendar: WorkCalendar) -> Deadline:
    """WIC 11327.4(b)(1): 20 calendar days from the notice of action to attend the cause
    determination appointment or call; its last day settled on the county's calendar."""
    return calendar_deadline(noa_date, GOOD_CAUSE_DAYS, calendar)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, clamped to the month's last day (Jan 31 + 1 = Feb 28)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, monthrange(year, month)[1]))
