"""WTW 2 rules: the requirement, activity hours against it, supportive services, deadlines."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from schemas.wtw2 import Wtw2Schema
from service.forms import wtw2_hours, wtw2_plan_due
from service.forms import wtw2_household as hh
from service.forms import wtw2_rules as r
from service.forms.base import Evaluation, FormSpec, RuleInput
from service.rules.calendar import WorkCalendar
from service.rules.deadlines import REASSIGNMENT_DAYS, deadline_fields
from service.rules.hours import HoursRequirement, household_from, weekly_requirement

OTHER_PARENT_KEYS = ("name", "cin", "hours_from", "hours_per_week", "plan_date")


def evaluate(data: dict[str, Any], rules: RuleInput) -> Evaluation:
    # Each step apart: with fields refused by the schema, the others still speak (one Check).
    ev = Evaluation(partial=rules.partial)
    need: HoursRequirement | None = None
    other: Decimal | None = None
    with ev.step():
        _check_plan_type(data, ev)
    with ev.step():
        _check_office(data, rules, ev)
    with ev.step():
        wtw2_plan_due.check_plan_due(data, rules, ev)
    with ev.step():
        need = weekly_requirement(household_from(data["household"]))
        ev.computed["requirement_hours"] = need.hours
        ev.computed["requirement_basis"] = need.basis
    with ev.step():
        ev.computed["activities"] = _activity_rows(data["activities"])
        ev.computed["requirement_changes"] = []
    with ev.step():
        other = _other_parent(data, ev)
    with ev.step():
        _errors(ev, hh.household_errors(data))
    with ev.step():
        _check_activities(data, ev)
        if _dates_in_order(data["activities"]) and need is not None and other is not None:
            wtw2_hours.check_hours(data, need, other, ev)
    with ev.step():
        _deadlines(data, rules, ev)
    with ev.step():
        _check_supportive_services(data["supportive_services"], ev)
    with ev.step():
        if not data["ec"].get("phone"):
            ev.warn("ec.phone", "The participant cannot reach the EC without a phone number.")
    with ev.step():
        _check_plan_date(data["plan_date"], ev.computed["change_request_deadline"], rules, ev)
    return ev


def _deadlines(data: dict[str, Any], rules: RuleInput, ev: Evaluation) -> None:
    """The change request and reassignment windows."""
    deadline = r.change_request_deadline(rules.county.calendar, data["plan_date"])
    ev.computed["change_request_deadline"] = deadline
    _reassignment(data, rules.county.calendar, ev)


def _check_plan_date(signed: dt.date, deadline: dt.date, rules: RuleInput, ev: Evaluation) -> None:
    if signed > rules.today:
        ev.warn("plan_date", "The plan is dated after today.")
    elif deadline < rules.today:
        ev.warn("plan_date", f"The change request period ended on {deadline:%m/%d/%Y}.")


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
        ev.error("office", county.unknown_office(data["office"]))
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


def _dates_in_order(activities: list[dict[str, Any]]) -> bool:
    """False when an activity ends before it starts: its hours cannot be added up."""
    return not any(
        a["end_date"] is not None and a["end_date"] < a["start_date"] for a in activities
    )


def _check_activities(data: dict[str, Any], ev: Evaluation) -> None:
    """Each activity on its own, as far as the schema accepted it."""
    for i, a in enumerate(data["activities"]):
        with ev.step():
            _check_activity(i, a, data["plan_date"], ev)


def _check_activity(i: int, a: dict[str, Any], plan_date: dt.date, ev: Evaluation) -> None:
    path = f"activities.{i}"
    if a["hours_per_week"] <= 0:
        ev.error(f"{path}.hours_per_week", "An activity needs its weekly hours.")
    if a["type"] == "other" and not a["description"]:
        ev.error(f"{path}.description", "Describe an activity of type 'Other'.")
    start, end = a["start_date"], a["end_date"]
    if end is None and a["type"] not in r.OPEN_ENDED:
        ev.error(f"{path}.end_date", "Give an end date; only employment may be ongoing.")
    elif end is not None and end < start:
        ev.error(f"{path}.end_date", "The end date cannot come before the start date.")
    elif end is not None and end < plan_date:
        ev.warn(
            f"{path}.end_date",
            f"Activity {i + 1} ended on {end:%m/%d/%Y}, before the plan date; "
            "its hours do not count from the plan date on.",
        )


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
