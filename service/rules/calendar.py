"""Working-day calendars built from the ``holidays`` package and a county's settings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType

import holidays

OBSERVANCE_RULES = ("none", "weekend_to_nearest_weekday")


@dataclass(frozen=True)
class CalendarSettings:
    """Which holidays a county closes for, and how weekend holidays are observed."""

    country: str = "US"
    subdivision: str = "CA"
    holiday_names: tuple[str, ...] = ()
    observance: str = "weekend_to_nearest_weekday"
    extra_dates: tuple[dt.date, ...] = ()
    removed_dates: tuple[dt.date, ...] = field(default_factory=tuple)


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
    source = holidays.country_holidays(
        settings.country,
        subdiv=settings.subdivision,
        years=(year - 1, year, year + 1),
        observed=False,
    )
    wanted = set(settings.holiday_names)
    observed: dict[dt.date, str] = {}
    for day, names in source.items():
        for name in names.split("; "):
            if name in wanted:
                moved = _observe(day, settings.observance)
                observed[moved] = name if moved == day else f"{name} (observed)"
    for day in settings.extra_dates:
        observed[day] = "County holiday"
    for day in settings.removed_dates:
        observed.pop(day, None)
    return MappingProxyType({d: observed[d] for d in sorted(observed) if d.year == year})


def _observe(day: dt.date, rule: str) -> dt.date:
    if rule == "weekend_to_nearest_weekday":
        if day.weekday() == 5:
            return day - dt.timedelta(days=1)
        if day.weekday() == 6:
            return day + dt.timedelta(days=1)
    return day
