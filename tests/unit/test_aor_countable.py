"""Participation (did they comply?) kept apart from federal countable hours (45 CFR 261.60(b))."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from parsers.aor_model import AorDocument, AorRow, PreparedBy
from service.aor.excused import PriorExcused, countable_excused
from service.aor.reading import build_reading
from service.counties import get_county

D = Decimal
ORANGE_2026 = get_county("orange").calendar.holidays_in(2026)


def row(day: dt.date, sched: str, att: str = "0", exc: str = "0", code: str | None = None,
        unx: str = "0") -> AorRow:  # fmt: skip
    return AorRow(day, D(sched), D(att), D(exc), D(unx), excused_code=code)


def document(
    month: str, rows: list[AorRow], activity: str = "JSR", hours: str = "20"
) -> AorDocument:
    year, number = (int(part) for part in month.split("-"))
    return AorDocument(
        participant_name="Ortiz, Ana María", case_number="B4C7Q21", cin="91234567A",
        cm_name="Rosa Delgado", cm_email="cm@ssa.example", activity=activity,
        provider="Coastline Career Pathways, Inc.", worksite="", report_month=month,
        report_type="monthly", assigned_hours_week=D(hours),
        activity_start=dt.date(2025, 1, 6), activity_end=None, rows=tuple(rows),
        printed_totals=None, outcome="continuing", employed=False, employment=None,
        comments="", prepared_by=PreparedBy("Jordan Lee", "", "", ""),
        submitted_date=dt.date(year, number, 28) + dt.timedelta(days=7), page_count=1,
        source="text",
    )  # fmt: skip


def weekdays(year: int, month: int) -> list[dt.date]:
    day, out = dt.date(year, month, 1), []
    while day.month == month:
        if day.weekday() < 5:
            out.append(day)
        day += dt.timedelta(days=1)
    return out


def march_all_excused() -> list[AorRow]:
    """March 2026, 4 h each open weekday (Cesar Chavez Day, 03/31, closed): six days excused
    for family, transport and other reasons (24 h: 8 h over the 16-hour month cap)."""
    excused = {2: "FAM", 3: "FAM", 9: "TRN", 10: "OTH", 16: "FAM", 17: "OTH"}
    return [
        row(day, "4", exc="4", code=excused[day.day]) if day.day in excused else row(day, "4", "4")
        for day in weekdays(2026, 3)
        if day not in ORANGE_2026
    ]


def test_a_month_whose_absences_are_all_excused_shows_no_shortfall_only_hours_not_countable():
    reading = build_reading(document("2026-03", march_all_excused()))
    taking_part = reading["participation"]
    assert (taking_part["attended"], taking_part["excused"], taking_part["unexcused"]) == (
        60,
        24,
        0,
    )
    assert (taking_part["required"], taking_part["participated"]) == (84, 84)
    assert (taking_part["short_by"], taking_part["not_scheduled"]) == (0, 0)
    assert reading["countable"]["total"] == 76  # 60 attended + 16 excused within the cap
    assert reading["countable"]["not_countable"] == 8
    assert reading["countable"]["not_countable_by_reason"] == {"over_caps": 8}
    assert all("met" not in week and "short" not in str(week) for week in reading["weeks"])


def test_a_week_with_a_closed_county_holiday_is_expected_to_hold_less():
    """WIC 11322.8 averages over the month; Thanksgiving and the day after close the county."""
    rows = [row(dt.date(2026, 11, day), "4", "4") for day in (23, 24, 25)]
    reading = build_reading(document("2026-11", rows))
    week = next(w for w in reading["weeks"] if w["start"] == "2026-11-23")
    assert (week["assigned"], week["closed_days"], week["participated"]) == (12, 2, 12)


def test_a_closed_holiday_coded_hol_is_not_counted_twice_toward_participation():
    rows = [row(dt.date(2026, 11, d), "4", "4") for d in (23, 24)]
    rows += [
        row(dt.date(2026, 11, 25), "4", unx="4"),
        row(dt.date(2026, 11, 26), "4", exc="4", code="HOL"),
    ]
    reading = build_reading(document("2026-11", rows))
    week = next(w for w in reading["weeks"] if w["start"] == "2026-11-23")
    assert (week["assigned"], week["participated"], week["unexcused"]) == (12, 8, 4)


def test_only_unexcused_hours_make_a_month_short_a_thin_schedule_is_not_the_participants():
    # Two weeks scheduled at 8 h instead of 20: attended in full, nothing unexcused.
    rows = [row(day, "4", "4") for day in weekdays(2026, 3) if day.day <= 13]
    rows.append(row(dt.date(2026, 3, 16), "4", "1", unx="3"))
    taking_part = build_reading(document("2026-03", rows))["participation"]
    assert taking_part["short_by"] == 3
    assert taking_part["not_scheduled"] == 84 - 41 - 3


def test_hol_counts_only_on_a_designated_holiday_and_says_so_in_a_note():
    rows = [row(dt.date(2026, 2, 16), "4", exc="4", code="HOL"),  # Presidents' Day
            row(dt.date(2026, 2, 17), "4", exc="4", code="HOL")]  # fmt: skip
    reading = build_reading(document("2026-02", rows))
    assert reading["countable"]["holiday_hours"] == 4
    assert reading["countable"]["not_countable_by_reason"] == {"not_designated_holiday": 4}
    [note] = reading["findings"]
    assert (note["code"], note["date"], note["severity"]) == (
        "holiday_not_designated", "2026-02-17", "note")  # fmt: skip
    assert reading["participation"]["excused"] == 8  # still excused: no shortfall


def test_an_excused_hour_counts_only_up_to_the_scheduled_hours_missed():
    rows = [
        row(dt.date(2026, 2, 2), "4", exc="8", code="ILL"),
        row(dt.date(2026, 2, 7), "0", exc="4", code="ILL"),
    ]  # a Saturday, nothing scheduled
    count = countable_excused(rows)
    assert (count.hours, count.not_counted) == (4, 8)
    assert count.reasons == {"not_scheduled": 8}


def test_paid_leave_in_subsidized_employment_counts_as_hours_paid_outside_the_caps():
    rows = [row(dt.date(2026, 2, d), "8", exc="8", code="ILL") for d in (2, 3, 4)]
    unpaid = countable_excused(rows, PriorExcused(hours=D(80)))
    paid = countable_excused(rows, PriorExcused(hours=D(80)), paid=True)
    assert (unpaid.hours, unpaid.not_counted) == (0, 24)
    assert (paid.paid_leave, paid.hours, paid.not_counted) == (24, 0, 0)
    reading = build_reading(document("2026-02", rows, activity="SUB"))
    assert reading["countable"]["paid_activity"] is True
    assert reading["excused_countable"]["hours"] == 0  # draws nothing from the person's caps


def test_the_month_cap_counts_what_the_persons_other_reports_drew_that_month():
    rows = [row(dt.date(2026, 2, d), "8", exc="8", code="FAM") for d in (2, 3)]
    count = countable_excused(rows, PriorExcused(hours=D(12), month_hours=D(12)))
    assert (count.hours, count.not_counted) == (4, 12)


def test_a_holiday_another_activity_already_counted_costs_no_second_day():
    presidents_day = dt.date(2026, 2, 16)
    rows = [row(presidents_day, "4", exc="4", code="HOL")]
    prior = PriorExcused(holidays=10, holiday_dates=frozenset({presidents_day}))
    count = countable_excused(rows, prior, ORANGE_2026)
    assert (count.holiday_hours, count.holidays, count.not_counted) == (4, 0, 0)
