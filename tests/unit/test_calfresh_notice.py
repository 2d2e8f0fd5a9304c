"""63-62: the Transitional CalFresh period, the respond-by date, and what the notice prints."""

from __future__ import annotations

import datetime as dt

import pytest

from service.counties import get_county
from service.forms.calfresh_notice import respond_by, respond_by_deadline, tcf_period_ends
from service.rules.calendar import CalendarSettings, WorkCalendar

FORM = "63-62"
D = dt.date


@pytest.fixture
def notice(example):
    return example(FORM)


@pytest.fixture
def nacf(notice):
    notice["calfresh_type"] = "nacf"
    return notice


def errors(check, payload):
    return check(FORM, payload).evaluation.errors


def warned(check, payload):
    return {w["field"] for w in check(FORM, payload).evaluation.warnings}


def computed(check, payload):
    result = check(FORM, payload)
    assert result.evaluation.errors == {}
    return result.evaluation.computed


@pytest.mark.parametrize(
    ("ended", "tcf_ends"),
    [
        (D(2026, 9, 30), D(2027, 2, 28)),  # October to February
        (D(2026, 8, 15), D(2027, 1, 31)),  # mid-month: counted from the month after August
        (D(2026, 10, 31), D(2027, 3, 31)),
        (D(2027, 9, 30), D(2028, 2, 29)),  # leap year
        (D(2026, 7, 31), D(2026, 12, 31)),
    ],
)
def test_tcf_ends_on_the_last_day_of_the_fifth_month_after_cash_aid_ended(ended, tcf_ends):
    assert tcf_period_ends(ended) == tcf_ends


def test_the_example_responds_30_days_after_the_notice(check, notice):
    values = computed(check, notice)
    assert values["tcf_ends"] == D(2027, 2, 28)
    assert values["respond_by"] == D(2026, 12, 16)
    assert values["days_to_respond"] == 30
    assert values["days_since_cash_aid_ended"] == 47
    assert values["calfresh_label"] == "Transitional CalFresh (TCF)"


def test_a_respond_by_date_on_thanksgiving_moves_past_the_long_weekend(check, nacf):
    nacf["notice_date"] = "2026-10-27"  # + 30 days = Thursday 11/26, Thanksgiving
    assert computed(check, nacf)["respond_by"] == D(2026, 11, 30)


def test_a_respond_by_date_on_a_saturday_moves_to_monday(check, nacf):
    nacf["notice_date"] = "2026-10-01"  # + 30 days = Saturday 10/31
    assert computed(check, nacf)["respond_by"] == D(2026, 11, 2)


def test_a_respond_by_date_on_christmas_moves_to_the_next_monday(check, nacf):
    nacf["notice_date"] = "2026-11-25"  # + 30 days = Friday 12/25
    assert computed(check, nacf)["respond_by"] == D(2026, 12, 28)


def test_the_response_days_come_from_the_county_and_skip_veterans_day():
    county = get_county("alameda")
    assert county.calfresh_response_days == 30
    assert respond_by(D(2026, 11, 1), 10, county.calendar, None) == D(2026, 11, 12)


def test_a_tcf_respond_by_date_stops_at_the_end_of_tcf(check, notice):
    notice.update(cash_aid_ended="2026-06-30", notice_date="2026-11-16")  # TCF ends Mon 11/30
    values = computed(check, notice)
    assert values["tcf_ends"] == D(2026, 11, 30)
    assert values["respond_by"] == D(2026, 11, 30)
    assert "notice_date" not in warned(check, notice)


def test_a_tcf_end_on_a_saturday_moves_the_respond_by_date_back_to_friday(check, notice):
    notice.update(cash_aid_ended="2026-05-31", notice_date="2026-10-20")  # TCF ends Sat 10/31
    values = computed(check, notice)
    assert values["tcf_ends"] == D(2026, 10, 31)
    assert values["respond_by"] == D(2026, 10, 30)


def test_few_days_left_before_tcf_ends_is_a_warning(check, notice):
    notice.update(cash_aid_ended="2026-06-30", notice_date="2026-11-23")
    assert computed(check, notice)["days_to_respond"] == 7
    assert "notice_date" in warned(check, notice)


def test_a_tcf_notice_after_the_tcf_period_is_refused(check, notice):
    notice.update(cash_aid_ended="2026-05-31", notice_date="2026-11-02")
    (message,) = errors(check, notice)["notice_date"]
    assert "10/31/2026" in message


def test_the_same_late_notice_is_accepted_for_non_assistance_calfresh(check, nacf):
    nacf.update(cash_aid_ended="2026-05-31", notice_date="2026-11-02")
    values = computed(check, nacf)
    assert values["tcf_ends"] is None
    assert values["respond_by"] == D(2026, 12, 2)


def test_a_non_assistance_notice_long_after_cash_aid_ended_is_a_warning(check, nacf):
    nacf.update(cash_aid_ended="2026-05-31", notice_date="2026-08-30")  # 91 days
    assert "notice_date" in warned(check, nacf)


def test_a_non_assistance_notice_90_days_after_cash_aid_ended_is_not_late(check, nacf):
    nacf.update(cash_aid_ended="2026-05-31", notice_date="2026-08-29")
    assert "notice_date" not in warned(check, nacf)


def test_a_notice_before_cash_aid_ended_is_refused(check, notice):
    notice["notice_date"] = "2026-09-29"
    assert "notice_date" in errors(check, notice)


def test_a_notice_on_the_day_cash_aid_ended_is_accepted(check, notice):
    notice["notice_date"] = "2026-09-30"
    assert computed(check, notice)["days_since_cash_aid_ended"] == 0


def test_cash_aid_ending_mid_month_is_a_warning(check, notice):
    notice["cash_aid_ended"] = "2026-09-15"
    assert "cash_aid_ended" in warned(check, notice)


def test_an_unknown_office_is_refused(check, notice):
    notice["office"] = "fremont"
    (message,) = errors(check, notice)["office"]
    assert "eastmont" in message


def test_the_office_facts_come_from_the_county(check, notice):
    notice["office"] = "north_oakland"
    values = computed(check, notice)
    assert values["office_name"] == "North Oakland"
    assert values["office_address"] == "2000 San Pablo Avenue, Oakland, CA 94612"


def test_a_preferred_language_other_than_english_is_a_warning(check, notice):
    notice["preferred_language"] = "Tiếng Việt"
    assert "preferred_language" in warned(check, notice)
    notice["preferred_language"] = None
    assert warned(check, notice) == set()


def test_a_notice_dated_after_today_is_a_warning(check, notice):
    notice["notice_date"] = "2026-11-24"
    assert "notice_date" in warned(check, notice)


@pytest.mark.parametrize("missing", ["phone", "email"])
def test_the_ecs_phone_and_email_are_required(check, notice, missing):
    del notice["ec"][missing]
    assert f"ec.{missing}" in errors(check, notice)


@pytest.mark.parametrize("typed", ["respond_by", "tcf_ends"])
def test_computed_dates_cannot_be_typed(check, notice, typed):
    notice[typed] = "2027-01-01"
    assert typed in errors(check, notice)


def test_the_notice_prints_the_dates_office_and_voluntary_option(render, notice):
    text = render(FORM, notice)
    body, cells = "\n".join(text.body), "\n".join(text.cells)
    assert "contact your Employment Counselor by 12/16/2026" in body
    assert "yours ends on 02/28/2027" in body
    assert "CalFresh E&T is voluntary" in body
    assert "☒ Transitional CalFresh (TCF)" in body
    assert "24100 Amador Street, Hayward, CA 94544" in cells
    assert "gachterberg@acssa.example.org" in cells
    assert "2217 Calaroga Avenue, Apt. 4" in body


def test_a_non_assistance_notice_has_no_tcf_end_date(render, nacf):
    nacf["mailing_address"]["unit"] = None
    text = render(FORM, nacf)
    body = "\n".join(text.body)
    assert "☒ Non-Assistance CalFresh (NACF)" in body
    assert "yours ends on" not in body
    assert "02/28/2027" not in "\n".join(text.cells)
    assert "2217 Calaroga Avenue\n" in body + "\n"


def test_a_respond_by_date_moved_off_a_closed_day_is_printed_with_that_fact(check, render, nacf):
    nacf["notice_date"] = "2026-10-27"  # + 30 days = Thursday 11/26, Thanksgiving
    note = computed(check, nacf)["respond_by_note"]
    assert "11/26/2026 is a county holiday (Thanksgiving Day)" in note
    assert any("11/30/2026 (11/26/2026 is a county holiday" in c for c in render(FORM, nacf).cells)


def test_a_county_that_keeps_deadlines_leaves_the_respond_by_date_on_the_closed_day():
    keeping = WorkCalendar(
        CalendarSettings(holiday_names=("Thanksgiving Day",), closed_day_deadlines="keep")
    )
    deadline = respond_by_deadline(D(2026, 10, 27), 30, keeping, None)
    assert deadline.date == D(2026, 11, 26)
    assert "not moved" in deadline.note
