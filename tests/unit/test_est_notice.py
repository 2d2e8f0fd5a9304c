"""42-6 notice to the EST: the PST is never noncompliance, the cause determination (WIC 11327.4)
and the 20-day good cause period on the county's calendar."""

from __future__ import annotations

import datetime as dt

import pytest

FORM = "42-6"
D = dt.date.fromisoformat


def warning_fields(result) -> list[str]:
    return [w["field"] for w in result.evaluation.warnings]


@pytest.fixture
def payload(example):
    return example(FORM)


@pytest.fixture
def sanction(payload):
    """A sanction sent after the 20 days: no good cause, the compliance plan refused."""
    payload.update(
        action="sanction_imposed",
        notice_date="2026-12-10",
        good_cause_found=False,
        sanction_effective_date="2026-12-16",
    )
    payload["cause_determination"].update(appointment_date="2026-11-30", compliance_plan="refused")
    return payload


def test_the_example_passes_without_warnings(check, payload):
    result = check(FORM, payload)
    assert result.evaluation.errors == {}
    assert result.evaluation.warnings == []


def test_a_complete_sanction_passes(check, sanction):
    assert check(FORM, sanction).evaluation.errors == {}


# Handbook 42-7.38 II.B: a participant cannot be penalized for not attending a PST meeting.


@pytest.mark.parametrize(
    "activity",
    ["PST meeting", "Initial pst", "Program Support Team meeting", "program  support team (CPET)"],
)
@pytest.mark.parametrize("action", ["noncompliance_initiated", "sanction_imposed"])
def test_a_noncompliance_notice_for_a_pst_meeting_is_refused(check, sanction, activity, action):
    sanction.update(action=action)
    sanction["activity"]["type"] = activity
    errors = check(FORM, sanction).evaluation.errors
    assert "never noncompliance" in errors["activity.type"][0]


def test_a_word_merely_containing_pst_is_not_taken_for_a_pst_meeting(check, payload):
    payload["activity"]["type"] = "Upstream Job Club (PSTX cohort)"
    assert "activity.type" not in check(FORM, payload).evaluation.errors


def test_removing_a_sanction_wrongly_imposed_for_a_pst_is_accepted(check, payload):
    payload.update(action="sanction_cured")
    payload["activity"]["type"] = "PST meeting"
    assert "activity.type" not in check(FORM, payload).evaluation.errors


def test_the_pst_refusal_answers_422_naming_the_field(client, example):
    payload = example(FORM)
    payload["activity"]["type"] = "Program Support Team"
    answer = client.post("/api/v1/forms/42-6/render", json=payload)
    assert answer.status_code == 422
    assert "activity.type" in answer.json["errors"]


# WIC 11327.4(b)(2): the appointment within the 20 days, and one reschedule within them.


def test_the_good_cause_period_ending_on_a_sunday_is_printed_with_that_fact_and_moved(
    check, render, payload
):
    computed = check(FORM, payload).evaluation.computed  # NOA 11/16/2026 + 20 = Sunday 12/06
    assert computed["good_cause_period_ends"] == D("2026-12-07")
    assert "12/06/2026 is a Sunday" in computed["good_cause_period_ends_note"]
    assert any("12/07/2026 (12/06/2026 is a Sunday" in c for c in render(FORM, payload).cells)


def test_a_sanction_on_the_sunday_the_period_counted_to_waits_for_the_moved_end(check, sanction):
    sanction.update(notice_date="2026-12-07", sanction_effective_date="2026-12-16")
    message = check(FORM, sanction).evaluation.errors["action"][0]
    assert "12/07/2026" in message


@pytest.mark.parametrize("action", ["cause_determination", "sanction_imposed"])
def test_a_cause_determination_or_sanction_without_the_appointment_date_is_refused(
    check, sanction, action
):
    sanction.update(action=action)
    sanction["cause_determination"]["appointment_date"] = None
    errors = check(FORM, sanction).evaluation.errors
    assert "cause_determination.appointment_date" in errors


@pytest.mark.parametrize(
    ("field", "day", "expected"),
    [
        ("appointment_date", "2026-12-07", None),  # the moved last day of the period
        ("appointment_date", "2026-12-08", "by 12/07/2026"),
        ("appointment_date", "2026-11-15", "before the notice of action"),
        ("rescheduled_date", "2026-12-04", None),
        ("rescheduled_date", "2026-12-09", "by 12/07/2026"),
    ],
)
def test_the_appointment_and_its_reschedule_fall_within_the_20_days(
    check, payload, field, day, expected
):
    payload["cause_determination"][field] = day
    errors = check(FORM, payload).evaluation.errors.get(f"cause_determination.{field}")
    assert (errors is None) if expected is None else (expected in errors[0])


def test_a_reschedule_without_a_first_appointment_is_refused(check, payload):
    payload["cause_determination"].update(appointment_date=None, rescheduled_date="2026-12-01")
    assert "cause_determination.rescheduled_date" in check(FORM, payload).evaluation.errors


def test_only_one_reschedule_can_be_recorded(check, payload):
    payload["cause_determination"]["rescheduled_dates"] = ["2026-12-01", "2026-12-03"]
    errors = check(FORM, payload).evaluation.errors
    assert "cause_determination.rescheduled_dates" in errors


def test_an_appointment_without_the_notice_of_action_date_gives_a_warning(check, payload):
    payload.update(action="cause_determination", noa_date=None, good_cause_found=False)
    assert "cause_determination.appointment_date" in warning_fields(check(FORM, payload))


# WIC 11327.4(a)(1), (b)(1), 11327.5: what a sanction needs.


def test_a_sanction_without_the_cause_determination_outcome_is_refused(check, sanction):
    sanction["good_cause_found"] = None
    assert "record its outcome" in check(FORM, sanction).evaluation.errors["good_cause_found"][0]


def test_a_sanction_without_the_compliance_plan_outcome_is_refused(check, sanction):
    sanction["cause_determination"]["compliance_plan"] = None
    errors = check(FORM, sanction).evaluation.errors
    assert "WIC 11327.4" in errors["cause_determination.compliance_plan"][0]


def test_a_sanction_after_a_compliance_plan_was_agreed_is_refused(check, sanction):
    sanction["cause_determination"]["compliance_plan"] = "agreed"
    errors = check(FORM, sanction).evaluation.errors
    assert "was agreed" in errors["cause_determination.compliance_plan"][0]


@pytest.mark.parametrize("plan", ["refused", "not_followed", "no_contact"])
def test_a_sanction_follows_a_plan_refused_not_followed_or_never_taken_up(check, sanction, plan):
    sanction["cause_determination"]["compliance_plan"] = plan
    assert check(FORM, sanction).evaluation.errors == {}


def test_a_compliance_plan_agreed_notice_saying_otherwise_is_refused(check, payload):
    payload.update(action="compliance_plan_agreed")
    payload["cause_determination"]["compliance_plan"] = "refused"
    assert "cause_determination.compliance_plan" in check(FORM, payload).evaluation.errors


def test_the_cause_determination_prints_its_dates_and_the_compliance_plan(render, sanction):
    sanction["cause_determination"]["rescheduled_date"] = "2026-12-03"
    text = render(FORM, sanction)
    assert "☒ Offered and refused" in text.everything
    assert "☒ Good cause not found" in text.everything
    for value in ("11/30/2026", "12/03/2026"):
        assert any(value in cell for cell in text.cells), value
