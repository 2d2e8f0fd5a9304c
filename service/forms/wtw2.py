"""WTW 2 rules: the requirement, activity hours against it, supportive services, deadlines."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from schemas.wtw2 import Wtw2Schema
from service.forms import wtw2_household as hh
from service.forms import wtw2_plan_due
from service.forms import wtw2_rules as r
from service.forms.base import Evaluation, FormSpec, RuleInput
from service.rules.calendar import WorkCalendar
from service.rules.catalog import rule
from service.rules.deadlines import REASSIGNMENT_DAYS, deadline_fields
from service.rules.hours import HoursRequirement, household_from, weekly_requirement

LATE_START_DAYS = 30  # a first activity starting later leaves the participant idle too long
FAR_ABOVE_FACTOR = 2  # assigned hours above this multiple of the requirement are questioned
OTHER_PARENT_KEYS = ("name", "cin", "hours_from", "hours_per_week", "plan_date")


def evaluate(data: dict[str, Any], rules: RuleInput) -> Evaluation:
    ev = Evaluation()
    _check_plan_type(data, ev)
    _check_office(data, rules, ev)
    wtw2_plan_due.check_plan_due(data, rules, ev)
    need = weekly_requirement(household_from(data["household"]))
    ev.computed["requirement_hours"] = need.hours
    ev.computed["requirement_basis"] = need.basis
    ev.computed["activities"] = _activity_rows(data["activities"])
    ev.computed["requirement_changes"] = []
    other = _other_parent(data, ev)
    _errors(ev, hh.household_errors(data))
    if _check_activities(data, ev):
        _check_hours(data, need, other, ev)
    signed = data["plan_date"]
    deadline = r.change_request_deadline(rules.county.calendar, signed)
    ev.computed["change_request_deadline"] = deadline
    _reassignment(data, rules.county.calendar, ev)
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


def _errors(ev: Evaluation, found: dict[str, str]) -> None:
    for path, message in found.items():
        ev.error(path, message)


def _other_parent(data: dict[str, Any], ev: Evaluation) -> Decimal:
    """The other parent's hours toward the combined 35 (0 where none count)."""
    hours, errors, warnings = hh.other_parent_hours(data)
    _errors(ev, errors)
    for message in warnings:
        ev.warn("household.other_parent", message)
    ev.computed["other_parent_hours"] = hours
    return hours


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


@rule("wtw2")
def _check_hours(
    data: dict[str, Any], need: HoursRequirement, other: Decimal, ev: Evaluation
) -> None:
    """Concurrent activities' hours, period by period from the plan date, against the need.

    In a two-parent family the other parent's weekly hours are added (WIC 11322.8(a)(4)).
    """
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
    ev.computed["schedule"] = [_period_row(p, need, other) for p in periods]
    worked = [p for p in periods if p.numbers]
    # A few days while concurrent activities start or end apart are not a week to judge.
    judged = [p for p in worked if not p.partial_week] or worked
    ev.computed["total_hours"] = min(p.hours for p in judged)
    ev.computed["combined_hours"] = ev.computed["total_hours"] + other
    ev.computed["meets_requirement"] = all(p.hours + other >= need.hours for p in judged)
    for p in periods:
        if not p.numbers:
            ev.warn("activities", f"No activity is assigned {p.describe()}.")
        elif p.hours + other < need.hours:
            _short(data, p, need, other, refuse=p in judged, ev=ev)
        elif p.hours + other > need.hours * FAR_ABOVE_FACTOR:
            ev.warn(
                "activities",
                f"{p.describe(first=True)} the activities add up to {r.hours_text(p.hours)} "
                f"hours a week, more than {FAR_ABOVE_FACTOR} times the {need.hours} required; "
                "check that the schedule is workable.",
            )
    _requirement_changes(data, worked, other, ev)


@rule("wtw2")
def _requirement_changes(
    data: dict[str, Any], worked: list[r.Period], other: Decimal, ev: Evaluation
) -> None:
    """Warn where the household changes the requirement during the plan (WIC 11322.8)."""
    ends = [a["end_date"] for a in data["activities"]]
    plan_end = None if None in ends else max(ends)
    changes = hh.requirement_changes(data, plan_end)
    ev.computed["requirement_changes"] = [c.row() for c in changes]
    for path, message in hh.change_warnings(changes, worked, other):
        ev.warn(path, message)


def _short(
    data: dict[str, Any],
    p: r.Period,
    need: HoursRequirement,
    other: Decimal,
    refuse: bool,
    ev: Evaluation,
) -> None:
    which = "activity" if len(p.numbers) == 1 else "activities"
    adds = "adds" if len(p.numbers) == 1 else "add"
    combined = (
        f"; with the other parent's {r.hours_text(other)}, {r.hours_text(p.hours + other)} "
        "hours combined"
        if other
        else ""
    )
    message = (
        f"{p.describe(first=True)} {which} {r.numbers_text(p.numbers)} {adds} up to "
        f"{r.hours_text(p.hours)} hours a week{combined}, short of the {need.hours} hours "
        f"required ({need.basis})."
    )
    household = data["household"]
    if household["two_parent_family"] and household["other_parent"] is None:
        message += " Record the other parent's weekly hours: both parents count toward the 35."
    if data["exempt_volunteer"]:
        ev.warn("activities", message + " Allowed because the participant is an exempt volunteer.")
    elif not refuse:
        ev.warn("activities", message + " Allowed for a partial week.")
    else:
        ev.error("activities", message)


def _period_row(p: r.Period, need: HoursRequirement, other: Decimal) -> dict[str, Any]:
    return {
        "start": p.start,
        "end": p.end,
        "activities": r.numbers_text(p.numbers) if p.numbers else "None assigned",
        "hours": p.hours,
        "combined_hours": p.hours + other,
        "short": p.hours + other < need.hours,
        "partial_week": p.partial_week,
    }


def _reassignment(data: dict[str, Any], calendar: WorkCalendar, ev: Evaluation) -> None:
    """WIC 11325.22's window, its last day settled on the county's calendar like every
    calendar-day deadline (issue 12 §3: printed with a closed day, moved where the county
    moves deadlines)."""
    window = r.reassignment(
        data["activities"], data["training_started_before"], data["reassignment_used"]
    )
    ev.computed.update(deadline_fields("reassignment_deadline", window.deadline, calendar))
    ev.computed["reassignment_note"] = window.note
    deadline = ev.computed["reassignment_deadline"]
    if deadline and deadline < data["plan_date"]:
        ev.warn(
            "activities",
            f"The {REASSIGNMENT_DAYS}-day reassignment period ended on {deadline:%m/%d/%Y}, "
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
    # An absent optional part prints as blank boxes, as an absent value does.
    household = {**data["household"]}
    household["other_parent"] = household["other_parent"] or dict.fromkeys(OTHER_PARENT_KEYS)
    return {
        **data,
        "household": household,
        "plan_due_from": wtw2_plan_due.printed_event(data["plan_due_from"]),
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
