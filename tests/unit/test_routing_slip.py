"""50-20e: assignment, transfer and closed files routing rules, and what the slip prints."""

from __future__ import annotations

import datetime as dt

import pytest

FORM = "50-20e"
HOLLIS = {
    "name": "Hollis Vantongeren",
    "worker_number": "W5120",
    "unit": "Unit 3",
    "office": "eastmont",
}


@pytest.fixture
def slip(example):
    return example(FORM)


@pytest.fixture
def transfer(slip):
    slip.update(action="transfer", closed_files=None, supervisor=None, clerical=None)
    slip["to_ec"] = dict(HOLLIS)
    return slip


def errors(check, payload):
    return check(FORM, payload).evaluation.errors


def warned(check, payload):
    return {w["field"] for w in check(FORM, payload).evaluation.warnings}


def computed(check, payload):
    result = check(FORM, payload)
    assert result.evaluation.errors == {}
    return result.evaluation.computed


def test_the_example_goes_to_the_hayward_bank_47_days_after_discontinuance(check, slip):
    values = computed(check, slip)
    assert values["closed_files_bank"] == "P999"
    assert values["from_office_name"] == "Hayward"
    assert values["days_since_discontinuance"] == 47
    assert values["eligible_for_closed_files_on"] == dt.date(2026, 10, 31)
    assert values["route_to"] == "Closed files bank P999 (Hayward)"


@pytest.mark.parametrize(
    ("office", "bank"), [("hayward", "P999"), ("eastmont", "V999"), ("north_oakland", "N999")]
)
def test_the_closed_files_bank_follows_the_ecs_office(check, slip, office, bank):
    slip["from_ec"]["office"] = office
    assert computed(check, slip)["closed_files_bank"] == bank


def test_the_bank_cannot_be_typed(check, slip):
    slip["closed_files"]["closed_files_bank"] = "V999"
    assert "closed_files.closed_files_bank" in errors(check, slip)


def test_a_case_discontinued_12_days_ago_is_refused_with_the_date_it_becomes_eligible(check, slip):
    slip["closed_files"]["discontinuance_date"] = "2026-11-04"
    result = check(FORM, slip)
    (message,) = result.evaluation.errors["closed_files.discontinuance_date"]
    assert "12 days" in message
    assert "12/05/2026" in message
    assert result.evaluation.computed["eligible_for_closed_files_on"] == dt.date(2026, 12, 5)


def test_exactly_30_days_after_discontinuance_is_not_yet_more_than_30(check, slip):
    slip["closed_files"]["discontinuance_date"] = "2026-10-17"
    assert "closed_files.discontinuance_date" in errors(check, slip)


def test_31_days_after_discontinuance_may_go_to_closed_files(check, slip):
    slip["closed_files"]["discontinuance_date"] = "2026-10-16"
    assert computed(check, slip)["days_since_discontinuance"] == 31


def test_the_eligible_date_counts_calendar_days_even_onto_a_holiday(check, slip):
    # 10/26 + 31 days is Thanksgiving: the rule is about time since discontinuance,
    # not about a day the office is open, so the date is not moved.
    slip["closed_files"]["discontinuance_date"] = "2026-10-26"
    slip["slip_date"] = "2026-11-27"
    slip["supervisor"]["approved_on"] = "2026-11-30"
    slip["clerical"]["routed_on"] = "2026-11-30"
    values = computed(check, slip)
    assert values["eligible_for_closed_files_on"] == dt.date(2026, 11, 26)
    assert values["days_since_discontinuance"] == 32


def test_a_discontinuance_after_the_slip_date_is_refused(check, slip):
    slip["closed_files"]["discontinuance_date"] = "2026-11-20"
    (message,) = errors(check, slip)["closed_files.discontinuance_date"]
    assert "cannot follow" in message


@pytest.mark.parametrize("status", ["good_cause", "deferral"])
def test_a_case_with_good_cause_or_a_deferral_stays_with_the_ec(check, slip, status):
    slip["closed_files"]["good_cause_deferral"] = status
    (message,) = errors(check, slip)["closed_files.good_cause_deferral"]
    assert "stays with the EC of record" in message


def test_an_unknown_from_office_is_refused_with_the_known_ones(check, slip):
    slip["from_ec"]["office"] = "fremont"
    (message,) = errors(check, slip)["from_ec.office"]
    assert "fremont" in message and "north_oakland" in message


def test_an_unknown_to_office_is_refused(check, transfer):
    transfer["to_ec"]["office"] = "livermore"
    assert "to_ec.office" in errors(check, transfer)


def test_an_office_id_of_the_wrong_shape_is_refused_by_the_schema(check, slip):
    slip["from_ec"]["office"] = "Hayward Office"
    assert "from_ec.office" in errors(check, slip)


@pytest.mark.parametrize("action", ["transfer", "new_assignment"])
def test_an_assignment_or_transfer_needs_the_receiving_ec(check, transfer, action):
    transfer.update(action=action, to_ec=None)
    assert "to_ec" in errors(check, transfer)


def test_a_transfer_names_the_receiving_ec_unit_and_office(check, transfer):
    values = computed(check, transfer)
    assert values["to_office_name"] == "Eastmont"
    assert values["route_to"] == "Hollis Vantongeren (W5120), Unit 3, Eastmont"
    assert values["closed_files_bank"] is None


def test_a_transfer_to_the_same_ec_in_the_same_unit_is_refused(check, transfer):
    transfer["to_ec"].update(worker_number="w3307", unit="Unit 14")
    assert "to_ec.worker_number" in errors(check, transfer)


def test_a_transfer_to_another_unit_for_the_same_ec_is_accepted(check, transfer):
    transfer["to_ec"].update(worker_number="W3307", unit="Unit 9")
    assert errors(check, transfer) == {}


def test_closed_files_must_not_name_a_receiving_ec(check, slip):
    slip["to_ec"] = dict(HOLLIS)
    assert "to_ec" in errors(check, slip)


def test_closed_files_needs_the_closing_details(check, slip):
    slip["closed_files"] = None
    assert "closed_files" in errors(check, slip)


def test_a_transfer_cannot_carry_closing_details(check, transfer, example):
    transfer["closed_files"] = example(FORM)["closed_files"]
    assert "closed_files" in errors(check, transfer)


@pytest.mark.parametrize("calfresh", ["tcf", "nacf"])
def test_a_calfresh_household_needs_the_63_62_before_closed_files(check, slip, calfresh):
    slip["closed_files"]["household_calfresh"] = calfresh
    slip["closed_files"]["checklist"]["notice_63_62_sent"] = False
    assert "closed_files.checklist.notice_63_62_sent" in errors(check, slip)


def test_a_household_without_calfresh_needs_no_63_62(check, slip):
    slip["closed_files"]["household_calfresh"] = "none"
    slip["closed_files"]["checklist"]["notice_63_62_sent"] = False
    assert errors(check, slip) == {}
    assert "closed_files.checklist.notice_63_62_sent" not in warned(check, slip)


def test_a_63_62_sent_to_a_household_without_calfresh_is_a_warning(check, slip):
    slip["closed_files"]["household_calfresh"] = "none"
    assert "closed_files.checklist.notice_63_62_sent" in warned(check, slip)


@pytest.mark.parametrize(
    "item",
    [
        "discontinued_status_verified",
        "activities_end_dated",
        "supportive_services_ended",
        "case_comments_entered",
        "registration_status_closed",
    ],
)
def test_an_unchecked_closing_step_is_a_warning_for_the_supervisor(check, slip, item):
    slip["closed_files"]["checklist"][item] = False
    assert errors(check, slip) == {}
    assert warned(check, slip) == {f"closed_files.checklist.{item}"}


def test_another_reason_without_details_is_a_warning(check, slip):
    slip["closed_files"].update(reason="removed_other_reason", reason_detail=None)
    assert "closed_files.reason_detail" in warned(check, slip)


def test_a_slip_dated_after_today_is_a_warning(check, transfer):
    transfer["slip_date"] = "2026-11-24"
    assert "slip_date" in warned(check, transfer)


def test_the_supervisor_cannot_approve_before_the_slip_date(check, slip):
    slip["supervisor"]["approved_on"] = "2026-11-13"
    assert "supervisor.approved_on" in errors(check, slip)


def test_clerical_cannot_route_before_the_approval(check, slip):
    slip["clerical"]["routed_on"] = "2026-11-17"
    (message,) = errors(check, slip)["clerical.routed_on"]
    assert "approved" in message


def test_clerical_cannot_route_to_closed_files_without_approval(check, slip):
    slip["supervisor"] = None
    assert "clerical.routed_on" in errors(check, slip)


def test_clerical_routing_a_transfer_cannot_precede_the_slip(check, transfer):
    transfer["clerical"] = {"routed_to": "Unit 3", "routed_on": "2026-11-10", "initials": "LT"}
    (message,) = errors(check, transfer)["clerical.routed_on"]
    assert "dated" in message


def test_routing_to_another_bank_than_the_offices_is_a_warning(check, slip):
    slip["clerical"]["routed_to"] = "Closed files bank V999"
    assert "clerical.routed_to" in warned(check, slip)


def test_the_slip_prints_the_bank_dates_and_checked_boxes(render, slip):
    text = render(FORM, slip)
    cells = "\n".join(text.cells)
    assert "P999" in cells and "10/31/2026" in cells and "09/30/2026" in cells
    assert "☒ Route to closed files" in "\n".join(text.body)
    assert "☒ Transitional CalFresh (TCF)" in "\n".join(text.body)
    assert "☐ New assignment" in "\n".join(text.body)


def test_the_case_name_is_in_the_header_and_footer(render, slip):
    slip["case_name"] = "Ngata & Sons <household>"
    text = render(FORM, slip)
    assert any("Ngata & Sons <household>" in line for line in text.headers)
    assert any("Ngata & Sons <household>" in line for line in text.footers)
    assert any("H7K2M58" in line for line in text.headers)


def test_a_transfer_prints_the_receiving_ec_and_blank_approval_lines(render, transfer):
    text = render(FORM, transfer)
    cells = "\n".join(text.cells)
    assert "Hollis Vantongeren" in cells and "W5120" in cells and "Eastmont" in cells
    assert "☒ Transfer to another EC or unit" in "\n".join(text.body)
    # The supervisor's name and date are lines to write on; the clerk's boxes stay empty.
    assert cells.count("______________________") >= 2
    assert "ROUTED TO\n\n" in cells and "CLERK'S INITIALS\n" in cells
    assert "None" not in cells
