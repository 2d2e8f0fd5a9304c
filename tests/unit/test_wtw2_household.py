"""WTW 2 household: two parents' combined hours, a child turning 6, a pregnancy, the 90 days."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from service.forms.wtw2_household import under_six_ends
from service.forms.wtw2_plan_due import PLAN_DUE_NEAR_DAYS
from tests.unit.test_wtw2 import FORM, activity, computed, errors, printed, warned

D = dt.date.fromisoformat


@pytest.fixture
def plan(example):
    """The example as an initial plan signed on 2026-11-23 (today in the tests)."""
    payload = example(FORM)
    payload.update(plan_type="initial", amendment_reason=None, amends_plan_dated=None)
    return payload


@pytest.fixture
def two_parents(plan):
    plan["household"] = {
        "two_parent_family": True,
        "other_parent": {"name": "Rafael Alvarado", "cin": "93817264B", "hours_per_week": 15},
    }
    plan["activities"] = [activity(hours=20)]
    return plan


def single_parent(children, **more):
    return {"two_parent_family": False, "child_under_six": True, "children": children, **more}


# Two-parent families: WIC 11322.8(a)(4), both parents may contribute to the 35 hours


def test_a_two_parent_plan_of_20_hours_meets_35_with_the_other_parents_15(check, two_parents):
    values = computed(check, two_parents)
    assert values["total_hours"] == Decimal(20)
    assert values["other_parent_hours"] == Decimal(15)
    assert values["combined_hours"] == Decimal(35)
    assert values["meets_requirement"] is True


def test_combined_hours_short_of_35_are_refused_naming_both_parents_hours(check, two_parents):
    two_parents["household"]["other_parent"]["hours_per_week"] = 10
    message = errors(check, two_parents)["activities"][0]
    assert "20 hours a week; with the other parent's 10, 30 hours combined" in message
    assert "35 hours required" in message


def test_without_the_other_parents_hours_the_ec_is_told_to_record_them(check, two_parents):
    del two_parents["household"]["other_parent"]
    message = errors(check, two_parents)["activities"][0]
    assert "Record the other parent's weekly hours" in message


def test_the_other_parent_and_the_combined_hours_are_printed(render, two_parents):
    text = render(FORM, two_parents)
    assert printed(text, "Other parent") == "Rafael Alvarado"
    assert printed(text, "Other parent's hours per week") == "15"
    assert printed(text, "Other parent's hours from") == "typed by the EC"
    assert printed(text, "With the other parent's hours") == "35"


def test_a_one_parent_family_has_no_other_parent(check, two_parents):
    two_parents["household"]["two_parent_family"] = False
    assert "household.other_parent" in errors(check, two_parents)


def test_typed_hours_must_be_given(check, two_parents):
    two_parents["household"]["other_parent"]["hours_per_week"] = None
    assert "household.other_parent.hours_per_week" in errors(check, two_parents)


def test_hours_from_a_plan_that_is_not_stored_are_refused(check, two_parents):
    other = two_parents["household"]["other_parent"]
    other.update(hours_from="plan", hours_per_week=None)
    assert "type their hours" in errors(check, two_parents)["household.other_parent.hours_from"][0]


def test_with_a_disabled_parent_the_other_parents_hours_are_not_added(check, two_parents):
    two_parents["household"].update(parent_disabled=True, child_under_six=True)
    values = computed(check, two_parents)
    assert values["requirement_hours"] == 20 and values["other_parent_hours"] == 0
    assert warned(check, two_parents, "household.other_parent")


# The household changes the requirement: WIC 11322.8(a)(1)-(3)


@pytest.mark.parametrize(
    ("birth", "ends"),
    [
        ("2021-03-14", "2027-04-01"),  # mid-month: the month of the birthday stays at 20
        ("2021-03-01", "2027-03-01"),  # on the 1st: 6 every day of March
        ("2020-02-29", "2026-03-01"),  # no February 29 in 2026
    ],
)
def test_the_20_hours_of_a_child_under_6_end_after_the_month_of_the_sixth_birthday(birth, ends):
    assert under_six_ends(D(birth)) == D(ends)


def test_a_child_turning_6_during_the_plan_is_warned_with_the_date_and_amend_prompt(
    check, render, plan
):
    plan["household"] = single_parent([{"name": "Mateo Alvarado", "birth_date": "2021-03-14"}])
    plan["activities"] = [activity(hours=20, end="2027-05-28")]
    assert errors(check, plan) == {}
    assert warned(check, plan, "household.children.0.birth_date") == [
        "Mateo Alvarado turns 6 on 03/14/2027: from 04/01/2027 the requirement is 30 hours a "
        "week (one adult with no child under 6), not 20. Amend the plan by 04/01/2027; the "
        "activities then add up to 20 hours a week."
    ]
    changes = computed(check, plan)["requirement_changes"]
    assert [(c["date"], c["hours"]) for c in changes] == [(D("2027-04-01"), 30)]
    assert "04/01/2027" in render(FORM, plan).cells


def test_no_change_while_a_younger_child_is_still_under_6(check, plan):
    plan["household"] = single_parent(
        [
            {"name": "Mateo Alvarado", "birth_date": "2021-03-14"},
            {"name": "Sofía Alvarado", "birth_date": "2024-10-30"},
        ]
    )
    assert computed(check, plan)["requirement_changes"] == []
    assert warned(check, plan, "household.children.0.birth_date") == []


def test_a_sixth_birthday_after_the_plan_ends_is_not_warned(check, plan):
    plan["household"] = single_parent([{"name": "Mateo Alvarado", "birth_date": "2021-09-14"}])
    plan["activities"] = [activity(hours=20, end="2027-05-28")]
    assert computed(check, plan)["requirement_changes"] == []


def test_an_unchecked_child_under_6_box_against_the_birth_dates_is_refused(check, plan):
    plan["household"] = single_parent(
        [{"name": "Sofía Alvarado", "birth_date": "2024-10-30"}], child_under_six=False
    )
    plan["activities"] = [activity(hours=30)]
    assert "Sofía Alvarado" in errors(check, plan)["household.child_under_six"][0]


def test_a_checked_child_under_6_box_with_only_older_children_is_refused(check, plan):
    plan["household"] = single_parent([{"name": "Mateo Alvarado", "birth_date": "2019-01-05"}])
    assert "every child is 6 or older" in errors(check, plan)["household.child_under_six"][0]


def test_a_child_born_after_the_plan_date_is_refused(check, plan):
    plan["household"] = single_parent([{"name": "Baby Alvarado", "birth_date": "2027-01-05"}])
    assert "household.children.0.birth_date" in errors(check, plan)


def test_a_pregnancy_ending_during_the_plan_is_warned_with_the_delivery_date(check, plan):
    plan["household"] = {
        "two_parent_family": False,
        "pregnant_no_other_child": True,
        "expected_delivery_date": "2027-02-10",
    }
    message = warned(check, plan, "household.expected_delivery_date")[0]
    assert message.startswith("The pregnancy is expected to end on 02/10/2027: from 02/10/2027")
    assert "stays 20 hours a week, now as one adult with a child under 6" in message
    assert "Amend the plan by 02/10/2027" in message


def test_a_birth_brings_30_hours_down_to_20(check, plan):
    plan["household"] = {
        "two_parent_family": False,
        "children": [{"name": "Mateo Alvarado", "birth_date": "2019-01-05"}],
        "expected_delivery_date": "2027-02-10",
    }
    plan["activities"] = [activity(hours=30)]
    changes = computed(check, plan)["requirement_changes"]
    assert [(c["date"], c["hours"]) for c in changes] == [(D("2027-02-10"), 20)]


def test_pregnant_with_no_other_child_contradicts_listed_children(check, plan):
    plan["household"] = single_parent(
        [{"name": "Sofía Alvarado", "birth_date": "2024-10-30"}], pregnant_no_other_child=True
    )
    assert "household.pregnant_no_other_child" in errors(check, plan)


# The 90 days to sign a first plan: WIC 11325.21(a)


def due_from(date, event="eligibility_determined"):
    return {"event": event, "date": date}


def test_the_deadline_is_90_days_after_eligibility_and_printed(check, render, plan):
    plan["plan_due_from"] = due_from("2026-10-01")
    assert computed(check, plan)["plan_due"] == D("2026-12-30")
    assert printed(render(FORM, plan), "First plan due by (WIC 11325.21)") == "12/30/2026"


@pytest.mark.parametrize(
    ("event", "label"),
    [
        ("eligibility_determined", "Eligibility for aid determined"),
        ("required_to_participate", "Required to participate (WIC 11320.3)"),
        ("job_search_completed", "Job search completed"),
    ],
)
def test_the_event_the_90_days_run_from_prints_as_its_label_not_its_code(
    render, plan, event, label
):
    plan["plan_due_from"] = due_from("2026-10-01", event)
    assert printed(render(FORM, plan), "90 days to sign run from") == f"{label}\n10/01/2026"


def test_without_an_event_the_90_days_box_is_blank(render, plan):
    assert printed(render(FORM, plan), "90 days to sign run from") == ""


def test_a_requirement_change_row_names_the_child_and_the_birthday(check, plan):
    plan["household"] = single_parent([{"name": "Mateo Alvarado", "birth_date": "2021-03-14"}])
    plan["activities"] = [activity(hours=20, end="2027-05-28")]
    (change,) = computed(check, plan)["requirement_changes"]
    assert change["reason"] == "Mateo Alvarado turns 6 on 03/14/2027"
    assert (change["child"], change["event_date"]) == ("Mateo Alvarado", D("2027-03-14"))


def test_a_deadline_near_the_plan_date_is_warned(check, plan):
    start = D("2026-11-23") - dt.timedelta(days=90 - PLAN_DUE_NEAR_DAYS)
    plan["plan_due_from"] = due_from(start.isoformat(), "required_to_participate")
    assert errors(check, plan) == {}
    assert any("must be signed by 12/03/2026" in m for m in warned(check, plan, "plan_date"))


def test_a_plan_signed_past_the_deadline_is_refused_naming_it(check, plan):
    plan["plan_due_from"] = due_from("2026-08-01")
    message = errors(check, plan)["plan_date"][0]
    assert "after the deadline of 10/30/2026" in message


def test_a_late_plan_with_its_reason_is_warned_not_refused(check, plan):
    plan.update(plan_due_from=due_from("2026-08-01"), late_reason="Participant hospitalized.")
    assert errors(check, plan) == {}
    assert any("24 days after the deadline" in m for m in warned(check, plan, "plan_date"))


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"appraisal_date": "2026-11-30"}, "appraisal_date"),  # after today
        ({"appraisal_date": "2026-11-20", "plan_date": "2026-11-18"}, "appraisal_date"),
        ({"plan_due_from": due_from("2026-12-01")}, "plan_due_from.date"),
    ],
)
def test_impossible_dates_are_refused(check, plan, change, field):
    plan.update(change)
    assert field in errors(check, plan)


def test_an_amended_plan_has_no_90_day_deadline(check, example):
    payload = example(FORM)
    payload["plan_due_from"] = due_from("2026-10-01")
    assert "plan_due_from" in errors(check, payload)
