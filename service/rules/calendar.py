"""Working-day calendars built from the ``holidays`` package and a county's settings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType

from service.rules.catalog import rule
from service.rules.holiday_source import named_holidays

OBSERVANCE_RULES = ("none", "weekend_to_nearest_weekday")
# What a calendar-day deadline landing on a closed day does: stays, or moves to the next
# working day (Code of Civil Procedure 12, 12a; Gov. Code 6707).
CLOSED_DAY_DEADLINES = ("next_working_day", "keep")


def _second_monday_of_october(year: int) -> dt.date:
    first = dt.date(year, 10, 1)
    return first + dt.timedelta(days=(7 - first.weekday()) % 7 + 7)


# Holidays in Gov. Code 6700 that California state offices do not close for, and some
# counties do: a county lists the ones it observes under ``optional_holidays``.
OPTIONAL_HOLIDAYS: Mapping[str, Callable[[int], dt.date]] = MappingProxyType(
    {
        "Lincoln's Birthday": lambda year: dt.date(year, 2, 12),
        "Juneteenth": lambda year: dt.date(year, 6, 19),
        "Columbus Day": _second_monday_of_october,
    }
)


@dataclass(frozen=True)
class CalendarSettings:
    """Which holidays a county closes for, how weekend holidays are observed, and what a
    deadline on a closed day does."""

    country: str = "US"
    subdivision: str = "CA"
    holiday_names: tuple[str, ...] = ()
    observance: str = "weekend_to_nearest_weekday"
    extra_dates: tuple[dt.date, ...] = ()
    removed_dates: tuple[dt.date, ...] = field(default_factory=tuple)
    # State offices do not close on the Friday before a Saturday holiday; many counties do.
    saturday_holiday_closes_friday: bool = True
    optional_holidays: tuple[str, ...] = ()
    closed_day_deadlines: str = "next_working_day"

    def __post_init__(self) -> None:
        unknown = [n for n in self.optional_holidays if n not in OPTIONAL_HOLIDAYS]
        if unknown:
            raise ValueError(
                f"Unknown optional holiday(s) {', '.join(unknown)}; "
                f"known: {', '.join(OPTIONAL_HOLIDAYS)}."
            )
        if self.closed_day_deadlines not in CLOSED_DAY_DEADLINES:
            raise ValueError(f"closed_day_deadlines must be one of {CLOSED_DAY_DEADLINES}.")
        if self.observance not in OBSERVANCE_RULES:
            raise ValueError(f"observance must be one of {OBSERVANCE_RULES}.")


class WorkCalendar:
    """Weekdays that are not county holidays; answers working-day questions."""

    def __init__(self, settings: CalendarSettings) -> None:
        self.settings = settings

    def holidays_in(self, year: int) -> dict[dt.date, str]:
        """Observed holiday dates in ``year`` mapped to their names."""
        return dict(_observed_holidays(self.settings, year))

    def is_holiday(self, day: dt.date) -> bool:
        return day in _observed_holidays(self.settings, day.year)

    def is_working_day(self, day: dt.date) -> bool:
        return day.weekday() < 5 and not self.is_holiday(day)

    def closed_reason(self, day: dt.date) -> str | None:
        """Why the office is closed on ``day`` ("Saturday", "Thanksgiving Day"), or None."""
        holiday = _observed_holidays(self.settings, day.year).get(day)
        if holiday:
            return holiday
        return f"{day:%A}" if day.weekday() >= 5 else None

    @property
    def moves_deadlines(self) -> bool:
        """Whether this county moves a deadline that lands on a closed day to the next open one."""
        return self.settings.closed_day_deadlines == "next_working_day"

    def working_day_on_or_after(self, day: dt.date) -> dt.date:
        while not self.is_working_day(day):
            day += dt.timedelta(days=1)
        return day

    def working_day_on_or_before(self, day: dt.date) -> dt.date:
        while not self.is_working_day(day):
            day -= dt.timedelta(days=1)
        return day

    def add_working_days(self, start: dt.date, days: int) -> dt.date:
        """The date ``days`` working days after ``start`` (``start`` itself not counted)."""
        if days < 0:
            raise ValueError("days must not be negative")
        current = start
        remaining = days
        while remaining:
            current += dt.timedelta(days=1)
            if self.is_working_day(current):
                remaining -= 1
        return current

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end`` (negative if end < start)."""
        if end < start:
            return -self.working_days_between(end, start)
        count = 0
        current = start
        while current < end:
            current += dt.timedelta(days=1)
            if self.is_working_day(current):
                count += 1
        return count


@lru_cache(maxsize=256)
def _observed_holidays(settings: CalendarSettings, year: int) -> Mapping[dt.date, str]:
    # Take the years around ``year`` too: a New Year's Day on a Saturday is observed on
    # the last Friday of the year before.
    source = named_holidays(settings.country, settings.subdivision, (year - 1, year, year + 1))
    wanted = set(settings.holiday_names)
    named = [(day, name) for day, name in source if name in wanted]
    named += [
        (OPTIONAL_HOLIDAYS[name](y), name)
        for name in settings.optional_holidays
        for y in (year - 1, year, year + 1)
    ]
    observed: dict[dt.date, str] = {}
    for day, name in named:
        moved = _observe(day, settings)
        observed[moved] = name if moved == day else f"{name} (observed)"
    for day in settings.extra_dates:
        observed[day] = "County holiday"
    for day in settings.removed_dates:
        observed.pop(day, None)
    return MappingProxyType({d: observed[d] for d in sorted(observed) if d.year == year})


@rule("all")
def _observe(day: dt.date, settings: CalendarSettings) -> dt.date:
    """A Sunday holiday is observed on Monday (Gov. Code 6700); a Saturday one on the Friday
    before only where the county closes then (state offices do not: CalHR holiday rules)."""
    if settings.observance == "weekend_to_nearest_weekday":
        if day.weekday() == 5 and settings.saturday_holiday_closes_friday:
            return day - dt.timedelta(days=1)
        if day.weekday() == 6:
            return day + dt.timedelta(days=1)
    return day
