"""42-176 Program Support Team meeting summary: attendees, timing, method, agenda, sign-off."""

from __future__ import annotations

import datetime as dt

import pytest

from service.counties import get_county
from service.forms.pst_summary import initial_meeting_due

FORM = "42-176"


def warning_fields(result) -> list[str]:
    return [w["field"] for w in result.evaluation.warnings]


def warning_text(result, field: str) -> str:
    return " ".join(w["message"] for w in result.evaluation.warnings if w["field"] == field)


@pytest.fixture
def payload(example):
    return example(FORM)


def test_the_example_passes_without_warnings(check, payload):
    result = check(FORM, payload)
    assert result.evaluation.errors == {}
    assert result.evaluation.warnings == []


# Attendees


@pytest.mark.parametrize("role", ["ec", "service_provider"])
def test_a_summary_without_the_ec_or_the_service_provider_is_refused(check, payload, role):
    payload["attendees"] = [a for a in payload["attendees"] if a["role"] != role]
    errors = check(FORM, payload).evaluation.errors
    label = "Employment Counselor" if role == "ec" else "Service provider"
    assert label in " ".join(errors["attendees"])


def test_a_summary_without_both_names_both_missing_roles(check, payload):
    payload["attendees"] = [a for a in payload["attendees"] if a["role"] == "participant"]
    message = check(FORM, payload).evaluation.errors["attendees"][0]
    assert "Employment Counselor" in message and "Service provider" in message


def test_an_empty_attendee_list_is_refused(check, payload):
    payload["attendees"] = []
    assert "attendees" in check(FORM, payload).evaluation.errors


def test_an_unknown_attendee_role_is_refused(check, payload):
    payload["attendees"][2]["role"] = "landlord"
    assert "attendees.2.role" in check(FORM, payload).evaluation.errors


def test_an_other_attendee_without_a_role_description_gives_a_warning(check, payload):
    payload["attendees"].append(
        {"role": "other", "other_role": None, "name": "Rosa Diaz", "organization": None}
    )
    assert "attendees.4.other_role" in warning_fields(check(FORM, payload))


def test_a_role_description_on_a_named_role_gives_a_warning(check, payload):
    payload["attendees"][2]["other_role"] = "Observer"
    assert "attendees.2.other_role" in warning_fields(check(FORM, payload))


def test_an_ec_signing_off_who_did_not_attend_gives_a_warning(check, payload):
    payload["ec"]["name"] = "Someone Else"
    assert "ec.name" in warning_fields(check(FORM, payload))


def test_the_ec_name_is_matched_without_regard_to_case(check, payload):
    payload["ec"]["name"] = "LUIS FERNÁNDEZ"
    assert "ec.name" not in warning_fields(check(FORM, payload))


def test_attendee_roles_print_with_their_long_names(render, payload):
    payload["attendees"].append(
        {
            "role": "other",
            "other_role": "Housing navigator",
            "name": "Rosa Diaz",
            "organization": "",
        }
    )
    text = render(FORM, payload)
    assert "Career Development Specialist I" in text.cells
    assert "Other: Housing navigator" in text.cells


# The initial meeting's due date


@pytest.mark.parametrize(
    ("notice", "due"),
    [
        ("2026-11-10", "2026-11-17"),  # Tuesday to Tuesday
        ("2026-11-07", "2026-11-16"),  # a Saturday week later moves to Monday
        ("2026-11-04", "2026-11-12"),  # Veterans Day, Wednesday 11/11, moves to Thursday
        ("2026-11-19", "2026-11-30"),  # Thanksgiving, the day after, then the weekend
        ("2026-12-18", "2026-12-28"),  # Christmas Day, a Friday
    ],
)
def test_the_initial_meeting_is_due_a_week_after_the_notice_on_a_working_day(notice, due):
    calendar = get_county("alameda").calendar
    assert initial_meeting_due(dt.date.fromisoformat(notice), calendar) == dt.date.fromisoformat(
        due
    )


def test_the_due_date_is_computed_and_printed(check, render, payload):
    payload.update(provider_notice_date="2026-11-19", meeting_date="2026-11-30")
    payload.update(ec_signed_date="2026-11-30")
    payload["supervisor"]["date"] = "2026-11-30"
    result = check(FORM, payload)
    assert result.evaluation.computed["initial_meeting_due"] == dt.date(2026, 11, 30)
    assert result.evaluation.computed["days_late"] is None
    assert "meeting_date" not in warning_fields(result)
    assert any("11/30/2026" in cell for cell in render(FORM, payload).cells)


def test_an_initial_meeting_scheduled_late_gives_a_warning_with_the_date_and_days_late(
    check, render, payload
):
    payload.update(
        provider_notice_date="2026-11-02", scheduled_date="2026-11-17", meeting_date="2026-11-17"
    )
    result = check(FORM, payload)
    assert result.evaluation.computed["initial_meeting_due"] == dt.date(2026, 11, 9)
    assert result.evaluation.computed["days_late"] == 8
    message = warning_text(result, "scheduled_date")
    assert "11/09/2026" in message and "8 days late" in message
    assert "SCHEDULED DAYS LATE\n8" in render(FORM, payload).cells


def test_one_day_late_is_said_in_the_singular(check, payload):
    payload.update(provider_notice_date="2026-11-09", scheduled_date="2026-11-17")
    assert "1 day late" in warning_text(check(FORM, payload), "scheduled_date")


def test_a_meeting_held_after_the_week_but_scheduled_within_it_gives_no_warning(check, payload):
    # Handbook II.B asks the EC to *schedule* within a week; the meeting may fall later.
    payload.update(
        provider_notice_date="2026-11-02", scheduled_date="2026-11-06", meeting_date="2026-11-17"
    )
    result = check(FORM, payload)
    assert result.evaluation.computed["days_late"] is None
    assert result.evaluation.warnings == []


def test_a_meeting_held_after_the_week_without_the_scheduling_date_asks_for_it(check, payload):
    payload.update(provider_notice_date="2026-11-02", scheduled_date=None)
    result = check(FORM, payload)
    assert result.evaluation.errors == {}
    assert "11/09/2026" in warning_text(result, "scheduled_date")


def test_a_meeting_scheduled_after_it_was_held_is_refused(check, payload):
    payload["scheduled_date"] = "2026-11-18"
    assert "scheduled_date" in check(FORM, payload).evaluation.errors


def test_a_scheduling_deadline_on_a_closed_day_is_printed_with_that_fact(check, render, payload):
    payload.update(provider_notice_date="2026-11-04", scheduled_date="2026-11-10")
    computed = check(FORM, payload).evaluation.computed
    assert computed["initial_meeting_due"] == dt.date(2026, 11, 12)
    assert "Veterans Day" in computed["initial_meeting_due_note"]
    assert any(
        "11/12/2026 (11/11/2026 is a county holiday" in c for c in render(FORM, payload).cells
    )


def test_an_initial_meeting_long_after_the_plan_is_a_warning_never_a_refusal(check, payload):
    payload.update(wtw2_plan_date="2026-06-01")
    result = check(FORM, payload)
    assert result.evaluation.errors == {}
    assert "When possible" in warning_text(result, "meeting_date")


def test_an_initial_meeting_without_the_providers_notice_date_is_refused(check, payload):
    payload["provider_notice_date"] = None
    assert "provider_notice_date" in check(FORM, payload).evaluation.errors


def test_a_providers_notice_after_the_meeting_is_refused(check, payload):
    payload["provider_notice_date"] = "2026-11-18"
    assert "provider_notice_date" in check(FORM, payload).evaluation.errors


def test_a_follow_up_meeting_needs_no_notice_date_and_computes_no_due_date(check, payload):
    payload.update(meeting_type="follow_up", provider_notice_date=None)
    result = check(FORM, payload)
    assert result.evaluation.errors == {}
    assert result.evaluation.computed["initial_meeting_due"] is None


def test_a_notice_date_on_a_follow_up_meeting_gives_a_warning(check, payload):
    payload["meeting_type"] = "follow_up"
    assert "provider_notice_date" in warning_fields(check(FORM, payload))


def test_the_30_day_target_after_the_wtw2_plan_is_computed(check, payload):
    computed = check(FORM, payload).evaluation.computed
    assert computed["plan_meeting_target"] == dt.date(2026, 12, 3)


def test_an_initial_meeting_more_than_30_days_after_the_plan_gives_a_warning(check, payload):
    payload["wtw2_plan_date"] = "2026-10-17"
    result = check(FORM, payload)
    assert result.evaluation.computed["plan_meeting_target"] == dt.date(2026, 11, 16)
    assert "11/16/2026" in warning_text(result, "meeting_date")


def test_a_follow_up_meeting_long_after_the_plan_gives_no_warning(check, payload):
    payload.update(meeting_type="follow_up", provider_notice_date=None, wtw2_plan_date="2026-01-05")
    assert "meeting_date" not in warning_fields(check(FORM, payload))


# How the meeting was held


def test_an_email_meeting_without_a_reason_gives_a_warning(check, payload):
    payload["method"] = "email"
    result = check(FORM, payload)
    assert result.evaluation.errors == {}
    assert "unavailable" in warning_text(result, "client_unavailable_reason")


def test_an_email_meeting_with_a_reason_gives_no_warning(check, payload):
    payload.update(method="email", client_unavailable_reason="Working a temporary night shift")
    assert "client_unavailable_reason" not in warning_fields(check(FORM, payload))


def test_a_reason_on_a_meeting_held_in_person_gives_a_warning(check, payload):
    payload["client_unavailable_reason"] = "Out of town"
    assert "client_unavailable_reason" in warning_fields(check(FORM, payload))


def test_an_unknown_method_is_refused(check, payload):
    payload["method"] = "letter"
    assert "method" in check(FORM, payload).evaluation.errors


def test_the_method_and_type_are_checked_on_the_form(render, payload):
    payload.update(method="video", meeting_type="initial")
    body = "\n".join(render(FORM, payload).body)
    assert "☒ Initial" in body and "☐ Follow-up" in body
    assert "☒ Video" in body and "☐ Phone" in body and "☐ In person" in body


# Agenda


def test_notes_on_a_topic_not_checked_give_a_warning(check, payload):
    payload["agenda"]["wen_cs"]["notes"] = "Client asked about community service hours."
    assert "agenda.wen_cs.discussed" in warning_fields(check(FORM, payload))


def test_no_topic_discussed_gives_a_warning(check, payload):
    payload["agenda"] = {}
    result = check(FORM, payload)
    assert result.evaluation.errors == {}
    assert "agenda" in warning_fields(result)


def test_an_omitted_topic_prints_an_empty_box(render, payload):
    del payload["agenda"]["goal_revision"]
    text = render(FORM, payload)
    row = text.cells.index("Revision to goals (Goal, Plan, Do, Review/Revise)")
    assert text.cells[row + 1] == "☐"


def test_a_discussed_topic_prints_a_checked_box_and_its_notes(render, payload):
    text = render(FORM, payload)
    row = text.cells.index("Amendments to WTW 2")
    assert text.cells[row + 1] == "☒"
    assert text.cells[row + 2].startswith("Amend WTW 2")


def test_an_initial_summary_without_barriers_or_goals_gives_a_warning(check, payload):
    payload["provider_summary"].update(barriers=[], goals=[])
    assert "provider_summary" in warning_fields(check(FORM, payload))


def test_empty_barrier_and_goal_tables_say_so(render, payload):
    payload["provider_summary"].update(barriers=[], goals=[])
    cells = render(FORM, payload).cells
    assert "No barriers identified." in cells and "No goals identified." in cells


# Sign-off


def test_an_ec_sign_off_before_the_meeting_is_refused(check, payload):
    payload["ec_signed_date"] = "2026-11-16"
    assert "ec_signed_date" in check(FORM, payload).evaluation.errors


def test_an_ec_sign_off_on_the_meeting_day_is_accepted(check, payload):
    payload["ec_signed_date"] = "2026-11-17"
    assert check(FORM, payload).evaluation.errors == {}


@pytest.mark.parametrize("day", ["2026-11-17", "2026-11-10"])
def test_a_next_meeting_not_after_this_one_is_refused(check, payload, day):
    payload["next_meeting_date"] = day
    assert "next_meeting_date" in check(FORM, payload).evaluation.errors


def test_a_next_meeting_more_than_a_month_away_gives_a_warning(check, payload):
    payload["next_meeting_date"] = "2026-12-19"
    result = check(FORM, payload)
    assert result.evaluation.errors == {}
    assert "next_meeting_date" in warning_fields(result)


def test_a_supervisor_initialing_before_the_meeting_is_refused(check, payload):
    payload["supervisor"]["date"] = "2026-11-16"
    assert "supervisor.date" in check(FORM, payload).evaluation.errors


def test_a_supervisor_initialing_before_the_ec_signs_off_gives_a_warning(check, payload):
    payload["supervisor"]["date"] = "2026-11-17"
    assert "supervisor.date" in warning_fields(check(FORM, payload))


def test_initials_without_a_date_give_a_warning(check, payload):
    payload["supervisor"]["date"] = None
    assert "supervisor" in warning_fields(check(FORM, payload))


def test_supervisor_initials_before_the_ec_signs_off_give_a_warning(check, payload):
    payload["ec_signed_date"] = None
    assert "ec_signed_date" in warning_fields(check(FORM, payload))


def test_a_summary_not_yet_signed_passes_without_warnings(check, payload):
    payload.update(ec_signed_date=None, supervisor={}, next_meeting_date=None)
    result = check(FORM, payload)
    assert result.evaluation.errors == {}
    assert result.evaluation.warnings == []


def test_supervisor_initials_longer_than_six_characters_are_refused(check, payload):
    payload["supervisor"]["initials"] = "ABCDEFG"
    assert "supervisor.initials" in check(FORM, payload).evaluation.errors


def test_a_sign_off_dated_in_the_future_gives_a_warning(check, payload, today):
    payload["ec_signed_date"] = (today + dt.timedelta(days=1)).isoformat()
    payload["supervisor"]["date"] = (today + dt.timedelta(days=2)).isoformat()
    fields = warning_fields(check(FORM, payload))
    assert "ec_signed_date" in fields and "supervisor.date" in fields


def test_the_sign_off_block_prints_names_initials_and_dates(render, payload):
    cells = render(FORM, payload).cells
    for value in ("Luis Fernández", "W3107", "11/18/2026", "AK", "11/19/2026", "12/15/2026"):
        assert any(value in cell for cell in cells), value


def test_a_typed_due_date_is_refused(check, payload):
    payload["initial_meeting_due"] = "2026-12-31"
    assert "initial_meeting_due" in check(FORM, payload).evaluation.errors
