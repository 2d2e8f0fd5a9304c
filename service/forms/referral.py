"""F063-41-251 rules: the contractor and its mailbox, the activity dates, the EXPRT limit."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from schemas.referral import ACTIVITIES, ReferralSchema
from service.counties import County
from service.forms.base import Evaluation, FormSpec, RuleInput
from service.forms.referral_exprt import activity_end, check_exprt, check_work_experience
from service.rules.calendar import WorkCalendar
from service.rules.catalog import rule
from service.rules.deadlines import add_months
from service.rules.hours import household_from, weekly_requirement

START_GRACE_DAYS = 3  # a start a few days before the referral is paperwork catching up
AOR_MONTHLY_WORKING_DAYS = 5  # policy 289, contractor step 19
AOR_FINAL_WORKING_DAYS = 3
HOURS_IN_A_WEEK = 168
SERVICES = ("child_care", "transportation", "ancillary")


def evaluate(data: dict[str, Any], rules: RuleInput) -> Evaluation:
    ev = Evaluation()
    ev.computed.update(
        activity_name=ACTIVITIES[data["activity"]],
        exprt_evaluation_date=None,
        exprt_limit_date=None,
        weekly_requirement=None,
        requirement_basis=None,
    )
    _contractor(data, rules.county, ev)
    _office(data, rules.county, ev)
    _activity(data, ev)
    _dates(data, rules, ev)
    ev.computed.update(exprt_months_before=None, exprt_months_total=None, exprt_began=None)
    if data["activity"] == "EXPRT":
        check_exprt(data, ev)
    else:
        if data["new_wtw2_plan_date"] is not None:
            ev.warn("new_wtw2_plan_date", "A new WTW 2 plan date matters only to extend EXPRT.")
        if data["prior_exprt_months"]:
            ev.warn("prior_exprt_months", "Earlier EXPRT months matter only to an EXPRT referral.")
    check_work_experience(data, rules.county, ev)
    _hours(data, ev)
    _supportive_services(data, ev)
    _contacts(data, ev)
    return ev


@rule("f063-41-251")
def aor_due_dates(start: dt.date, end: dt.date, calendar: WorkCalendar) -> dict[str, dt.date]:
    """When the contractor's first AOR and the final AOR are due (policy 289, step 19)."""
    month_end = add_months(start.replace(day=1), 1) - dt.timedelta(days=1)
    final = calendar.add_working_days(end, AOR_FINAL_WORKING_DAYS)
    # An activity over within its first month gets only the final report.
    first = (
        final
        if end <= month_end
        else calendar.add_working_days(month_end, AOR_MONTHLY_WORKING_DAYS)
    )
    return {"first_aor_due": first, "final_aor_due": final}


def _contractor(data: dict[str, Any], county: County, ev: Evaluation) -> None:
    contractor = county.contractor(data["contractor_id"])
    ev.computed["contractor_name"] = contractor.name if contractor else None
    ev.computed["contractor_mailbox"] = contractor.mailbox if contractor else None
    if contractor is None:
        ev.error("contractor_id", county.unknown_contractor(data["contractor_id"]))
    elif data["activity"] not in contractor.activities:
        ev.error(
            "contractor_id",
            f"{contractor.name} does not provide {data['activity']}; "
            f"it provides {', '.join(contractor.activities)}.",
        )


def _office(data: dict[str, Any], county: County, ev: Evaluation) -> None:
    office = county.office(data["office"]) if data["office"] else None
    ev.computed["office"] = (
        {"name": office.name, "address": office.address, "phone": office.phone} if office else None
    )
    if data["office"] and office is None:
        ev.error("office", county.unknown_office(data["office"]))


def _activity(data: dict[str, Any], ev: Evaluation) -> None:
    if data["activity"] == "OTH" and not data["activity_other"]:
        ev.error("activity_other", "Describe the activity when referring to 'Other'.")
    elif data["activity"] != "OTH" and data["activity_other"]:
        ev.warn("activity_other", "An activity description is for 'Other' referrals.")
    if data["hours_per_week"] <= 0:
        ev.error("hours_per_week", "Assign the hours per week the participant attends.")
    if data["activity"] == "EXPRT" and not data["assessment_attached"]:
        ev.warn(
            "assessment_attached",
            "Attach the participant's assessment results to an EXPRT referral if appropriate.",
        )


def _dates(data: dict[str, Any], rules: RuleInput, ev: Evaluation) -> None:
    start: dt.date = data["start_date"]
    referral: dt.date = data["referral_date"]
    end = activity_end(start, data["length_months"])
    ev.computed["end_date"] = end
    ev.computed.update(aor_due_dates(start, end, rules.county.calendar))
    if (referral - start).days > START_GRACE_DAYS:
        ev.warn(
            "start_date",
            f"The activity starts {(referral - start).days} days before the referral; "
            "the contractor calls the participant before the start date.",
        )
    if not rules.county.calendar.is_working_day(start):
        ev.warn("start_date", f"{start:%m/%d/%Y} is a weekend day or a county holiday.")
    if referral > rules.today:
        ev.warn("referral_date", "The referral date is in the future.")


def _hours(data: dict[str, Any], ev: Evaluation) -> None:
    total = data["hours_per_week"] + sum(
        (a["hours_per_week"] for a in data["concurrent_activities"]), Decimal(0)
    )
    ev.computed["total_hours"] = total
    if total > HOURS_IN_A_WEEK:
        ev.error("concurrent_activities", "The hours add up to more than a week holds.")
    for i, item in enumerate(data["concurrent_activities"]):
        if item["hours_per_week"] <= 0:
            ev.warn(f"concurrent_activities.{i}.hours_per_week", "No hours for this activity.")
    if data["household"] is None:
        return
    requirement = weekly_requirement(household_from(data["household"]))
    ev.computed["weekly_requirement"] = requirement.hours
    ev.computed["requirement_basis"] = requirement.basis
    if total < requirement.hours:
        ev.warn(
            "hours_per_week",
            f"{total.normalize():f} hours a week in all, short of the {requirement.hours} "
            f"required ({requirement.basis}).",
        )


def _supportive_services(data: dict[str, Any], ev: Evaluation) -> None:
    services = data["supportive_services"]
    for name in SERVICES:
        if services[f"{name}_notes"] and not services[name]:
            ev.warn(f"supportive_services.{name}", "Notes are given but the box is not checked.")


def _contacts(data: dict[str, Any], ev: Evaluation) -> None:
    cm = data["case_manager"]
    if not cm["email"]:
        ev.warn("case_manager.email", "The contractor reports to the CM by email.")
    if not cm["phone"]:
        ev.warn("case_manager.phone", "The contractor cannot call the CM without a phone number.")
    if not data["participant"]["language"]:
        ev.warn("participant.language", "Give the participant's language for the outreach call.")
    if not data["participant"]["phone"]:
        ev.warn("participant.phone", "The contractor calls the participant before the start.")


SPEC = FormSpec(
    id="f063-41-251",
    title="Employment Services Referral",
    number="F063-41-251",
    revision="R8/22",
    agency="County of Orange Social Services Agency",
    county="orange",
    schema=ReferralSchema,
    template="f063-41-251.docx",
    evaluate=evaluate,
    description="Refers a participant to a contractor's activity, such as EXPRT (policy 289).",
)
