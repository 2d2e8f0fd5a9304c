"""The fill page's fields from a form's schema, and the posted fields read back as a payload."""

from __future__ import annotations

from typing import Any

import pytest

from service.forms import all_forms, get_form
from service.web.form_schema import form_tree, humanize
from service.web.form_values import add_item, flatten, parse, remove_item
from service.web.form_view import TOP, build, computed_lines

FORM_IDS = [spec.id for spec in all_forms()]
WTW2 = form_tree(get_form("wtw2").schema)


def without_nulls(value: Any) -> Any:
    """A payload as the page gives it back: an empty optional field is left out, not null."""
    if isinstance(value, dict):
        return {k: without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [without_nulls(v) for v in value]
    return value


def by_path(widgets, path):
    for widget in widgets:
        if widget.path == path:
            return widget
        found = by_path(widget.children + widget.items, path)
        if found:
            return found
    return None


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_each_example_survives_the_trip_through_the_page_fields(form_id, example):
    spec = get_form(form_id)
    nodes = form_tree(spec.schema)
    payload = example(form_id)
    back = parse(nodes, flatten(nodes, payload))
    assert back == without_nulls(payload)
    assert spec.schema().load(back) == spec.schema().load(payload)


def test_the_fields_follow_the_schema_with_human_labels_and_hints():
    top = {node.name: node for node in WTW2}
    assert top["case_number"].label == "Case number"
    assert top["case_number"].required
    assert top["case_number"].hint == "Case number must be 7 to 10 letters and digits."
    assert top["plan_date"].kind == "date"
    assert top["plan_type"].kind == "choice" and top["plan_type"].radios
    assert top["notes"].kind == "textarea"
    assert top["exempt_volunteer"].kind == "checkbox"
    activities = top["activities"]
    assert (activities.kind, activities.min_items, activities.max_items) == ("list", 1, 12)
    assert activities.item is not None and activities.item.label == "Activity"
    hours = {n.name: n for n in activities.item.children}["hours_per_week"]
    assert (hours.kind, hours.hint) == ("number", "From 0 to 168.")
    household = {n.name: n for n in top["household"].children}
    # A required yes-or-no is asked, not assumed from an unticked box.
    assert household["two_parent_family"].kind == "yesno"
    assert household["child_under_six"].kind == "checkbox"


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("case_number", "Case number"),
        ("ec_signed_date", "EC signed date"),
        ("notice_63_62_sent", "Notice 63-62 sent"),
        ("wtw2_plan_date", "WTW 2 plan date"),
        ("EXPRT", "EXPRT"),
    ],
)
def test_field_names_read_as_labels(name, label):
    assert humanize(name) == label


def test_the_referral_activity_choices_say_what_each_code_is():
    nodes = {n.name: n for n in form_tree(get_form("f063-41-251").schema)}
    options = dict(nodes["activity"].options)
    assert options["JSR"] == "JSR: Job Search and Job Readiness Assistance"


def test_posted_text_becomes_typed_values_and_empty_inputs_are_left_out():
    form = {
        "case_number": "B9R4T62",
        "case_name": "",
        "activities.0.hours_per_week": " 12.5 ",
        "activities.0.start_date": "2026-12-07",
        "activities.0.end_date": "",
        "activities.1.hours_per_week": "20",
        "household.two_parent_family": "false",
        "household.child_under_six": "true",
        "supportive_services.transportation.monthly_amount": "86.00",
    }
    payload = parse(WTW2, form)
    assert payload["case_number"] == "B9R4T62"
    assert "case_name" not in payload
    assert payload["activities"] == [
        {"hours_per_week": 12.5, "start_date": "2026-12-07"},
        {"hours_per_week": 20},
    ]
    assert payload["household"] == {
        "two_parent_family": False,
        "parent_disabled": False,
        "child_under_six": True,
        "pregnant_no_other_child": False,
    }
    assert payload["supportive_services"]["transportation"] == {"monthly_amount": 86.0}


def test_what_is_not_a_number_stays_as_typed_for_the_schema_to_name():
    payload = parse(WTW2, {"activities.0.hours_per_week": "twelve", "plan_date": "11/23/2026"})
    assert payload["activities"] == [{"hours_per_week": "twelve"}]
    assert payload["plan_date"] == "11/23/2026"
    referral = form_tree(get_form("f063-41-251").schema)
    assert parse(referral, {"length_months": "3.5"})["length_months"] == "3.5"
    assert parse(referral, {"length_months": "6"})["length_months"] == 6


def test_only_the_schema_fields_reach_the_payload():
    form = {
        "csrf_token": "x",
        "action": "check",
        "case_number": "B9R4T62",
        "role": "admin",
        "activities.0.provider": "Eden Valley Adult School",
        "activities.0.secret": "invented",
        "participant.salary": "1",
    }
    payload = parse(WTW2, form)
    assert payload["activities"] == [{"provider": "Eden Valley Adult School"}]
    assert payload["participant"] == {}
    assert set(payload) == {
        "case_number",
        "participant",
        "household",
        "activities",
        "supportive_services",
        "ec",
        "exempt_volunteer",
        "training_started_before",
        "reassignment_used",
    }


def test_items_are_read_in_order_and_gaps_from_removed_items_close():
    form = {
        "activities.10.provider": "Third",
        "activities.2.provider": "Second",
        "activities.0": "",
        "activities.0.provider": "",
    }
    assert parse(WTW2, form)["activities"] == [{}, {"provider": "Second"}, {"provider": "Third"}]


def test_an_optional_section_left_empty_is_left_out():
    slip = form_tree(get_form("50-20e").schema)
    assert "closed_files" not in parse(slip, {"closed_files.reason_detail": ""})
    filled = parse(slip, {"closed_files.checklist.activities_end_dated": "true"})
    assert filled["closed_files"]["checklist"]["activities_end_dated"] is True
    referral = form_tree(get_form("f063-41-251").schema)
    # Answering "No" is an answer: the household is given, all four facts false.
    assert parse(referral, {"household.two_parent_family": "false"})["household"] == {
        "two_parent_family": False,
        "parent_disabled": False,
        "child_under_six": False,
        "pregnant_no_other_child": False,
    }


def test_a_list_of_dates_drops_its_blank_rows():
    notice = form_tree(get_form("42-6").schema)
    form = {"noncompliance_dates.0": "2026-11-02", "noncompliance_dates.1": ""}
    assert parse(notice, form)["noncompliance_dates"] == ["2026-11-02"]


def test_items_are_added_up_to_the_limit_and_removed(example):
    payload = example("wtw2")
    assert add_item(WTW2, payload, "activities") == "activities.2"
    assert payload["activities"][2] == {}
    assert add_item(WTW2, payload, "supportive_services.child_care.children") == (
        "supportive_services.child_care.children.2"
    )
    assert remove_item(WTW2, payload, "activities.0") == "activities.0"
    assert payload["activities"][0]["type"] == "work_experience"
    assert len(payload["activities"]) == 2
    # The last one gone, the focus goes to the list (its "Add activity" button).
    assert remove_item(WTW2, payload, "activities.1") == "activities"
    payload["activities"] = [{}] * 12
    assert add_item(WTW2, payload, "activities") is None
    assert len(payload["activities"]) == 12


@pytest.mark.parametrize(
    "path", ["case_number", "activities.0.provider", "nothing", "activities.99"]
)
def test_adding_or_removing_where_there_is_no_list_item_changes_nothing(example, path):
    payload = example("wtw2")
    assert remove_item(WTW2, payload, path) is None
    if path != "activities.99":
        assert add_item(WTW2, payload, path) is None
    assert payload == example("wtw2")


def test_each_message_lands_beside_its_field_or_the_section_holding_it(example):
    errors = {
        "activities.1.hours_per_week": ["Not a valid number."],
        "activities.1": ["Ends before it starts."],
        "supportive_services.ancillary.7.amount": ["Too much."],
        "_schema": ["Something about the whole form."],
    }
    warnings = [{"field": "plan_date", "message": "In the past."}]
    view = build(WTW2, example("wtw2"), errors, warnings)
    hours = by_path(view.widgets, "activities.1.hours_per_week")
    assert hours.errors == ["Not a valid number."]
    assert hours.value == "8"
    assert by_path(view.widgets, "activities.1").errors == ["Ends before it starts."]
    assert by_path(view.widgets, "supportive_services.ancillary").errors == ["Too much."]
    assert by_path(view.widgets, "plan_date").warnings == ["In the past."]
    anchors = [(m.anchor, m.where) for m in view.errors]
    assert anchors == [
        ("f-activities-1-hours_per_week", "Activity 2 › Hours per week"),
        ("f-activities-1", "Activity 2"),
        ("f-supportive_services-ancillary", "Supportive services › Ancillary expenses"),
        (TOP, "Form"),
    ]


def test_a_missing_field_is_told_in_plain_words():
    view = build(WTW2, {}, {"case_number": ["Missing data for required field."]})
    assert by_path(view.widgets, "case_number").errors == ["Required: fill this in."]


def test_a_list_that_needs_items_starts_with_one_and_the_new_item_takes_the_focus():
    view = build(WTW2, {}, focus="activities.0")
    activities = by_path(view.widgets, "activities")
    assert [item.label for item in activities.items] == ["Activity 1"]
    assert by_path(view.widgets, "activities.0.type").autofocus
    assert by_path(view.widgets, "supportive_services.child_care.children").items == []


def test_the_computed_values_read_as_lines_with_their_written_labels():
    computed = {
        "requirement_hours": 20,
        "change_request_deadline": "2026-11-30",
        "meets_requirement": True,
        "ancillary_total": 184.5,
        "role_labels": {"ec": "Employment Counselor"},
        "schedule": [{"activities": "1 and 2", "short": False, "note": None}],
    }
    assert computed_lines(computed, "wtw2") == [
        ("Hours a week required", "20"),
        ("Last day to ask for a change to the plan", "11/30/2026"),
        ("Meets the hours required", "Yes"),
        ("Ancillary expenses in all ($)", "184.5"),
        ("Period 1 › Activities running", "1 and 2"),
        ("Period 1 › Short of the hours required", "No"),
    ]
