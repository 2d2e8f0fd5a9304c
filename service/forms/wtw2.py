"""WTW 2 rules: the requirement, activity hours against it, supportive services, deadlines."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from schemas.wtw2 import Wtw2Schema
from service.forms import wtw2_rules as r
from service.forms.base import Evaluation, FormSpec, RuleInput
from service.rules.hours import HoursRequirement, household_from, weekly_requirement

LATE_START_DAYS = 30  # a first activity starting later leaves the participant idle too long
FAR_ABOVE_FACTOR = 2  # assigned hours above this multiple of the requirement are questioned


def evaluate(data: dict[str, Any], rules: RuleInput) -> Evaluation:
    ev = Evaluation()
    _check_plan_type(data, ev)
    _check_office(data, rules, ev)
    need = weekly_requirement(household_from(data["household"]))
    ev.computed["requirement_hours"] = need.hours
    ev.computed["requirement_basis"] = need.basis
    ev.computed["activities"] = _activity_rows(data["activities"])
    if _check_activities(data, ev):
        _check_hours(data, need, ev)
    signed = data["plan_date"]
    deadline = r.change_request_deadline(rules.county.calendar, signed)
    ev.computed["change_request_deadline"] = deadline
    _reassignment(data, ev)
    _check_supportive_services(data["supportive_services"], ev)
    if not data["ec"].get("phone"):
        ev.warn("ec.phone", "The participant cannot reach the EC without a phone number.")
    if signed > rules.today:
        ev.warn("plan_date", "The plan is dated after today.")
    elif deadline < rules.today:
        ev.warn("plan_date", f"The change request period ended on {deadline:%m/%d/%Y}.")
    return ev


def _check_plan_type(data: dict[str, Any], ev: Evaluation) -> None:
    reason, amends = data["amendment_reason"], data["amends_plan_dated"]
    if data["plan_type"] == "initial":
        if reason:
            ev.error("amendment_reason", "An initial plan has no amendment reason.")
        if amends:
            ev.error("amends_plan_dated", "An initial plan does not amend an earlier plan.")
        return
    if not reason:
        ev.error("amendment_reason", "Say why the plan is amended.")
    if amends is None:
        ev.error("amends_plan_dated", "Give the date of the plan this one amends.")
    elif amends >= data["plan_date"]:
        ev.error("amends_plan_dated", "The plan being amended must be dated before this one.")


def _check_office(data: dict[str, Any], rules: RuleInput, ev: Evaluation) -> None:
    county = rules.county
    office = county.office(data["office"])
    if office is None:
        known = ", ".join(o.id for o in county.offices)
        ev.error("office", f"Unknown {county.name} County office; known offices: {known}.")
        return
    ev.computed["office"] = {"name": office.name, "address": office.address, "phone": office.phone}


def _activity_rows(activities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What the form prints beside each activity: its label, T/E mark and concurrent ones."""
    overlaps = r.concurrent_with(activities)
    return [
        {
            "number": n,
            "label": r.ACTIVITY_LABELS[a["type"]],
            "training_education": a["type"] in r.TRAINING_OR_EDUCATION,
            "concurrent_with": r.numbers_text(overlaps[n - 1]) if overlaps[n - 1] else "",
        }
        for n, a in enumerate(activities, 1)
    ]


def _check_activities(data: dict[str, Any], ev: Evaluation) -> bool:
    """Each activity on its own; False when dates are too broken to add hours up."""
    dates_ok = True
    plan_date = data["plan_date"]
    for i, a in enumerate(data["activities"]):
        path, start, end = f"activities.{i}", a["start_date"], a["end_date"]
        if a["hours_per_week"] <= 0:
            ev.error(f"{path}.hours_per_week", "An activity needs its weekly hours.")
        if a["type"] == "other" and not a["description"]:
            ev.error(f"{path}.description", "Describe an activity of type 'Other'.")
        if end is None and a["type"] not in r.OPEN_ENDED:
            ev.error(f"{path}.end_date", "Give an end date; only employment may be ongoing.")
        elif end is not None and end < start:
            ev.error(f"{path}.end_date", "The end date cannot come before the start date.")
            dates_ok = False
        elif end is not None and end < plan_date:
            ev.warn(
                f"{path}.end_date",
                f"Activity {i + 1} ended on {end:%m/%d/%Y}, before the plan date; "
                "its hours do not count from the plan date on.",
            )
    return dates_ok


def _check_hours(data: dict[str, Any], need: HoursRequirement, ev: Evaluation) -> None:
    """Concurrent activities' hours, period by period from the plan date, against the need."""
    plan_date, activities = data["plan_date"], data["activities"]
    current = [
        a["start_date"] for a in activities if not a["end_date"] or a["end_date"] >= plan_date
    ]
    if not current:
        ev.error("activities", "Every activity ended before the plan date; assign a current one.")
        return
    if min(current) > plan_date + dt.timedelta(days=LATE_START_DAYS):
        ev.warn(
            "activities",
            f"The first activity starts on {min(current):%m/%d/%Y}, more than "
            f"{LATE_START_DAYS} days after the plan date.",
        )
    periods = r.schedule(activities, max(plan_date, min(current)))
    ev.computed["schedule"] = [_period_row(p, need) for p in periods]
    worked = [p for p in periods if p.numbers]
    # A few days while concurrent activities start or end apart are not a week to judge.
    judged = [p for p in worked if not p.partial_week] or worked
    ev.computed["total_hours"] = min(p.hours for p in judged)
    ev.computed["meets_requirement"] = all(p.hours >= need.hours for p in judged)
    for p in periods:
        if not p.numbers:
            ev.warn("activities", f"No activity is assigned {p.describe()}.")
        elif p.hours < need.hours:
            _short(data, p, need, refuse=p in judged, ev=ev)
        elif p.hours > need.hours * FAR_ABOVE_FACTOR:
            ev.warn(
                "activities",
                f"{p.describe(first=True)} the activities add up to {r.hours_text(p.hours)} "
                f"hours a week, more than {FAR_ABOVE_FACTOR} times the {need.hours} required; "
                "check that the schedule is workable.",
            )


def _short(
    data: dict[str, Any], p: r.Period, need: HoursRequirement, refuse: bool, ev: Evaluation
) -> None:
    which = "activity" if len(p.numbers) == 1 else "activities"
    adds = "adds" if len(p.numbers) == 1 else "add"
    message = (
        f"{p.describe(first=True)} {which} {r.numbers_text(p.numbers)} {adds} up to "
        f"{r.hours_text(p.hours)} hours a week, short of the {need.hours} hours required "
        f"({need.basis})."
    )
    if data["exempt_volunteer"]:
        ev.warn("activities", message + " Allowed because the participant is an exempt volunteer.")
    elif not refuse:
        ev.warn("activities", message + " Allowed for a partial week.")
    else:
        ev.error("activities", message)


def _period_row(p: r.Period, need: HoursRequirement) -> dict[str, Any]:
    return {
        "start": p.start,
        "end": p.end,
        "activities": r.numbers_text(p.numbers) if p.numbers else "None assigned",
        "hours": p.hours,
        "short": p.hours < need.hours,
        "partial_week": p.partial_week,
    }


def _reassignment(data: dict[str, Any], ev: Evaluation) -> None:
    window = r.reassignment(
        data["activities"], data["training_started_before"], data["reassignment_used"]
    )
    ev.computed["reassignment_deadline"] = window.deadline
    ev.computed["reassignment_note"] = window.note
    if window.deadline and window.deadline < data["plan_date"]:
        ev.warn(
            "activities",
            f"The 30-day reassignment period ended on {window.deadline:%m/%d/%Y}, "
            "before the plan date.",
        )


def _check_supportive_services(services: dict[str, Any], ev: Evaluation) -> None:
    care, ride, path = services["child_care"], services["transportation"], "supportive_services"
    if care["needed"] and not care["children"]:
        ev.error(f"{path}.child_care.children", "List the children who need child care.")
    if care["needed"] and not care["provider"]:
        ev.warn(f"{path}.child_care.provider", "No child care provider is named yet.")
    if not care["needed"] and (care["children"] or care["provider"]):
        ev.error(f"{path}.child_care.needed", "Child care is marked not needed but is filled in.")
    if ride["needed"] and not ride["mode"]:
        ev.error(f"{path}.transportation.mode", "Say how the participant will travel.")
    if ride["needed"] and ride["monthly_amount"] is None:
        ev.warn(f"{path}.transportation.monthly_amount", "No monthly transportation amount.")
    if not ride["needed"] and (ride["mode"] or ride["monthly_amount"] is not None):
        ev.error(
            f"{path}.transportation.needed", "Transportation is marked not needed but is filled in."
        )
    items = services["ancillary"]
    ev.computed["ancillary_total"] = sum((i["amount"] for i in items), Decimal(0))


def build_context(data: dict[str, Any], ev: Evaluation, rules: RuleInput) -> dict[str, Any]:
    """The payload, with the office named by its county settings and each activity's extras."""
    # The type prints as its label, as the office prints as its name: codes mean nothing on paper.
    activities = [
        {**a, "type": row["label"], "computed": row}
        for a, row in zip(data["activities"], ev.computed["activities"], strict=True)
    ]
    return {
        **data,
        "office": ev.computed["office"],
        "activities": activities,
        "computed": ev.computed,
    }


SPEC = FormSpec(
    id="wtw2",
    title="Welfare-to-Work Plan – Activity Assignment",
    number="WTW 2",
    revision="2/23",
    agency="State of California – Health and Human Services Agency / "
    "California Department of Social Services",
    county=None,
    schema=Wtw2Schema,
    template="wtw2.docx",
    evaluate=evaluate,
    build_context=build_context,
    description="The participant's assigned activities, hours and supportive services.",
)
