"""WTW 2: the requirement, activity hours against it, the plan change deadlines, what prints."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from schemas.wtw2 import ACTIVITY_TYPES
from service import documents
from service.counties import get_county
from service.forms.wtw2_rules import ACTIVITY_LABELS, TRAINING_OR_EDUCATION

FORM = "wtw2"
D = dt.date.fromisoformat


def activity(kind="job_search", hours=20, start="2026-12-07", end="2027-02-26", **more):
    return {
        "type": kind,
        "description": None,
        "provider": "Eden Area Career Pathways",
        "location": "24100 Amador Street, Hayward, CA 94544",
        "hours_per_week": hours,
        "days_and_times": "Mon-Fri 9:00 a.m. - 1:00 p.m.",
        "start_date": start,
        "end_date": end,
        **more,
    }


@pytest.fixture
def plan(example):
    """The example as an initial plan signed on 2026-11-23 (today in the tests)."""
    payload = example(FORM)
    payload.update(plan_type="initial", amendment_reason=None, amends_plan_dated=None)
    return payload


def errors(check, payload):
    return check(FORM, payload).evaluation.errors


def warnings(check, payload):
    return check(FORM, payload).evaluation.warnings


def warned(check, payload, field):
    return [w["message"] for w in warnings(check, payload) if w["field"] == field]


def printed(text, label):
    """The value in the form's box labelled ``label``."""
    boxes = [c.partition("\n") for c in text.cells if "\n" in c]
    values = [value for head, _, value in boxes if head == label.upper()]
    assert values, f"no box labelled {label!r}"
    return values[0]


def computed(check, payload):
    result = check(FORM, payload)
    assert result.evaluation.errors == {}
    return result.evaluation.computed


# The weekly requirement


@pytest.mark.parametrize(
    ("household", "hours"),
    [
        ({"two_parent_family": False, "child_under_six": True}, 20),
        ({"two_parent_family": False}, 30),
        ({"two_parent_family": False, "pregnant_no_other_child": True}, 20),
        ({"two_parent_family": True}, 35),
        ({"two_parent_family": True, "parent_disabled": True}, 30),
    ],
)
def test_the_requirement_follows_from_the_household(check, plan, household, hours):
    plan["household"] = household
    plan["activities"] = [activity(hours=35)]
    assert computed(check, plan)["requirement_hours"] == hours


def test_the_requirement_and_its_basis_are_printed(render, plan):
    plan["household"] = {"two_parent_family": True}
    plan["activities"] = [activity(hours=20), activity("work_experience", hours=15)]
    text = render(FORM, plan)
    assert printed(text, "Hours required per week") == "35"
    assert (
        printed(text, "Basis (WIC 11322.8)") == "two-parent family, combined between both parents"
    )


def test_a_typed_requirement_is_refused(check, plan):
    plan["requirement_hours"] = 20
    assert "requirement_hours" in errors(check, plan)


# Activities' hours against the requirement


def test_a_plan_short_of_the_requirement_is_refused_naming_both_numbers(check, plan):
    plan["activities"] = [activity(hours=12), activity("work_experience", hours=6)]
    message = errors(check, plan)["activities"][0]
    assert "18 hours a week" in message
    assert "20 hours required" in message


def test_a_two_parent_family_needs_35_hours_between_the_parents(check, plan):
    plan["household"] = {"two_parent_family": True}
    plan["activities"] = [activity(hours=20), activity("employment", hours=14, end=None)]
    message = errors(check, plan)["activities"][0]
    assert "34 hours a week" in message and "35 hours required" in message


def test_concurrent_activities_are_summed_and_the_total_printed(check, render, plan):
    plan["activities"] = [activity(hours=12.5), activity("work_experience", hours=7.5)]
    values = computed(check, plan)
    assert values["total_hours"] == Decimal(20)
    assert values["meets_requirement"] is True
    assert [a["concurrent_with"] for a in values["activities"]] == ["2", "1"]
    text = render(FORM, plan)
    assert "1 and 2" in text.cells
    assert "12.5" in text.cells and "7.5" in text.cells
    assert printed(text, "Total weekly hours (lowest period)") == "20"
    assert printed(text, "Requirement met") == "Yes"


def test_activities_one_after_another_are_judged_period_by_period(check, plan):
    plan["activities"] = [
        activity(hours=20, start="2026-12-07", end="2027-01-29"),
        activity("work_experience", hours=10, start="2027-02-01", end="2027-05-28"),
    ]
    assert errors(check, plan)["activities"] == [
        "From 02/01/2027 to 05/28/2027 activity 2 adds up to 10 hours a week, short of the "
        "20 hours required (one adult with a child under 6)."
    ]


def test_a_gap_between_activities_is_a_warning(check, plan):
    plan["activities"] = [
        activity(hours=20, start="2026-12-07", end="2026-12-18"),
        activity("vocational_training", hours=20, start="2027-01-04", end="2027-05-28"),
    ]
    assert errors(check, plan) == {}
    assert warned(check, plan, "activities") == [
        "No activity is assigned from 12/19/2026 to 01/03/2027."
    ]


def test_a_short_partial_week_as_activities_start_apart_is_only_a_warning(check, plan):
    plan["activities"] = [
        activity(hours=12, start="2026-12-07"),
        activity("work_experience", hours=8, start="2026-12-03"),
    ]
    assert errors(check, plan) == {}
    assert computed(check, plan)["total_hours"] == Decimal(20)
    (message,) = warned(check, plan, "activities")
    assert message.startswith("From 12/03/2026 to 12/06/2026 activity 2 adds up to 8 hours")


def test_an_exempt_volunteer_short_of_the_requirement_is_warned_not_refused(check, render, plan):
    plan["exempt_volunteer"] = True
    plan["activities"] = [activity(hours=10)]
    assert errors(check, plan) == {}
    (message,) = warned(check, plan, "activities")
    assert "10 hours a week" in message and "exempt volunteer" in message
    assert "☒ Exempt volunteer" in "\n".join(render(FORM, plan).body)


def test_hours_far_above_the_requirement_are_warned(check, plan):
    plan["activities"] = [activity(hours=30), activity("employment", hours=15, end=None)]
    (message,) = warned(check, plan, "activities")
    assert "45 hours a week" in message


def test_employment_counts_as_an_ongoing_activity_with_its_employer(check, render, plan):
    plan["activities"] = [
        activity("employment", hours=24, end=None, provider="Bayfair Grocery Outlet")
    ]
    assert computed(check, plan)["total_hours"] == Decimal(24)
    text = render(FORM, plan)
    assert any("Unsubsidized Employment" in c for c in text.cells)
    assert any("Bayfair Grocery Outlet" in c for c in text.cells)
    assert any("ongoing" in c for c in text.cells)


def test_only_employment_may_be_ongoing(check, plan):
    plan["activities"][0]["end_date"] = None
    assert "activities.0.end_date" in errors(check, plan)


def test_an_end_date_before_the_start_is_refused(check, plan):
    plan["activities"][1]["end_date"] = "2026-12-01"
    assert list(errors(check, plan)) == ["activities.1.end_date"]


def test_an_activity_without_weekly_hours_is_refused(check, plan):
    plan["activities"][1]["hours_per_week"] = 0
    assert "activities.1.hours_per_week" in errors(check, plan)


def test_an_other_activity_needs_a_description(check, plan):
    plan["activities"][1].update(type="other", description=None)
    assert "activities.1.description" in errors(check, plan)


def test_an_unknown_activity_type_is_refused(check, plan):
    plan["activities"][0]["type"] = "vocational training"
    assert "activities.0.type" in errors(check, plan)


def test_a_plan_needs_an_activity(check, plan):
    plan["activities"] = []
    assert "activities" in errors(check, plan)


def test_an_activity_that_ended_before_the_plan_date_is_warned(check, plan):
    plan["activities"].append(activity(hours=20, start="2026-09-14", end="2026-11-13"))
    assert errors(check, plan) == {}
    assert warned(check, plan, "activities.2.end_date")


def test_a_plan_whose_activities_all_ended_is_refused(check, plan):
    plan["activities"] = [activity(hours=20, start="2026-09-14", end="2026-11-13")]
    assert "activities" in errors(check, plan)


def test_a_first_activity_starting_long_after_the_plan_date_is_warned(check, plan):
    plan["activities"] = [activity(hours=20, start="2027-01-04", end="2027-05-28")]
    assert warned(check, plan, "activities") == [
        "The first activity starts on 01/04/2027, more than 30 days after the plan date."
    ]


def test_a_later_activity_is_not_warned_while_another_runs(check, plan):
    plan["activities"].append(
        activity(hours=5, start="2027-03-01", end="2027-05-28", days_and_times="Sat 9-2")
    )
    assert warnings(check, plan) == []


def test_the_form_marks_training_and_education_and_prints_labels_not_codes(render, plan):
    text = render(FORM, plan)
    # The T/E box follows the activity's type and its description, each in a cell.
    vocational = text.cells.index("Vocational Education and Training")
    assert text.cells[vocational + 1] == "Clinical Medical Assistant certificate"
    assert "☒" in text.cells[vocational + 2]
    work = text.cells.index("Work Experience")
    assert text.cells[work + 1] == "Front desk and intake"
    assert "☐" in text.cells[work + 2]
    assert "vocational_training" not in text.everything


def test_every_activity_type_has_a_label_and_the_training_types_are_known():
    assert set(ACTIVITY_LABELS) == set(ACTIVITY_TYPES)
    assert set(ACTIVITY_TYPES) >= TRAINING_OR_EDUCATION
    assert {"vocational_training", "adult_basic_education"} <= TRAINING_OR_EDUCATION
    assert not {"job_search", "work_experience", "employment"} & TRAINING_OR_EDUCATION


# Initial or amended


def test_an_amended_plan_needs_its_reason_and_the_date_it_amends(check, plan):
    plan["plan_type"] = "amended"
    assert {"amendment_reason", "amends_plan_dated"} <= set(errors(check, plan))


def test_an_initial_plan_refuses_an_amendment_reason_and_date(check, plan):
    plan.update(amendment_reason="Added work experience", amends_plan_dated="2026-09-14")
    assert {"amendment_reason", "amends_plan_dated"} <= set(errors(check, plan))


def test_the_amended_plan_must_be_dated_before_this_one(check, example):
    payload = example(FORM)
    payload["amends_plan_dated"] = payload["plan_date"]
    assert "amends_plan_dated" in errors(check, payload)


def test_an_amended_plan_prints_its_reason_and_the_date_it_amends(render, example):
    text = render(FORM, example(FORM))
    assert "☐ Initial plan" in "\n".join(text.body)
    assert "☒ Amended plan" in "\n".join(text.body)
    assert printed(text, "Amends the plan dated") == "09/14/2026"


# County and office


def test_the_county_and_office_are_printed_from_the_county_settings(render, plan):
    plan.update(county="orange", office="santa_ana")
    text = render(FORM, plan)
    assert any("County of Orange Social Services Agency" in line for line in text.body)
    assert printed(text, "Office") == "Santa Ana Regional Center"
    assert printed(text, "Office address") == "1928 South Grand Avenue, Santa Ana, CA 92705"
    assert printed(text, "Office phone") == "(714) 555-0150"
    assert printed(text, "County") == "Orange"


def test_an_office_of_another_county_is_refused_with_the_known_ones(check, plan):
    plan["county"] = "orange"
    (message,) = errors(check, plan)["office"]
    assert "santa_ana" in message


def test_an_unknown_county_is_refused(check, plan):
    plan["county"] = "sonoma"
    assert "county" in errors(check, plan)


# The change request deadline: 3 working days after signing (WIC 11325.21)


@pytest.mark.parametrize(
    ("signed", "deadline"),
    [
        ("2026-11-24", "2026-12-01"),  # Thanksgiving and the day after skipped
        ("2026-11-23", "2026-11-30"),
        ("2027-01-15", "2027-01-21"),  # Friday before Martin Luther King Jr. Day
        ("2026-09-04", "2026-09-10"),  # Friday before Labor Day
        ("2026-12-23", "2026-12-29"),  # Christmas on a Friday
        ("2026-07-01", "2026-07-07"),  # July 4 on a Saturday, observed Friday July 3
        ("2027-03-29", "2027-04-02"),  # Cesar Chavez Day, Wednesday March 31
        ("2026-10-14", "2026-10-19"),  # no holiday: the weekend alone is skipped
    ],
)
@pytest.mark.parametrize("county, office", [("alameda", "hayward"), ("orange", "anaheim")])
def test_the_change_request_deadline_skips_weekends_and_holidays(
    check, plan, signed, deadline, county, office
):
    plan.update(plan_date=signed, county=county, office=office)
    plan["activities"] = [activity(hours=20, start=signed, end="2027-12-31")]
    assert computed(check, plan)["change_request_deadline"] == D(deadline)


def test_the_change_request_deadline_is_printed(render, plan):
    plan["plan_date"] = "2026-11-24"
    assert printed(render(FORM, plan), "Last day to ask for changes") == "12/01/2026"


# The reassignment deadline: 30 calendar days after the first training or education activity


def test_the_reassignment_deadline_counts_calendar_days_through_holidays(check, render, plan):
    # Issue 12 §3: 30 days end on Sunday 12/27; the county moves a closed last day and says so.
    plan["activities"] = [
        activity(hours=10, start="2026-11-24", end="2027-05-28"),
        activity("adult_basic_education", hours=10, start="2026-11-27", end="2027-05-28"),
    ]
    values = computed(check, plan)
    assert values["reassignment_deadline"] == D("2026-12-28")
    assert values["reassignment_deadline_note"] == (
        "12/27/2026 is a Sunday, when the office is closed; moved to the next working day, "
        "12/28/2026."
    )
    assert "Adult Basic Education starts on 11/27/2026" in values["reassignment_note"]
    assert printed(render(FORM, plan), "Last day to ask for reassignment") == (
        f"12/28/2026 ({values['reassignment_deadline_note']})"
    )


def test_a_county_that_keeps_deadlines_leaves_the_reassignment_on_the_sunday(
    monkeypatch, check, plan
):
    county = get_county("alameda")
    settings = dataclasses.replace(county.calendar_settings, closed_day_deadlines="keep")
    keeping = dataclasses.replace(county, calendar_settings=settings)
    monkeypatch.setattr(documents, "get_county", lambda county_id: keeping)
    plan["activities"] = [
        activity("adult_basic_education", hours=20, start="2026-11-27", end="2027-05-28")
    ]
    values = computed(check, plan)
    assert values["reassignment_deadline"] == D("2026-12-27")
    assert values["reassignment_deadline_note"] == (
        "12/27/2026 is a Sunday, when the office is closed; the deadline is not moved "
        "(county setting)."
    )


def test_a_reassignment_deadline_on_an_open_day_has_no_note(check, render, plan):
    plan["activities"] = [
        activity("adult_basic_education", hours=20, start="2026-12-07", end="2027-05-28")
    ]
    values = computed(check, plan)
    assert values["reassignment_deadline"] == D("2027-01-06")
    assert values["reassignment_deadline_note"] is None
    assert printed(render(FORM, plan), "Last day to ask for reassignment") == "01/06/2027"


def test_the_reassignment_deadline_runs_from_the_earliest_training_activity(check, plan):
    plan["activities"] = [
        activity("vocational_training", hours=10, start="2027-01-04", end="2027-05-28"),
        activity("adult_basic_education", hours=10, start="2026-12-07", end="2027-05-28"),
        activity("work_experience", hours=10, start="2026-12-01", end="2027-05-28"),
    ]
    assert computed(check, plan)["reassignment_deadline"] == D("2027-01-06")


def test_a_plan_without_training_has_no_reassignment_deadline(check, render, plan):
    plan["activities"] = [activity(hours=20)]
    values = computed(check, plan)
    assert values["reassignment_deadline"] is None
    assert "no training or education activity" in values["reassignment_note"]
    assert printed(render(FORM, plan), "Last day to ask for reassignment") == "None"


@pytest.mark.parametrize(
    ("field", "reason"),
    [("reassignment_used", "already used"), ("training_started_before", "earlier plan")],
)
def test_no_reassignment_deadline_once_used_or_after_earlier_training(
    check, render, plan, field, reason
):
    plan[field] = True
    values = computed(check, plan)
    assert values["reassignment_deadline"] is None
    assert reason in values["reassignment_note"]
    assert printed(render(FORM, plan), "Reassignment") == values["reassignment_note"]


def test_a_reassignment_window_over_before_the_plan_date_is_warned(check, plan):
    plan["activities"] = [
        activity("vocational_training", hours=20, start="2026-09-14", end="2027-05-28")
    ]
    assert computed(check, plan)["reassignment_deadline"] == D("2026-10-14")
    assert any("ended on 10/14/2026" in m for m in warned(check, plan, "activities"))


# Supportive services


def test_child_care_needed_without_children_is_refused(check, plan):
    plan["supportive_services"]["child_care"]["children"] = []
    assert "supportive_services.child_care.children" in errors(check, plan)


def test_child_care_not_needed_but_filled_in_is_refused(check, plan):
    plan["supportive_services"]["child_care"]["needed"] = False
    assert "supportive_services.child_care.needed" in errors(check, plan)


def test_transportation_needed_without_a_mode_is_refused(check, plan):
    plan["supportive_services"]["transportation"]["mode"] = None
    assert "supportive_services.transportation.mode" in errors(check, plan)


def test_transportation_not_needed_but_filled_in_is_refused(check, plan):
    plan["supportive_services"]["transportation"]["needed"] = False
    assert "supportive_services.transportation.needed" in errors(check, plan)


def test_no_supportive_services_prints_no_boxes_and_no_rows(check, render, plan):
    plan["supportive_services"] = {
        "child_care": {"needed": False},
        "transportation": {"needed": False},
    }
    assert computed(check, plan)["ancillary_total"] == Decimal(0)
    text = render(FORM, plan)
    assert "No children listed." in text.cells
    assert "No ancillary items." in text.cells
    assert "CHILD CARE  ☐ Yes    ☒ No" in "\n".join(text.body)


def test_the_ancillary_items_are_totalled_and_printed(check, render, plan):
    assert computed(check, plan)["ancillary_total"] == Decimal("184.50")
    assert printed(render(FORM, plan), "Total ancillary") == "$184.50"


# Softer concerns


def test_a_missing_ec_phone_is_warned(check, plan):
    plan["ec"]["phone"] = None
    assert warned(check, plan, "ec.phone")


def test_a_plan_dated_after_today_is_warned(check, plan):
    plan["plan_date"] = "2026-11-24"
    assert warned(check, plan, "plan_date")


def test_a_plan_whose_change_period_is_over_is_warned(check, plan):
    plan["plan_date"] = "2026-11-16"
    assert warned(check, plan, "plan_date") == ["The change request period ended on 11/19/2026."]


def test_the_example_has_no_warnings(check, example):
    assert warnings(check, example(FORM)) == []
