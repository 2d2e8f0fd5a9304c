"""WTW 2 dates: the appraisal, and the 90 days to sign a first plan (WIC 11325.21(a))."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from service.forms.base import Evaluation, RuleInput
from service.rules.catalog import rule

PLAN_DUE_DAYS = 90  # WIC 11325.21(a)
# Ten calendar days leave a week or more to sign again if the participant misses the signing.
PLAN_DUE_NEAR_DAYS = 10
PLAN_DUE_EVENTS = {
    "eligibility_determined": "eligibility for aid was determined",
    "required_to_participate": "the participant was required to participate (WIC 11320.3)",
    "job_search_completed": "job search, begun within 30 days of eligibility, was completed",
}
# The same events as the form prints them, in the box of what the 90 days run from.
PLAN_DUE_EVENT_LABELS = {
    "eligibility_determined": "Eligibility for aid determined",
    "required_to_participate": "Required to participate (WIC 11320.3)",
    "job_search_completed": "Job search completed",
}


@dataclass(frozen=True)
class PlanDue:
    """The last day to sign the first welfare-to-work plan, and what it runs from."""

    deadline: dt.date
    note: str


@rule("wtw2")
def plan_due(event: str, start: dt.date) -> PlanDue:
    """WIC 11325.21(a): the plan is entered into no more than 90 days after eligibility for aid
    is determined or the participant is required to participate; or 90 days after job search
    is completed, when the job search began within 30 days after eligibility was determined.
    """
    deadline = start + dt.timedelta(days=PLAN_DUE_DAYS)
    return PlanDue(
        deadline, f"{PLAN_DUE_DAYS} days after {PLAN_DUE_EVENTS[event]} on {start:%m/%d/%Y}."
    )


@rule("wtw2")
def plan_due_problems(
    due: PlanDue, signed: dt.date, late_reason: str | None
) -> tuple[dict[str, str], list[str]]:
    """Errors and warnings for a plan signed on ``signed`` (WIC 11325.21(a)).

    Signed after the deadline is refused unless the reason it is late is recorded, so the
    late plan can still be made (the participant still needs one) but never silently.
    """
    left = (due.deadline - signed).days
    if left < 0 and not late_reason:
        return {
            "plan_date": f"The plan is signed {-left} days after the deadline of "
            f"{due.deadline:%m/%d/%Y} ({due.note[:-1]}, WIC 11325.21(a)); record why it is "
            "late in the reason signed late."
        }, []
    if left < 0:
        return {}, [
            f"The plan is signed {-left} days after the deadline of {due.deadline:%m/%d/%Y}."
        ]
    if late_reason:
        return {}, ["The plan is not late, yet a reason it is late is given."]
    if left <= PLAN_DUE_NEAR_DAYS:
        return {}, [
            f"The plan must be signed by {due.deadline:%m/%d/%Y} ({due.note[:-1]}); "
            f"{left} days after the plan date."
        ]
    return {}, []


def check_plan_due(data: dict[str, Any], rules: RuleInput, ev: Evaluation) -> None:
    """The appraisal date and the 90-day deadline of a first plan (WIC 11325.21(a)).

    The plan follows orientation and appraisal (WIC 11320.1(a), 11325.2), so a plan
    dated before it, or an appraisal after today, is refused as impossible.
    """
    appraisal, signed, due_from = data["appraisal_date"], data["plan_date"], data["plan_due_from"]
    if appraisal is not None and appraisal > rules.today:
        ev.error("appraisal_date", "The appraisal is dated after today.")
    elif appraisal is not None and appraisal > signed:
        ev.error(
            "appraisal_date", f"The plan is dated before the appraisal on {appraisal:%m/%d/%Y}."
        )
    ev.computed["plan_due"] = ev.computed["plan_due_note"] = None
    first_plan = data["plan_type"] == "initial" and not data["exempt_volunteer"]
    if due_from is None:
        if data["late_reason"]:
            ev.warn("late_reason", "Only a first plan past its 90 days has a reason it is late.")
        return
    if not first_plan:
        ev.error(
            "plan_due_from",
            "The 90 days apply to the first plan of a participant required to take part, not "
            "to an amendment or an exempt volunteer.",
        )
        return
    if due_from["date"] > rules.today:
        ev.error("plan_due_from.date", "This date is after today; it must have happened.")
        return
    due = plan_due(due_from["event"], due_from["date"])
    ev.computed["plan_due"], ev.computed["plan_due_note"] = due.deadline, due.note
    errors, warnings = plan_due_problems(due, signed, data["late_reason"])
    for path, message in errors.items():
        ev.error(path, message)
    for message in warnings:
        ev.warn("plan_date", message)


def printed_event(due_from: dict[str, Any] | None) -> dict[str, Any]:
    """The event the 90 days run from as the form prints it: its label, not its code; blank
    boxes when none is given."""
    if due_from is None:
        return {"event": None, "date": None}
    return {**due_from, "event": PLAN_DUE_EVENT_LABELS[due_from["event"]]}
