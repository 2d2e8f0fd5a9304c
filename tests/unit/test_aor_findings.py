"""Findings, excused hours that count, weeks and due dates, from AOR PDFs drawn in the tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest

from parsers.aor import read_aor
from parsers.aor_model import AorRow
from service.aor.due import due_date
from service.aor.excused import PriorExcused, countable_excused
from service.aor.reading import build_reading
from service.counties import get_county
from tests import aor_pdfs
from tests.aor_spec import CLEAN, AorSpec

D = Decimal


def reading(spec: AorSpec, prior: PriorExcused | None = None) -> dict:
    return build_reading(read_aor(aor_pdfs.pdf(spec)), prior=prior)


def found(spec: AorSpec) -> list[tuple[str, str | None]]:
    """Each finding's code and the date or field it concerns."""
    return [(f["code"], f["date"] or f["field"]) for f in reading(spec)["findings"]]


def test_a_clean_report_has_no_findings_and_arrived_on_time():
    got = reading(CLEAN)
    assert (got["findings"], got["due_date"], got["on_time"]) == ([], "2026-03-06", True)


# CLEAN's rows: 0 is 02/02 (4 scheduled, 4 attended), 6 is 02/10 (2 excused ILL).
FINDINGS = {
    "a date outside the report month": (
        CLEAN.with_row(0, date="03/02/2026", day="Mon"),
        [("date_outside_month", "2026-03-02")],
    ),
    "the same date twice": (
        CLEAN.with_row(1, date="02/02/2026"),
        [("duplicate_date", "2026-02-02")],
    ),
    "a day over 24 hours": (
        CLEAN.with_row(0, sched="25", att="25"),
        [
            ("day_over_24_hours", "2026-02-02"),
            ("printed_total_mismatch", "printed_totals.scheduled"),
            ("printed_total_mismatch", "printed_totals.attended"),
        ],
    ),
    "hours above scheduled": (
        replace(CLEAN, totals=None).with_row(0, att="4", unx="1"),
        [("hours_above_scheduled", "2026-02-02")],
    ),
    "hours below scheduled": (
        replace(CLEAN, totals=None).with_row(0, att="3"),
        [("hours_below_scheduled", "2026-02-02")],
    ),
    "excused hours without a code": (
        CLEAN.with_row(6, code=""),
        [("excused_without_code", "2026-02-10")],
    ),
    "a code without excused hours": (
        replace(CLEAN, totals=None).with_row(0, code="APT"),
        [("code_without_excused", "2026-02-02")],
    ),
    "an unknown code": (CLEAN.with_row(6, code="VAC"), [("unknown_excused_code", "2026-02-10")]),
    "a value that is not a number": (
        CLEAN.with_row(0, att="four"),
        [("not_a_number", "2026-02-02")],
    ),
    "a missing required label": (
        replace(CLEAN, omit_labels=frozenset({"case_number"})),
        [("missing_label", "case_number")],
    ),
    "a missing required value": (
        CLEAN.with_values(provider=""),
        [("missing_value", "provider")],
    ),
    "a case number of the wrong shape": (
        CLEAN.with_values(case_number="K6-2"),
        [("invalid_value", "case_number")],
    ),
    "printed totals that disagree with the rows": (
        replace(CLEAN, totals=("81", "73", "6", "0")),
        [
            ("printed_total_mismatch", "printed_totals.scheduled"),
            ("printed_total_mismatch", "printed_totals.unexcused"),
        ],
    ),
}


@pytest.mark.parametrize(("spec", "expected"), FINDINGS.values(), ids=FINDINGS.keys())
def test_each_problem_is_one_finding_naming_its_date_or_field(spec, expected):
    assert found(spec) == expected


def test_every_finding_has_a_code_a_message_a_date_a_field_and_a_severity():
    for finding in reading(CLEAN.with_row(1, date="02/02/2026", code="VAC"))["findings"]:
        assert set(finding) == {"code", "message", "date", "field", "severity"}
        assert finding["message"]


def test_totals_are_summed_from_the_rows_not_taken_from_the_total_row():
    got = reading(replace(CLEAN, totals=("81", "73", "6", "0")))
    assert got["totals"] == {"scheduled": 80, "attended": 73, "excused": 6, "unexcused": 1}
    assert got["printed_totals"] == {"scheduled": 81, "attended": 73, "excused": 6, "unexcused": 0}


def test_a_late_report_is_not_on_time():
    got = reading(CLEAN.with_values(prep_date="03/09/2026"))
    assert (got["due_date"], got["on_time"]) == ("2026-03-06", False)


def test_without_a_date_submitted_on_time_is_unknown():
    got = reading(CLEAN.with_values(prep_date=""))
    assert (got["submitted_date"], got["on_time"]) == (None, None)
    assert ("missing_value", "prep_date") in found(CLEAN.with_values(prep_date=""))


def test_a_final_report_is_due_three_working_days_after_the_activity_ends():
    spec = CLEAN.with_values(report_type="Final", activity_end="02/13/2026")
    assert reading(spec)["due_date"] == "2026-02-19"  # Presidents' Day, 02/16, skipped


@pytest.mark.parametrize(
    ("month", "due"),
    [
        ((2026, 11), dt.date(2026, 12, 7)),
        ((2026, 3), dt.date(2026, 4, 7)),
        ((2025, 12), dt.date(2026, 1, 8)),  # New Year's Day skipped
    ],
)
def test_a_monthly_report_is_due_five_working_days_after_the_month(month, due):
    assert due_date(get_county("orange").calendar, month, "monthly", None) == due


def _row(day: int, code: str | None, excused: str) -> AorRow:
    hours = D(excused)
    return AorRow(dt.date(2026, 2, day), hours, D(0), hours, D(0), excused_code=code)


def test_at_most_sixteen_excused_hours_count_in_a_month():
    rows = [_row(2, "ILL", "8"), _row(3, "FAM", "6"), _row(4, "APT", "4"), _row(5, "CRT", "2")]
    count = countable_excused(rows)
    assert (count.hours, count.not_counted) == (16, 4)
    assert count.by_date == {dt.date(2026, 2, d): D(h) for d, h in [(2, 8), (3, 6), (4, 2)]}


def test_the_twelve_month_cap_leaves_only_what_eighty_hours_allow():
    prior = PriorExcused(hours=D(75))
    count = countable_excused([_row(2, "ILL", "8"), _row(3, "ILL", "8")], prior)
    assert (count.hours, count.not_counted) == (5, 11)


def test_holidays_count_apart_from_the_sixteen_hours_up_to_ten_a_year():
    rows = [_row(2, "ILL", "16"), _row(16, "HOL", "8"), _row(17, "HOL", "8")]
    designated = {dt.date(2026, 2, 16), dt.date(2026, 2, 17)}
    assert countable_excused(rows, designated=designated).holidays == 2
    assert countable_excused(rows, designated=designated).holiday_hours == 16
    late = countable_excused(rows, PriorExcused(holidays=9), designated)
    assert (late.holidays, late.holiday_hours, late.hours, late.not_counted) == (1, 8, 16, 8)


def test_excused_hours_without_a_known_code_never_count():
    count = countable_excused([_row(2, None, "4"), _row(3, "VAC", "4")])
    assert (count.hours, count.not_counted) == (0, 8)


def test_the_reading_applies_the_hours_already_counted_in_the_year():
    plain = reading(CLEAN)["excused_countable"]
    capped = reading(CLEAN, prior=PriorExcused(hours=D(79), holidays=10))["excused_countable"]
    assert plain == {"hours": 2, "holidays": 1, "holiday_dates": ["2026-02-16"],
                     "holiday_hours": 4, "paid_leave": 0, "not_counted": 0}  # fmt: skip
    assert capped == {"hours": 1, "holidays": 0, "holiday_dates": [], "holiday_hours": 0,
                      "paid_leave": 0, "not_counted": 5}  # fmt: skip


def test_weeks_run_monday_to_sunday_within_the_month_with_their_share_of_assigned_hours():
    weeks = reading(CLEAN)["weeks"]
    assert [(w["start"], w["end"], w["assigned"]) for w in weeks] == [
        ("2026-02-01", "2026-02-01", 0),
        ("2026-02-02", "2026-02-08", 20),
        ("2026-02-09", "2026-02-15", 20),
        ("2026-02-16", "2026-02-22", 16),  # Presidents' Day: the county is closed
        ("2026-02-23", "2026-02-28", 20),
    ]


def test_a_week_shows_participation_and_countable_hours_apart():
    week = reading(CLEAN)["weeks"][2]
    assert week == {
        "start": "2026-02-09",
        "end": "2026-02-15",
        "attended": 18,
        "excused": 2,
        "unexcused": 0,
        "participated": 20,
        "assigned": 20,
        "closed_days": 0,
        "countable_excused": 2,
        "countable": 20,
    }
    # The last week's 1 unexcused hour is the month's shortfall (WIC 11322.8's average).
    assert reading(CLEAN)["participation"]["short_by"] == 1
