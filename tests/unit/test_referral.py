"""F063-41-251 Employment Services Referral: contractor, activity dates, EXPRT limit, hours."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from service.counties import get_county
from service.forms.referral import activity_end, aor_due_dates
from service.rules.work_experience import WorkExperienceCap, hours_cap

FORM = "f063-41-251"
D = dt.date.fromisoformat


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


# The contractor and the office


def test_the_contractor_name_and_mailbox_come_from_the_county_settings(check, render, payload):
    computed = check(FORM, payload).evaluation.computed
    assert computed["contractor_name"] == "Equus Workforce Services"
    assert computed["contractor_mailbox"] == "exprt.referrals@equus.example.org"
    text = render(FORM, payload).everything
    assert "Equus Workforce Services" in text and "exprt.referrals@equus.example.org" in text


def test_an_unknown_contractor_is_refused_with_the_known_ones_named(check, payload):
    payload["contractor_id"] = "acme"
    message = check(FORM, payload).evaluation.errors["contractor_id"][0]
    assert "equus" in message and "coastline" in message


def test_a_contractor_that_does_not_offer_the_activity_is_refused(check, payload):
    payload["contractor_id"] = "coastline"
    message = check(FORM, payload).evaluation.errors["contractor_id"][0]
    assert "does not provide EXPRT" in message and "VOC" in message


def test_a_contractor_id_that_is_not_a_settings_id_is_refused(check, payload):
    payload["contractor_id"] = "Equus Workforce"
    assert "contractor_id" in check(FORM, payload).evaluation.errors


def test_the_office_prints_with_its_address_and_phone(render, payload):
    text = render(FORM, payload).everything
    assert "Santa Ana Regional Center, 1928 South Grand Avenue" in text
    assert "(714) 555-0150" in text


def test_an_unknown_office_is_refused(check, payload):
    payload["office"] = "irvine"
    assert "office" in check(FORM, payload).evaluation.errors


def test_the_office_may_be_left_out(check, render, payload):
    payload["office"] = None
    assert check(FORM, payload).evaluation.computed["office"] is None
    assert "Santa Ana Regional Center" not in render(FORM, payload).everything


# The activity


def test_an_unknown_activity_code_is_refused(check, payload):
    payload["activity"] = "GED"
    assert "activity" in check(FORM, payload).evaluation.errors


def test_the_activity_prints_with_its_long_name_and_its_box(render, payload):
    payload.update(activity="JSR", assessment_attached=False)
    text = render(FORM, payload)
    assert any("Job Search and Job Readiness Assistance" in c for c in text.cells)
    line = next(p for p in text.body if p.startswith("ACTIVITY"))
    assert "☒ JSR" in line and "☐ EXPRT" in line


def test_other_without_a_description_is_refused(check, payload):
    payload["activity"] = "OTH"
    assert "activity_other" in check(FORM, payload).evaluation.errors


def test_other_with_a_description_is_accepted(check, payload):
    payload.update(activity="OTH", activity_other="Financial literacy workshop series")
    assert check(FORM, payload).evaluation.errors == {}


def test_a_description_on_a_named_activity_gives_a_warning(check, payload):
    payload["activity_other"] = "Front desk"
    assert "activity_other" in warning_fields(check(FORM, payload))


def test_zero_hours_a_week_is_refused(check, payload):
    payload["hours_per_week"] = 0
    assert "hours_per_week" in check(FORM, payload).evaluation.errors


@pytest.mark.parametrize("months", [0, 37, "9", 9.5])
def test_a_length_outside_1_to_36_whole_months_is_refused(check, payload, months):
    payload["length_months"] = months
    assert "length_months" in check(FORM, payload).evaluation.errors


# Dates


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        ("2026-12-01", 9, "2027-08-31"),
        ("2026-11-16", 3, "2027-02-15"),  # crosses the year
        ("2027-03-01", 12, "2028-02-29"),  # ends on a leap day
    ],
)
def test_the_end_date_is_the_day_before_the_same_date_months_later(start, months, end):
    assert activity_end(D(start), months) == D(end)


def test_the_end_date_is_computed_and_printed(check, render, payload):
    assert check(FORM, payload).evaluation.computed["end_date"] == D("2027-08-31")
    assert any("08/31/2027" in cell for cell in render(FORM, payload).cells)


def test_aor_due_dates_skip_new_years_day_and_the_weekend():
    calendar = get_county("orange").calendar
    dates = aor_due_dates(D("2026-12-01"), D("2027-08-31"), calendar)
    assert dates["first_aor_due"] == D("2027-01-08")  # 12/31 + 5 working days after 1/1
    assert dates["final_aor_due"] == D("2027-09-03")


def test_the_final_aor_skips_thanksgiving_and_the_day_after():
    calendar = get_county("orange").calendar
    dates = aor_due_dates(D("2026-10-26"), D("2026-11-25"), calendar)
    assert dates["final_aor_due"] == D("2026-12-02")
    assert dates["first_aor_due"] == D("2026-11-06")  # October ends on a Saturday


def test_an_activity_over_within_its_first_month_has_only_the_final_aor():
    calendar = get_county("orange").calendar
    dates = aor_due_dates(D("2026-12-01"), D("2026-12-31"), calendar)
    assert dates["first_aor_due"] == dates["final_aor_due"] == D("2027-01-06")


def test_a_start_more_than_three_days_before_the_referral_gives_a_warning(check, payload):
    payload["start_date"] = "2026-11-16"
    result = check(FORM, payload)
    assert result.evaluation.errors == {}
    assert "4 days before the referral" in warning_text(result, "start_date")


def test_a_start_three_days_before_the_referral_gives_no_warning(check, payload):
    payload["start_date"] = "2026-11-17"
    assert "start_date" not in warning_fields(check(FORM, payload))


@pytest.mark.parametrize("start", ["2026-12-25", "2026-12-05", "2026-11-27"])
def test_a_start_on_a_weekend_or_county_holiday_gives_a_warning(check, payload, start):
    payload["start_date"] = start
    assert "start_date" in warning_fields(check(FORM, payload))


def test_a_referral_dated_after_today_gives_a_warning(check, payload, today):
    payload["referral_date"] = (today + dt.timedelta(days=1)).isoformat()
    assert "referral_date" in warning_fields(check(FORM, payload))


# EXPRT


def test_exprt_gets_its_6_month_evaluation_and_12_month_limit(check, render, payload):
    computed = check(FORM, payload).evaluation.computed
    assert computed["exprt_evaluation_date"] == D("2027-06-01")
    assert computed["exprt_limit_date"] == D("2027-11-30")
    cells = render(FORM, payload).cells
    assert any("06/01/2027" in c for c in cells) and any("11/30/2027" in c for c in cells)


def test_a_12_month_exprt_ends_on_its_limit(check, payload):
    payload["length_months"] = 12
    result = check(FORM, payload)
    assert result.evaluation.errors == {}
    assert result.evaluation.computed["end_date"] == result.evaluation.computed["exprt_limit_date"]


def test_an_exprt_of_six_months_or_less_has_no_evaluation_date(check, payload):
    payload["length_months"] = 6
    assert check(FORM, payload).evaluation.computed["exprt_evaluation_date"] is None


def test_an_exprt_longer_than_12_months_without_a_new_plan_is_refused(check, payload):
    payload["length_months"] = 13
    message = check(FORM, payload).evaluation.errors["length_months"][0]
    assert "12 months" in message and "11/30/2027" in message and "WTW 2" in message


def test_an_exprt_longer_than_12_months_with_a_new_plan_is_accepted(check, render, payload):
    # Six months of EXPRT since June, extended by a plan made in November for 12 more.
    payload.update(length_months=12, new_wtw2_plan_date="2026-11-20")
    payload["prior_exprt_months"] = [f"2026-{m:02}" for m in range(6, 12)]
    result = check(FORM, payload)
    assert result.evaluation.errors == {}
    assert result.evaluation.warnings == []
    assert result.evaluation.computed["end_date"] == D("2027-11-30")
    assert result.evaluation.computed["exprt_months_total"] == 18
    assert any("11/20/2026" in c for c in render(FORM, payload).cells)


def test_a_new_plan_dated_after_the_12_month_limit_gives_a_warning(check, payload):
    payload.update(length_months=18, new_wtw2_plan_date="2027-12-01")
    assert "new_wtw2_plan_date" in warning_fields(check(FORM, payload))


def test_a_new_plan_on_an_exprt_within_12_months_gives_a_warning(check, payload):
    payload["new_wtw2_plan_date"] = "2026-11-20"
    assert "new_wtw2_plan_date" in warning_fields(check(FORM, payload))


def test_other_activities_have_no_12_month_limit_and_no_exprt_dates(check, payload):
    payload.update(activity="JSR", length_months=18, new_wtw2_plan_date="2026-11-20")
    result = check(FORM, payload)
    assert result.evaluation.errors == {}
    assert result.evaluation.computed["exprt_limit_date"] is None
    assert result.evaluation.computed["exprt_evaluation_date"] is None
    assert "new_wtw2_plan_date" in warning_fields(result)


def test_an_exprt_referral_without_assessment_results_gives_a_warning(check, payload):
    payload["assessment_attached"] = False
    assert "assessment_attached" in warning_fields(check(FORM, payload))


def test_another_activity_without_assessment_results_gives_no_warning(check, payload):
    payload.update(activity="JSR", assessment_attached=False)
    assert "assessment_attached" not in warning_fields(check(FORM, payload))


# Hours


def test_the_total_adds_the_concurrent_activities(check, render, payload):
    payload["concurrent_activities"].append(
        {"activity": "ESL class", "provider": "Santa Ana College", "hours_per_week": 2.5}
    )
    assert check(FORM, payload).evaluation.computed["total_hours"] == 37.5
    assert "TOTAL HOURS PER WEEK\n37.5" in render(FORM, payload).cells


def test_hours_beyond_a_week_are_refused(check, payload):
    payload["concurrent_activities"][0]["hours_per_week"] = 160
    assert "concurrent_activities" in check(FORM, payload).evaluation.errors


def test_a_concurrent_activity_with_no_hours_gives_a_warning(check, payload):
    payload["concurrent_activities"][0]["hours_per_week"] = 0
    assert "concurrent_activities.0.hours_per_week" in warning_fields(check(FORM, payload))


def test_the_requirement_follows_from_the_household(check, payload):
    payload["household"]["two_parent_family"] = True
    result = check(FORM, payload)
    assert result.evaluation.computed["weekly_requirement"] == 35
    assert "two-parent" in result.evaluation.computed["requirement_basis"]
    assert "hours_per_week" not in warning_fields(result)  # 15 + 20 meets 35 exactly


def test_a_child_under_six_lowers_the_requirement_to_20(check, payload):
    payload["household"]["child_under_six"] = True
    payload["concurrent_activities"] = []
    payload["hours_per_week"] = 20
    result = check(FORM, payload)
    assert result.evaluation.computed["weekly_requirement"] == 20
    assert "hours_per_week" not in warning_fields(result)


def test_a_total_short_of_the_requirement_gives_a_warning(check, payload):
    payload["concurrent_activities"] = []
    message = warning_text(check(FORM, payload), "hours_per_week")
    assert "15 hours a week in all, short of the 30 required" in message


def test_without_household_facts_no_requirement_is_computed(check, render, payload):
    payload["household"] = None
    result = check(FORM, payload)
    assert result.evaluation.computed["weekly_requirement"] is None
    assert any(p.startswith("HOUSEHOLD") and "Not given." in p for p in render(FORM, payload).body)


def test_no_concurrent_activities_prints_so(render, payload):
    payload["concurrent_activities"] = []
    assert "No concurrent activities." in render(FORM, payload).cells


# Supportive services and contacts


def test_notes_on_a_service_not_checked_give_a_warning(check, payload):
    payload["supportive_services"]["ancillary_notes"] = "Work boots for the warehouse site."
    assert "supportive_services.ancillary" in warning_fields(check(FORM, payload))


def test_supportive_services_default_to_none_needed(check, render, payload):
    del payload["supportive_services"]
    assert check(FORM, payload).evaluation.errors == {}
    text = render(FORM, payload)
    row = text.cells.index("Child care")
    assert text.cells[row + 1] == "☐"


@pytest.mark.parametrize(
    ("path", "field"),
    [
        (("case_manager", "email"), "case_manager.email"),
        (("case_manager", "phone"), "case_manager.phone"),
        (("participant", "language"), "participant.language"),
        (("participant", "phone"), "participant.phone"),
    ],
)
def test_missing_contact_details_give_a_warning(check, payload, path, field):
    payload[path[0]][path[1]] = None
    assert field in warning_fields(check(FORM, payload))


def test_a_typed_end_date_is_refused(check, payload):
    payload["end_date"] = "2027-12-31"
    assert "end_date" in check(FORM, payload).evaluation.errors


def test_a_month_long_activity_starting_on_the_31st_ends_on_the_last_day_of_february():
    from service.forms.referral import activity_end

    assert activity_end(dt.date(2027, 1, 31), 1) == dt.date(2027, 2, 28)
    assert activity_end(dt.date(2027, 1, 28), 1) == dt.date(2027, 2, 27)
    assert activity_end(dt.date(2027, 1, 15), 12) == dt.date(2028, 1, 14)


# Policy 289: earlier EXPRT months count toward the 12-month limit.


def test_earlier_exprt_months_count_toward_the_12_month_limit(check, payload):
    payload["prior_exprt_months"] = ["2026-02", "2026-03", "2026-04", "2026-05"]
    result = check(FORM, payload)  # 4 earlier + 9 now = 13
    message = result.evaluation.errors["length_months"][0]
    assert "4 earlier EXPRT months counted" in message and "07/31/2027" in message
    assert result.evaluation.computed["exprt_limit_date"] == D("2027-07-31")
    assert result.evaluation.computed["exprt_months_total"] == 13


def test_earlier_exprt_months_are_printed(render, payload):
    payload.update(prior_exprt_months=["2026-02", "2026-03"], length_months=6)
    cells = render(FORM, payload).cells
    assert "EARLIER EXPRT MONTHS\n2026-02, 2026-03" in cells
    assert "EXPRT MONTHS COUNTED, WITH THIS\n8" in cells


def test_twelve_earlier_months_leave_no_exprt_without_a_new_plan(check, payload):
    payload["prior_exprt_months"] = [f"2025-{m:02}" for m in range(1, 13)]
    result = check(FORM, payload)
    assert "all used before this start" in result.evaluation.errors["length_months"][0]
    assert result.evaluation.computed["exprt_limit_date"] is None


@pytest.mark.parametrize("month", ["2026-12", "2027-01"])
def test_an_earlier_exprt_month_not_before_the_start_is_refused(check, payload, month):
    payload["prior_exprt_months"] = ["2026-10", month]
    assert "prior_exprt_months.1" in check(FORM, payload).evaluation.errors


def test_an_earlier_exprt_month_listed_twice_is_refused(check, payload):
    payload["prior_exprt_months"] = ["2026-10", "2026-10"]
    assert "prior_exprt_months.1" in check(FORM, payload).evaluation.errors


@pytest.mark.parametrize("month", ["2026-13", "26-10", "2026-1"])
def test_an_earlier_exprt_month_not_written_yyyy_mm_is_refused(check, payload, month):
    payload["prior_exprt_months"] = [month]
    assert "prior_exprt_months.0" in check(FORM, payload).evaluation.errors


@pytest.mark.parametrize(
    ("plan", "refused"),
    [
        ("2026-11-20", True),  # the plan that assigned EXPRT, before it began on 12/01/2026
        ("2026-12-01", True),  # the day it began
        ("2027-06-15", False),
    ],
)
def test_a_new_plan_extends_exprt_only_when_dated_after_it_began(check, payload, plan, refused):
    payload.update(length_months=18, new_wtw2_plan_date=plan)
    errors = check(FORM, payload).evaluation.errors
    assert ("new_wtw2_plan_date" in errors) is refused
    if refused:
        assert "12/01/2026" in errors["new_wtw2_plan_date"][0]


def test_exprt_begins_at_the_unbroken_run_of_earlier_months(check, payload):
    payload.update(length_months=9, new_wtw2_plan_date="2026-08-10")
    payload["prior_exprt_months"] = [
        "2025-01",
        "2026-07",
        "2026-08",
        "2026-09",
        "2026-10",
        "2026-11",
    ]
    result = check(FORM, payload)  # 6 earlier + 9 = 15; the run began 07/01/2026
    assert result.evaluation.computed["exprt_began"] == D("2026-07-01")
    assert result.evaluation.errors == {}
    payload["new_wtw2_plan_date"] = "2026-06-30"
    assert "07/01/2026" in check(FORM, payload).evaluation.errors["new_wtw2_plan_date"][0]


def test_earlier_exprt_months_on_another_activity_give_a_warning(check, payload):
    payload.update(activity="JSR", prior_exprt_months=["2026-10"])
    assert "prior_exprt_months" in warning_fields(check(FORM, payload))


# The county's cap on unpaid work experience hours (FLSA: benefits / minimum wage).


def test_the_work_experience_cap_is_the_benefits_over_the_minimum_wage(check, render, payload):
    computed = check(FORM, payload).evaluation.computed  # ($1,032 + $291) / $16.90
    assert computed["work_experience_month"] == Decimal("78.28")
    assert computed["work_experience_week"] == Decimal("18.07")  # 78.28 / 4.33, rounded down
    assert any("18.07 h a week" in c for c in render(FORM, payload).cells)


def test_exprt_hours_above_the_weekly_cap_are_refused(check, payload):
    payload["hours_per_week"] = 18.25
    message = check(FORM, payload).evaluation.errors["hours_per_week"][0]
    assert "18.07 hours a week" in message and "$16.90 minimum wage" in message


def test_exprt_hours_at_the_cap_are_accepted(check, payload):
    payload["hours_per_week"] = 18
    assert check(FORM, payload).evaluation.errors == {}


def test_community_service_is_capped_too_but_job_search_is_not(check, payload):
    payload.update(activity="CS", hours_per_week=25)
    assert "hours_per_week" in check(FORM, payload).evaluation.errors
    payload.update(activity="JSR")
    assert "hours_per_week" not in check(FORM, payload).evaluation.errors


def test_an_exprt_referral_without_the_grant_gives_a_warning(check, payload):
    payload["benefits"] = None
    result = check(FORM, payload)
    assert "benefits.monthly_grant" in warning_fields(result)
    assert result.evaluation.computed["work_experience_week"] is None


def test_a_county_may_leave_calfresh_out_or_set_its_own_figure():
    grant, calfresh = Decimal(1000), Decimal(300)
    alone = WorkExperienceCap("benefits_over_minimum_wage", ("EXPRT",), Decimal(20), False)
    assert hours_cap(alone, grant, calfresh).per_month == Decimal(50)
    fixed = WorkExperienceCap("fixed", ("EXPRT",), max_hours_per_week=Decimal(16))
    assert hours_cap(fixed, None, None).per_week == Decimal(16)


def test_a_county_cap_setting_without_its_figures_is_refused():
    with pytest.raises(ValueError, match="minimum_wage"):
        WorkExperienceCap("benefits_over_minimum_wage", ("EXPRT",))
    with pytest.raises(ValueError, match="max_hours"):
        WorkExperienceCap("fixed", ("EXPRT",))
