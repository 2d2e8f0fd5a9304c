"""One Check says everything: the schema's refusals, the rules' errors and the warnings together,
in words that say what to enter."""

from __future__ import annotations

import html

import pytest

from tests.api.test_form_fill_pages import fields


@pytest.fixture
def ec(page_client):
    return page_client("ec")


def wtw2_with_a_field_and_a_rule_error(example) -> dict:
    """A WTW 2 with hours typed as words (the schema's) and an amended plan with no reason (a
    rule's), and no EC phone (a warning)."""
    payload = example("wtw2")
    payload["activities"][0]["hours_per_week"] = "twelve"
    payload["plan_type"] = "amended"
    payload["amendment_reason"] = None
    payload["ec"]["phone"] = None
    return payload


def slip_with_a_field_and_a_rule_error(example) -> dict:
    """A 50-20e to closed files with a date that is no date (the schema's) and a case with good
    cause (a rule's)."""
    payload = example("50-20e")
    payload["slip_date"] = "16/11/2026"
    payload["closed_files"]["good_cause_deferral"] = "good_cause"
    return payload


def test_the_api_lists_a_wtw2_field_error_a_rule_error_and_a_warning_in_one_check(client, example):
    body = client.post("/api/v1/forms/wtw2/check", json=wtw2_with_a_field_and_a_rule_error(example))
    assert body.status_code == 422
    errors = body.json["errors"]
    assert errors["activities.0.hours_per_week"] == ["Enter the hours as a number, like 20 or 7.5."]
    assert errors["amendment_reason"] == ["Say why the plan is amended."]
    assert {
        "field": "ec.phone",
        "message": ("The participant cannot reach the EC without a phone number."),
    } in body.json["warnings"]


def test_the_wtw2_page_shows_the_field_error_and_the_rule_error_after_one_check(ec, example):
    form = fields("wtw2", wtw2_with_a_field_and_a_rule_error(example))
    answer = ec.post("/forms/wtw2", data=form | {"csrf_token": ec.csrf, "_action": "check"})
    assert answer.status_code == 422
    page = html.unescape(answer.text)
    assert "2 problems to fix before the form can be made" in page
    assert "Activity 1 › Hours per week: Enter the hours as a number, like 20 or 7.5." in page
    assert "Why the plan is amended: Say why the plan is amended." in page
    assert "The participant cannot reach the EC without a phone number." in page


def test_the_api_lists_a_routing_slip_field_error_and_a_rule_error_in_one_check(client, example):
    payload = slip_with_a_field_and_a_rule_error(example)
    body = client.post("/api/v1/forms/50-20e/check", json=payload).json
    assert body["errors"]["slip_date"] == ["Enter a date, like 2026-12-07 (year, month, day)."]
    assert body["errors"]["closed_files.good_cause_deferral"] == [
        "A case with good cause stays with the EC of record; it cannot go to closed files."
    ]


def test_the_routing_slip_page_shows_the_field_error_and_the_rule_error_after_one_check(
    ec, example
):
    form = fields("50-20e", slip_with_a_field_and_a_rule_error(example))
    answer = ec.post("/forms/50-20e", data=form | {"csrf_token": ec.csrf, "_action": "check"})
    page = html.unescape(answer.text)
    assert "Enter a date, like 2026-12-07 (year, month, day)." in page
    assert "it cannot go to closed files." in page


def test_a_rule_about_a_refused_field_says_nothing_more_of_it(client, example):
    payload = example("wtw2")
    payload["plan_date"] = "not a date"
    payload["plan_type"] = "amended"  # amends_plan_dated is compared with the plan date
    errors = client.post("/api/v1/forms/wtw2/check", json=payload).json["errors"]
    assert errors["plan_date"] == ["Enter a date, like 2026-12-07 (year, month, day)."]
    assert "amends_plan_dated" not in errors  # its date is given; the rule needs the plan's


def test_a_check_with_refused_fields_shows_no_computed_values_built_on_part_of_the_input(
    client, example
):
    body = client.post("/api/v1/forms/wtw2/check", json=wtw2_with_a_field_and_a_rule_error(example))
    assert body.json["computed"] == {}


def test_a_valid_form_still_checks_as_before(client, example):
    body = client.post("/api/v1/forms/wtw2/check", json=example("wtw2")).json
    assert body["valid"] is True and body["computed"]["requirement_hours"]
