"""42-6 rules: the dates that follow a notice of action (WIC 11327.4) and what each action needs."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from schemas.est_notice import EstNoticeSchema
from service.forms.base import Evaluation, FormSpec, RuleInput
from service.rules.calendar import WorkCalendar
from service.rules.catalog import rule
from service.rules.deadlines import (
    GOOD_CAUSE_DAYS,
    NOA_EFFECTIVE_DAYS,
    after_notice,
    good_cause_period,
)

ACTION_LABELS = {
    "noncompliance_initiated": "Noncompliance initiated",
    "cause_determination": "Cause determination",
    "compliance_plan_agreed": "Compliance plan agreed",
    "sanction_imposed": "Sanction to be imposed",
    "sanction_cured": "Sanction cured or removed",
}
COMPLIANCE_PLAN_LABELS = {
    "agreed": "Offered and agreed",
    "refused": "Offered and refused",
    "not_followed": "Agreed, then not followed without good cause",
    "no_contact": "Not discussed: no appointment kept and no call within the 20 days",
}
NEEDS_NOA = ("noncompliance_initiated", "sanction_imposed")
# A plan the participant refused, or agreed and then did not follow, or never came to discuss.
PLANS_ALLOWING_SANCTION = ("refused", "not_followed", "no_contact")
PST = re.compile(r"\bPST\b|program\s+support\s+team", re.IGNORECASE)


def evaluate(data: dict[str, Any], rules: RuleInput) -> Evaluation:
    ev = Evaluation()
    action = data["action"]
    ev.computed["action_label"] = ACTION_LABELS[action]
    plan = data["cause_determination"]["compliance_plan"]
    ev.computed["compliance_plan_label"] = COMPLIANCE_PLAN_LABELS.get(plan or "")
    ev.computed.update(_notice_dates(data["noa_date"], rules.county.calendar))
    if data["noa_date"] is None and action in NEEDS_NOA:
        ev.error("noa_date", f"A notice of action date is required for '{ACTION_LABELS[action]}'.")
    _check_pst_activity(data, ev)
    _check_noncompliance_dates(data, data["noa_date"], ev)
    _check_cause_determination(data, ev)
    if action == "sanction_imposed":
        _check_sanction(data, ev)
    elif data["sanction_effective_date"]:
        ev.warn("sanction_effective_date", "A sanction date is printed only when imposing one.")
    if not data["ec"].get("phone"):
        ev.warn("ec.phone", "The EST cannot call back without the EC's phone number.")
    return ev


def _notice_dates(noa: dt.date | None, calendar: WorkCalendar) -> dict[str, Any]:
    if noa is None:
        return dict.fromkeys(
            ("good_cause_period_ends", "good_cause_period_ends_note", "earliest_effective_date")
        )
    period = good_cause_period(noa, calendar)
    return {
        **after_notice(noa),
        "good_cause_period_ends": period.date,
        "good_cause_period_ends_note": period.note,
    }


@rule("42-6")
def _check_pst_activity(data: dict[str, Any], ev: Evaluation) -> None:
    """Alameda WTW handbook 42-7.38 II.B: the participant cannot be penalized for not attending
    a Program Support Team meeting, so a PST is never the activity of a noncompliance."""
    if data["action"] != "sanction_cured" and PST.search(data["activity"]["type"]):
        ev.error(
            "activity.type",
            "Missing a Program Support Team (PST) meeting is never noncompliance: the "
            "participant cannot be penalized for not attending one (handbook 42-7.38 II.B).",
        )


def _check_noncompliance_dates(data: dict[str, Any], noa: dt.date | None, ev: Evaluation) -> None:
    dates = data["noncompliance_dates"]
    if data["action"] == "noncompliance_initiated" and not dates:
        ev.error("noncompliance_dates", "Give at least one date of noncompliance.")
    for i, day in enumerate(dates):
        if day > data["notice_date"]:
            ev.error(f"noncompliance_dates.{i}", "A noncompliance date cannot follow this notice.")
        elif noa and day > noa:
            ev.error(f"noncompliance_dates.{i}", "A noncompliance date cannot follow the NOA.")
    if len(set(dates)) != len(dates):
        ev.error("noncompliance_dates", "The same date is listed twice.")


@rule("42-6")
def _check_cause_determination(data: dict[str, Any], ev: Evaluation) -> None:
    """WIC 11327.4(b)(2): the county schedules the appointment within 20 calendar days of the
    notice of action, and the participant may reschedule it once within that period."""
    cause, action = data["cause_determination"], data["action"]
    appointment, again = cause["appointment_date"], cause["rescheduled_date"]
    if appointment is None and action in ("cause_determination", "sanction_imposed"):
        ev.error(
            "cause_determination.appointment_date",
            "Give the date of the cause determination appointment the county offered.",
        )
    if again is not None and appointment is None:
        ev.error("cause_determination.rescheduled_date", "A reschedule needs the first date.")
    elif again is not None and again == appointment:
        ev.error("cause_determination.rescheduled_date", "The rescheduled date is the same day.")
    for name, day in (("appointment_date", appointment), ("rescheduled_date", again)):
        if day is not None:
            _check_in_period(f"cause_determination.{name}", day, data["noa_date"], ev)
    _check_compliance_plan(data, ev)


def _check_in_period(path: str, day: dt.date, noa: dt.date | None, ev: Evaluation) -> None:
    ends: dt.date | None = ev.computed.get("good_cause_period_ends")
    if noa is None or ends is None:
        ev.warn(path, "Give the notice of action date: the appointment falls within 20 days of it.")
    elif day < noa:
        ev.error(path, f"The appointment cannot come before the notice of action ({noa:%m/%d/%Y}).")
    elif day > ends:
        ev.error(
            path,
            f"The appointment, and its one reschedule, fall within the {GOOD_CAUSE_DAYS} days "
            f"after the notice of action: by {ends:%m/%d/%Y} (WIC 11327.4(b)(2)).",
        )


def _check_compliance_plan(data: dict[str, Any], ev: Evaluation) -> None:
    plan, path = data["cause_determination"]["compliance_plan"], "cause_determination"
    if data["action"] == "compliance_plan_agreed" and plan not in (None, "agreed"):
        ev.error(f"{path}.compliance_plan", "The action says the compliance plan was agreed.")
    if data["good_cause_found"] and plan is not None:
        ev.warn(f"{path}.compliance_plan", "No compliance plan is needed when good cause is found.")


@rule("42-6")
def _check_sanction(data: dict[str, Any], ev: Evaluation) -> None:
    """WIC 11327.4: a sanction takes effect no earlier than 30 days after the notice of action."""
    effective = data["sanction_effective_date"]
    earliest = ev.computed.get("earliest_effective_date")
    good_cause_ends = ev.computed.get("good_cause_period_ends")
    if effective is None:
        ev.error("sanction_effective_date", "A sanction needs its effective date.")
    elif earliest and effective < earliest:
        ev.error(
            "sanction_effective_date",
            f"A sanction cannot take effect before {earliest:%m/%d/%Y}, "
            f"{NOA_EFFECTIVE_DAYS} days after the notice of action.",
        )
    if good_cause_ends and data["notice_date"] <= good_cause_ends:
        ev.error(
            "action",
            f"The {GOOD_CAUSE_DAYS}-day good cause period runs until {good_cause_ends:%m/%d/%Y}; "
            "a sanction can be sent to the EST only after it ends.",
        )
    _check_sanction_cause(data, ev)


@rule("42-6")
def _check_sanction_cause(data: dict[str, Any], ev: Evaluation) -> None:
    """WIC 11327.4(a)(1), (b)(1) and 11327.5: a sanction follows only a cause determination
    that found no good cause, and a compliance plan refused, not followed, or never taken up."""
    if data["good_cause_found"]:
        ev.error("good_cause_found", "No sanction can be imposed when good cause was found.")
    elif data["good_cause_found"] is None:
        ev.error(
            "good_cause_found", "A sanction follows a cause determination: record its outcome."
        )
    plan = data["cause_determination"]["compliance_plan"]
    if plan not in PLANS_ALLOWING_SANCTION:
        ev.error(
            "cause_determination.compliance_plan",
            "A sanction follows only a compliance plan refused, agreed and then not followed, "
            "or never discussed because the participant neither came nor called (WIC 11327.4)."
            if plan is None
            else "A compliance plan was agreed: no sanction unless it is then not followed.",
        )


SPEC = FormSpec(
    id="42-6",
    title="Employment Counselor Notice to Eligibility Services Technician",
    number="42-6",
    revision="Rev. 11/21",
    agency="Alameda County Social Services Agency",
    county="alameda",
    schema=EstNoticeSchema,
    template="42-6.docx",
    evaluate=evaluate,
    description="Tells the EST of record about noncompliance, cause determination or a sanction.",
)
