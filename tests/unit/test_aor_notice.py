"""An AOR reading becomes a 42-6 noncompliance notice: the sample AORs through the mapping."""

from __future__ import annotations

import datetime as dt

import pytest

from service.aor.notice import (
    WHAT_HAPPENED_MAX,
    NothingToNotice,
    notice_from_reading,
    unexcused_days,
)
from service.models.user import User

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def ec() -> User:
    return User(username="ec.rivera", display_name="Ana Rivera", role="ec", worker_number="W2918")


@pytest.fixture
def reading(upload, sample_pdf):
    """The stored reading of a sample AOR, uploaded as the contractor: ``reading("aor-...")``."""

    def go(name: str) -> dict:
        answer = upload(sample_pdf(name), f"{name}.pdf")
        assert answer.status_code == 201, answer.get_json()
        return answer.get_json()

    return go


def test_the_days_with_unexcused_hours_become_the_noncompliance_dates(reading, ec):
    notice = notice_from_reading(reading("aor-101-002-docx"), ec, TODAY)
    assert notice["noncompliance_dates"] == ["2025-10-06", "2025-10-09", "2025-10-21"]
    assert notice["action"] == "noncompliance_initiated"
    assert notice["notice_date"] == "2026-11-23"


def test_the_participant_case_and_activity_come_from_the_aor(reading, ec):
    notice = notice_from_reading(reading("aor-101-002-docx"), ec, TODAY)
    assert notice["case_number"] == "K62GSAR"
    assert notice["participant"] == {"name": "Johnson, Fatima", "cin": "57916128D", "phone": None}
    assert notice["activity"] == {
        "type": "Community Service (CS)",
        "provider": "Orange County Workforce Partners & Co.",
    }


def test_the_ec_is_the_signed_in_user_and_the_est_is_left_to_fill(reading, ec):
    notice = notice_from_reading(reading("aor-101-000-grid"), ec, TODAY)
    assert notice["ec"] == {
        "name": "Ana Rivera",
        "worker_number": "W2918",
        "phone": None,
        "email": None,
    }
    assert notice["est"] == {"name": "", "worker_number": "", "phone": None, "email": None}
    assert notice["noa_date"] is None


def test_what_happened_names_each_day_with_its_hours_and_the_providers_note(reading, ec):
    notice = notice_from_reading(reading("aor-101-002-docx"), ec, TODAY)
    lines = notice["what_happened"].split("\n")
    assert lines[0] == (
        "The provider's Attendance and Outcome Report for 10/2025 (submitted 11/12/2025) "
        "records 6.75 hours of unexcused absence:"
    )
    assert lines[1:] == [
        "10/06/2025: 1 of 4 scheduled hours unexcused",
        "10/09/2025: 4 of 4 scheduled hours unexcused; provider's note: orientation at worksite",
        "10/21/2025: 1.75 of 4 scheduled hours unexcused; provider's note: left early - childcare",
    ]


def test_the_prefilled_notice_lacks_only_what_the_aor_cannot_know(reading, ec, check):
    notice = notice_from_reading(reading("aor-101-000-grid"), ec, TODAY)
    # One check names all of it (issue 13): the EST of record and the notice of action's date.
    unknown = {"est.name", "est.worker_number", "noa_date"}
    assert set(check("42-6", notice).evaluation.errors) == unknown

    notice["est"] |= {"name": "Daniel Whitaker", "worker_number": "E4471"}
    assert set(check("42-6", notice).evaluation.errors) == {"noa_date"}

    notice["noa_date"] = "2026-11-23"
    result = check("42-6", notice)
    assert result.evaluation.ok, result.evaluation.errors
    assert result.data["noncompliance_dates"] == [dt.date(2025, 9, 23)]


def test_an_aor_without_unexcused_hours_gives_nothing_to_notice(reading, ec):
    with pytest.raises(NothingToNotice) as refused:
        notice_from_reading(reading("aor-101-001-fillable"), ec, TODAY, aor_id=7)
    assert refused.value.status == 409
    assert refused.value.message.startswith("AOR 7 records no unexcused hours")


def _row(day: str, unexcused: float, note: str = "") -> dict:
    return {"date": day, "scheduled": 8, "unexcused": unexcused, "note": note, "raw": {}}


def test_days_outside_the_report_month_are_left_out_and_dates_are_sorted():
    reading = {
        "report_month": "2025-10",
        "rows": [
            _row("2025-10-20", 2),
            _row("2025-11-01", 8),
            _row("2025-10-02", 1),
            _row("2025-10-03", 0),
        ],
    }
    assert [row["date"] for row in unexcused_days(reading)] == ["2025-10-02", "2025-10-20"]


def test_a_long_month_of_absences_is_cut_to_the_forms_limit_with_a_count_left(ec):
    note = "no call, no show; the provider phoned twice and left a message each time " * 2
    rows = [_row(f"2025-10-{day:02d}", 8, note) for day in range(1, 32)]
    reading = {"report_month": "2025-10", "case_number": "K62GSAR", "rows": rows}
    notice = notice_from_reading(reading, ec, TODAY)
    text = notice["what_happened"]
    assert len(text) <= WHAT_HAPPENED_MAX
    assert text.endswith("more days (see the AOR).")
    assert "248 hours of unexcused absence" in text
    assert len(notice["noncompliance_dates"]) == 31
