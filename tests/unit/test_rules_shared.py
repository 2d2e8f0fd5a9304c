"""Shared rules: weekly hours (WIC 11322.8), notice-of-action dates, month arithmetic."""

from __future__ import annotations

import datetime as dt

import pytest

from service.counties import get_county
from service.errors import UnknownCounty
from service.rules.deadlines import add_months, after_notice
from service.rules.hours import Household, weekly_requirement


@pytest.mark.parametrize(
    ("household", "hours"),
    [
        (Household(two_parent_family=False, child_under_six=True), 20),
        (Household(two_parent_family=False), 30),
        (Household(two_parent_family=False, pregnant_no_other_child=True), 20),
        (Household(two_parent_family=True), 35),
        (Household(two_parent_family=True, child_under_six=True), 35),
        (Household(two_parent_family=True, parent_disabled=True, child_under_six=True), 20),
        (Household(two_parent_family=True, parent_disabled=True), 30),
    ],
)
def test_the_weekly_requirement_follows_the_household(household, hours):
    assert weekly_requirement(household).hours == hours


def test_the_requirement_says_why_in_words():
    basis = weekly_requirement(Household(two_parent_family=True, parent_disabled=True)).basis
    assert "disabled" in basis and "one adult" in basis


def test_a_notice_of_action_gives_20_days_for_good_cause_and_takes_effect_after_30():
    dates = after_notice(dt.date(2026, 11, 16))
    assert dates["good_cause_period_ends"] == dt.date(2026, 12, 6)
    assert dates["earliest_effective_date"] == dt.date(2026, 12, 16)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (dt.date(2026, 1, 31), 1, dt.date(2026, 2, 28)),
        (dt.date(2026, 11, 15), 2, dt.date(2027, 1, 15)),
        (dt.date(2027, 8, 31), 6, dt.date(2028, 2, 29)),
        (dt.date(2026, 3, 1), 12, dt.date(2027, 3, 1)),
    ],
)
def test_adding_months_keeps_the_day_or_clamps_to_the_month_end(start, months, expected):
    assert add_months(start, months) == expected


def test_both_counties_are_configured_with_offices():
    assert get_county("alameda").office("hayward").closed_files_bank == "P999"
    assert get_county("alameda").office("eastmont").closed_files_bank == "V999"
    assert get_county("alameda").office("north_oakland").closed_files_bank == "N999"
    assert get_county("orange").contractor("equus").mailbox.endswith(".example.org")


def test_an_unknown_county_is_refused_with_the_known_ones():
    with pytest.raises(UnknownCounty, match="alameda, orange"):
        get_county("kern")
