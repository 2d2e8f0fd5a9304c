"""County working-day calendars: California state-employee holidays and weekend observance."""

from __future__ import annotations

import datetime as dt

import pytest

from service.counties import get_county
from service.rules.calendar import CalendarSettings, WorkCalendar
from service.rules.deadlines import calendar_deadline, deadline_fields, settle

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


# County settings: a Saturday holiday, optional holidays, deadlines on closed days.


def test_a_county_that_stays_open_keeps_the_friday_before_a_saturday_holiday_a_working_day():
    state = WorkCalendar(
        CalendarSettings(holiday_names=("Independence Day",), saturday_holiday_closes_friday=False)
    )
    assert state.is_working_day(D(2026, 7, 3))  # July 4, 2026 is a Saturday
    assert state.closed_reason(D(2026, 7, 4)) == "Independence Day"
    assert state.is_holiday(D(2027, 7, 5))  # a Sunday holiday still moves to Monday


@pytest.mark.parametrize(
    ("name", "day"),
    [
        ("Lincoln's Birthday", D(2026, 2, 12)),
        ("Juneteenth", D(2026, 6, 19)),
        ("Columbus Day", D(2026, 10, 12)),
    ],
)
def test_an_optional_holiday_closes_only_the_county_that_lists_it(calendar, name, day):
    assert calendar.is_working_day(day)
    county = WorkCalendar(CalendarSettings(optional_holidays=(name,)))
    assert not county.is_working_day(day)
    assert county.closed_reason(day) == name


def test_an_optional_holiday_on_a_sunday_is_observed_on_monday():
    county = WorkCalendar(CalendarSettings(optional_holidays=("Lincoln's Birthday",)))
    assert county.is_holiday(D(2034, 2, 13))  # February 12, 2034 is a Sunday


def test_an_unknown_optional_holiday_or_deadline_setting_is_refused():
    with pytest.raises(ValueError, match="Lincoln's Birthday"):
        CalendarSettings(optional_holidays=("Arbor Day",))
    with pytest.raises(ValueError, match="closed_day_deadlines"):
        CalendarSettings(closed_day_deadlines="sometimes")


def test_both_counties_set_each_closed_day_setting():
    for county_id in ("alameda", "orange"):
        settings = get_county(county_id).calendar_settings
        assert settings.saturday_holiday_closes_friday is True
        assert settings.optional_holidays == ()
        assert settings.closed_day_deadlines == "next_working_day"


def test_a_deadline_on_a_weekend_is_reported_and_moved_where_the_county_moves_deadlines(calendar):
    deadline = calendar_deadline(D(2026, 11, 16), 20, calendar)
    assert (deadline.counted, deadline.closed, deadline.date) == (
        D(2026, 12, 6), "Sunday", D(2026, 12, 7)
    )  # fmt: skip
    assert deadline.note == (
        "12/06/2026 is a Sunday, when the office is closed; "
        "moved to the next working day, 12/07/2026."
    )


def test_a_deadline_on_a_closed_day_stays_where_the_county_keeps_deadlines():
    keeping = WorkCalendar(
        CalendarSettings(holiday_names=("Thanksgiving Day",), closed_day_deadlines="keep")
    )
    deadline = calendar_deadline(D(2026, 11, 6), 20, keeping)
    assert deadline.date == D(2026, 11, 26)
    assert "Thanksgiving Day" in deadline.note and "not moved" in deadline.note


def test_a_deadline_on_an_open_day_has_no_note(calendar):
    assert calendar_deadline(D(2026, 11, 16), 21, calendar).note is None
    assert deadline_fields("due", None, calendar) == {"due": None, "due_note": None}


def test_a_capped_deadline_moves_back_to_the_last_working_day_before_the_cap(calendar):
    deadline = settle(D(2026, 11, 5), calendar, latest=D(2026, 10, 31), earliest=D(2026, 10, 1))
    assert deadline.date == D(2026, 10, 30)
    assert "moved back" in deadline.note
