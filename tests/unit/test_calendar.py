"""County working-day calendars: California state-employee holidays and weekend observance."""

from __future__ import annotations

import datetime as dt

import pytest

from service.counties import get_county
from service.rules.calendar import CalendarSettings, WorkCalendar

D = dt.date


@pytest.fixture
def calendar() -> WorkCalendar:
    return get_county("alameda").calendar


def test_the_state_holidays_of_2026_are_exactly_the_eleven_listed(calendar):
    assert sorted(calendar.holidays_in(2026)) == [
        D(2026, 1, 1), D(2026, 1, 19), D(2026, 2, 16), D(2026, 3, 31), D(2026, 5, 25),
        D(2026, 7, 3), D(2026, 9, 7), D(2026, 11, 11), D(2026, 11, 26), D(2026, 11, 27),
        D(2026, 12, 25),
    ]  # fmt: skip


def test_holidays_outside_the_county_list_are_working_days(calendar):
    assert calendar.is_working_day(D(2026, 6, 19))  # Juneteenth is not on the state list
    assert calendar.is_working_day(D(2026, 10, 12))  # nor Columbus Day


def test_a_saturday_holiday_is_observed_the_friday_before(calendar):
    assert calendar.is_holiday(D(2026, 7, 3))  # July 4, 2026 is a Saturday
    assert calendar.is_holiday(D(2029, 3, 30))  # Cesar Chavez Day 2029 is a Saturday


def test_a_sunday_holiday_is_observed_the_monday_after(calendar):
    assert calendar.is_holiday(D(2030, 4, 1))  # March 31, 2030 is a Sunday


def test_new_years_day_on_a_saturday_is_observed_in_the_year_before(calendar):
    assert calendar.is_holiday(D(2027, 12, 31))
    assert D(2027, 12, 31) in calendar.holidays_in(2027)


def test_three_working_days_skip_thanksgiving_and_the_day_after(calendar):
    assert calendar.add_working_days(D(2026, 11, 24), 3) == D(2026, 12, 1)


def test_working_days_skip_the_weekend(calendar):
    assert calendar.add_working_days(D(2026, 12, 4), 3) == D(2026, 12, 9)


def test_working_days_between_counts_after_start_through_end(calendar):
    assert calendar.working_days_between(D(2026, 11, 24), D(2026, 12, 1)) == 3
    assert calendar.working_days_between(D(2026, 12, 1), D(2026, 11, 24)) == -3


def test_a_county_can_add_and_remove_dates():
    settings = CalendarSettings(
        holiday_names=("Christmas Day",),
        extra_dates=(D(2026, 12, 24),),
        removed_dates=(D(2026, 12, 25),),
    )
    calendar = WorkCalendar(settings)
    assert calendar.is_holiday(D(2026, 12, 24))
    assert not calendar.is_holiday(D(2026, 12, 25))


def test_negative_working_days_are_refused(calendar):
    with pytest.raises(ValueError):
        calendar.add_working_days(D(2026, 1, 5), -1)
