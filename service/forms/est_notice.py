"""42-6 rules: the dates that follow a notice of action (WIC 11327.4) and what each action needs."""

from __future__ import annotations

import datetime as dt
from typing import Any

from schemas.est_notice import EstNoticeSchema
from service.forms.base import Evaluation, FormSpec, RuleInput
from service.rules.deadlines import GOOD_CAUSE_DAYS, NOA_EFFECTIVE_DAYS, after_notice

ACTION_LABELS = {
    "noncompliance_initiated": "Noncompliance initiated",
    "cause_determination": "Cause determination",
    "compliance_plan_agreed": "Compliance plan agreed",
    "sanction_imposed": "Sanction to be imposed",
    "sanction_cured": "Sanction cured or removed",
}
NEEDS_NOA = ("noncompliance_initiated", "sanction_imposed")


def evaluate(data: dict[str, Any], rules: RuleInput) -> Evaluation:
    ev = Evaluation()
    action = data["action"]
    ev.computed["action_label"] = ACTION_LABELS[action]
    noa: dt.date | None = data["noa_date"]
    if noa:
        ev.computed.update(after_notice(noa))
    elif action in NEEDS_NOA:
        ev.error("noa_date", f"A notice of action date is required for '{ACTION_LABELS[action]}'.")
    _check_noncompliance_dates(data, noa, ev)
    if action == "cause_determination" and data["good_cause_found"] is None:
        ev.error("good_cause_found", "Say whether good cause was found.")
    if action == "sanction_imposed":
        _check_sanction(data, ev)
    elif data["sanction_effective_date"]:
        ev.warn("sanction_effective_date", "A sanction date is printed only when imposing one.")
    if not data["ec"].get("phone"):
        ev.warn("ec.phone", "The EST cannot call back without the EC's phone number.")
    return ev


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


def _check_sanction(data: dict[str, Any], ev: Evaluation) -> None:
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
    if data["good_cause_found"]:
        ev.error("good_cause_found", "No sanction can be imposed when good cause was found.")


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
