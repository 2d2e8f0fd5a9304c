"""WTW 2 household rules: the children's ages, a pregnancy's end and the other parent's hours."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from service.forms.wtw2_rules import Period, hours_text
from service.rules.catalog import rule
from service.rules.hours import HoursRequirement, household_from, weekly_requirement


@dataclass(frozen=True)
class Child:
    """A child listed on the plan with a birth date, and the field that holds it."""

    name: str
    birth_date: dt.date
    path: str


@dataclass(frozen=True)
class RequirementChange:
    """The weekly requirement changing during the plan: from when, to what, and why."""

    date: dt.date
    before: HoursRequirement
    after: HoursRequirement
    reason: str
    path: str
    # What the reason says, for a form in another language: the child who turns 6 (None for
    # a pregnancy's end) and the day of the birthday or the expected delivery.
    child: str | None = None
    event_date: dt.date | None = None

    def row(self) -> dict[str, Any]:
        """The change as the form's table prints it (``computed.requirement_changes``)."""
        return {
            "date": self.date,
            "hours": self.after.hours,
            "basis": self.after.basis,
            "reason": self.reason,
            "child": self.child,
            "event_date": self.event_date,
        }


def sixth_birthday(birth: dt.date) -> dt.date:
    """The day the child is 6; one born on February 29 is 6 on March 1 (no February 29 then)."""
    try:
        return birth.replace(year=birth.year + 6)
    except ValueError:
        return dt.date(birth.year + 6, 3, 1)


@rule("wtw2")
def under_six_ends(birth: dt.date) -> dt.date:
    """The first day the child no longer counts as "a child under six years of age".

    WIC 11322.8(a)(1)-(2) sets the hours "per week during the month": 20 if the assistance
    unit includes a child under six, 30 if it does not. The law names no day for a birthday
    in mid-month. The requirement is a monthly average, and in the month of the sixth
    birthday the unit did include a child under six, so the 30 hours apply from the first
    month the child is 6 on every day: the 1st of the next month, or the birthday itself
    when it falls on the 1st.
    """
    birthday = sixth_birthday(birth)
    if birthday.day == 1:
        return birthday
    first = birthday.replace(day=1)
    return (first + dt.timedelta(days=32)).replace(day=1)


def is_under_six(birth: dt.date, day: dt.date) -> bool:
    """WIC 11322.8(a)(2): whether the child counts as under six for the requirement on ``day``."""
    return day < under_six_ends(birth)


def dated_children(data: dict[str, Any]) -> list[Child]:
    """The children of the assistance unit listed on the plan (each with a birth date).

    Only these: a child on the child care line may be cared for without being in the unit,
    and the requirement follows the unit (WIC 11322.8(a)).
    """
    return [
        Child(c["name"], c["birth_date"], f"household.children.{i}.birth_date")
        for i, c in enumerate(data["household"]["children"])
    ]


@rule("wtw2")
def household_errors(data: dict[str, Any]) -> dict[str, str]:
    """Boxes that contradict the birth dates given (WIC 11322.8: the hours follow the facts).

    A child born after the plan date is an expected birth, recorded as the delivery date.
    """
    household, plan_date = data["household"], data["plan_date"]
    children = dated_children(data)
    errors = {
        c.path: f"{c.name} is born after the plan date; give an expected birth as the "
        "expected delivery date."
        for c in children
        if c.birth_date > plan_date
    }
    if errors:
        return errors
    under = [c for c in children if is_under_six(c.birth_date, plan_date)]
    box = "household.child_under_six"
    if under and not household["child_under_six"]:
        first = under[0]
        errors[box] = (
            f"{first.name}, born {first.birth_date:%m/%d/%Y}, counts as a child under 6 on "
            "the plan date; check 'Child under 6'."
        )
    elif household["child_under_six"] and children and not under:
        errors[box] = (
            "'Child under 6' is checked, but by the birth dates given every child is 6 or "
            f"older on the plan date ({_births(children)})."
        )
    if household["pregnant_no_other_child"] and children:
        errors["household.pregnant_no_other_child"] = (
            "'Pregnant, no other child' is checked, but children are listed on the plan."
        )
    return errors


def _births(children: Iterable[Child]) -> str:
    return "; ".join(f"{c.name}, born {c.birth_date:%m/%d/%Y}" for c in children)


@rule("wtw2")
def requirement_changes(data: dict[str, Any], plan_end: dt.date | None) -> list[RequirementChange]:
    """Where the weekly requirement changes between the plan date and ``plan_end`` (None: open).

    WIC 11322.8(a): a child reaching 6 (see ``under_six_ends``) ends the 20 hours of a unit
    with a child under six; a pregnancy's end ends the 20 hours of a unit that "consists only
    of a pregnant person", and the newborn is then a child under six.
    """
    household, plan_date = data["household"], data["plan_date"]
    children = dated_children(data)
    events: list[tuple[dt.date, str, str | None, dt.date]] = [
        (under_six_ends(c.birth_date), c.path, c.name, sixth_birthday(c.birth_date))
        for c in children
    ]
    delivery = household["expected_delivery_date"]
    if delivery is not None:
        events.append((delivery, "household.expected_delivery_date", None, delivery))
    # Without birth dates the box is all there is to go on.
    boxed = household["child_under_six"] and not children
    changes: list[RequirementChange] = []
    before = weekly_requirement(household_from(household))
    for day, path, child, event_date in sorted(events, key=lambda e: (e[0], e[1])):
        if day <= plan_date or (plan_end is not None and day > plan_end):
            continue
        born = delivery is not None and delivery <= day
        facts = replace(
            household_from(household),
            child_under_six=born or boxed or any(is_under_six(c.birth_date, day) for c in children),
            pregnant_no_other_child=household["pregnant_no_other_child"] and not born,
        )
        after = weekly_requirement(facts)
        if after != before:
            reason = change_reason(child, event_date)
            changes.append(RequirementChange(day, before, after, reason, path, child, event_date))
            before = after
    return changes


def change_reason(child: str | None, event_date: dt.date) -> str:
    """Why the requirement changes: a child's sixth birthday, or the pregnancy's end."""
    if child is None:
        return f"the pregnancy is expected to end on {event_date:%m/%d/%Y}"
    return f"{child} turns 6 on {event_date:%m/%d/%Y}"


@rule("wtw2")
def other_parent_hours(data: dict[str, Any]) -> tuple[Decimal, dict[str, str], list[str]]:
    """The other parent's weekly hours toward the combined 35, with errors and warnings.

    WIC 11322.8(a)(4): "both parents in a two-parent assistance unit may contribute to the 35
    hours". With a disabled parent the unit is counted as one adult (a)(1)(B), (a)(2)(B), so
    the other parent's hours do not count.
    """
    household = data["household"]
    other = household["other_parent"]
    path = "household.other_parent"
    if other is None:
        return Decimal(0), {}, []
    if not household["two_parent_family"]:
        return Decimal(0), {path: "Only a two-parent family records the other parent."}, []
    cin = data["participant"]["cin"]
    if cin and other["cin"] == cin:
        return Decimal(0), {f"{path}.cin": "The other parent cannot be the participant."}, []
    hours, source = other["hours_per_week"], other["hours_from"]
    if source == "typed" and other["plan_date"] is not None:
        return Decimal(0), {f"{path}.plan_date": "Only hours taken from a plan have its date."}, []
    if hours is None:
        message = (
            f"No WTW 2 plan of {other['name']} is stored for this case; type their hours."
            if source == "plan"
            else "Type the other parent's weekly hours, or take them from their plan."
        )
        field = f"{path}.hours_from" if source == "plan" else f"{path}.hours_per_week"
        return Decimal(0), {field: message}, []
    if household["parent_disabled"]:
        note = (
            "The other parent's hours are not added: with a disabled parent the family is "
            "counted as one adult."
        )
        return Decimal(0), {}, [note]
    return Decimal(hours), {}, []


def change_warnings(
    changes: list[RequirementChange], worked: Sequence[Period], other: Decimal
) -> list[tuple[str, str]]:
    """Each change named with its date, and the prompt to amend the plan by then."""
    found = []
    for c in changes:
        if c.after.hours != c.before.hours:
            what = (
                f"the requirement is {c.after.hours} hours a week ({c.after.basis}), "
                f"not {c.before.hours}"
            )
        else:
            what = f"the requirement stays {c.after.hours} hours a week, now as {c.after.basis}"
        later = [p.hours + other for p in worked if p.end is None or p.end >= c.date]
        short = (
            f"; the activities then add up to {hours_text(min(later))} hours a week"
            if later and min(later) < c.after.hours
            else ""
        )
        reason = c.reason[0].upper() + c.reason[1:]
        found.append(
            (
                c.path,
                f"{reason}: from {c.date:%m/%d/%Y} {what}. Amend the plan by "
                f"{c.date:%m/%d/%Y}{short}.",
            )
        )
    return found
