"""WTW 2 hours: the activities' hours, period by period, against the weekly requirement."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from service.forms import wtw2_household as hh
from service.forms import wtw2_rules as r
from service.forms.base import Evaluation
from service.rules.catalog import rule
from service.rules.hours import HoursRequirement

LATE_START_DAYS = 30  # a first activity starting later leaves the participant idle too long
FAR_ABOVE_FACTOR = 2  # assigned hours above this multiple of the requirement are questioned


@rule("wtw2")
def check_hours(
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
