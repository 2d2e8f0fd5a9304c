"""F063-41-251 EXPRT rules: the 12-month limit with earlier months, its extension, hours cap."""

from __future__ import annotations

import datetime as dt
from typing import Any

from service.counties import County
from service.forms.base import Evaluation
from service.rules.catalog import rule
from service.rules.deadlines import add_months
from service.rules.work_experience import hours_cap

EXPRT_LIMIT_MONTHS = 12  # policy 289: unless a new WTW 2 plan extends it
EXPRT_EVALUATION_MONTHS = 6  # policy 289: the contractor evaluates the placement


def activity_end(start: dt.date, months: int) -> dt.date:
    """The last day of an activity that runs ``months`` from ``start``.

    Jan 15 + 1 month ends Feb 14. When the month ahead is too short to hold the start
    day (Jan 31 + 1 month), the period runs to that month's last day (Feb 28).
    """
    following = add_months(start, months)
    if following.day < start.day:
        return following
    return following - dt.timedelta(days=1)


def current_exprt_began(prior: list[dt.date], start: dt.date) -> dt.date:
    """The first day of the unbroken run of EXPRT months leading into ``start``'s month, or
    ``start`` itself when the month before it was not an EXPRT month."""
    began, month = start, add_months(start.replace(day=1), -1)
    while month in prior:
        began, month = month, add_months(month, -1)
    return began


@rule("f063-41-251")
def check_exprt(data: dict[str, Any], ev: Evaluation) -> None:
    """Orange County policy 289: EXPRT is limited to 12 months, earlier EXPRT months counted,
    unless the CM and participant complete a new WTW 2 plan, made after the current EXPRT
    began, to extend it; the contractor evaluates the placement at six months."""
    start: dt.date = data["start_date"]
    months: int = data["length_months"]
    prior = _prior_months(data, ev)
    left = EXPRT_LIMIT_MONTHS - len(prior)
    limit = activity_end(start, left) if left > 0 else None
    began = current_exprt_began(prior, start)
    ev.computed.update(
        exprt_limit_date=limit,
        exprt_months_before=len(prior),
        exprt_months_total=len(prior) + months,
        exprt_began=began,
    )
    if months > EXPRT_EVALUATION_MONTHS:
        ev.computed["exprt_evaluation_date"] = add_months(start, EXPRT_EVALUATION_MONTHS)
    plan: dt.date | None = data["new_wtw2_plan_date"]
    over = len(prior) + months > EXPRT_LIMIT_MONTHS
    if over and plan is None:
        ev.error("length_months", _over_limit(len(prior), limit))
    elif plan is not None and not over:
        ev.warn("new_wtw2_plan_date", "A new WTW 2 plan is needed only beyond 12 months of EXPRT.")
    elif plan is not None and plan <= began:
        ev.error(
            "new_wtw2_plan_date",
            f"A new WTW 2 plan extends EXPRT only when dated after the current EXPRT began "
            f"({began:%m/%d/%Y}); this plan is the one that started it, or older.",
        )
    elif plan is not None and limit is not None and plan > limit:
        ev.warn("new_wtw2_plan_date", "The plan extending EXPRT should precede the 12-month limit.")


def _over_limit(used: int, limit: dt.date | None) -> str:
    counted = f"{used} earlier EXPRT month{'s' if used != 1 else ''} counted; " if used else ""
    through = f"through {limit:%m/%d/%Y}" if limit else "all used before this start"
    return (
        f"EXPRT is limited to {EXPRT_LIMIT_MONTHS} months ({counted}{through}) unless a new "
        "WTW 2 plan extends it; shorten the length or give the new plan's date."
    )


def _prior_months(data: dict[str, Any], ev: Evaluation) -> list[dt.date]:
    """The earlier EXPRT months as first days; a month listed twice or not before the start
    month is refused, since each month counts once toward the limit."""
    months = [dt.date.fromisoformat(f"{m}-01") for m in data["prior_exprt_months"]]
    first_of_start = data["start_date"].replace(day=1)
    for i, month in enumerate(months):
        if month >= first_of_start:
            ev.error(f"prior_exprt_months.{i}", "An earlier EXPRT month comes before the start.")
        elif month in months[:i]:
            ev.error(f"prior_exprt_months.{i}", "This month is listed twice.")
    return sorted({m for m in months if m < first_of_start})


@rule("f063-41-251")
def check_work_experience(data: dict[str, Any], county: County, ev: Evaluation) -> None:
    """The county's cap on unpaid work experience hours (FLSA minimum wage, 29 U.S.C. 206:
    benefits / minimum wage, or the county's own figure; ``[work_experience]`` setting)."""
    setting = county.work_experience
    ev.computed.update(work_experience_week=None, work_experience_month=None)
    ev.computed["work_experience_basis"] = None
    if setting is None or data["activity"] not in setting.activities:
        return
    benefits = data["benefits"] or {}
    cap = hours_cap(setting, benefits.get("monthly_grant"), benefits.get("monthly_calfresh"))
    if cap is None:
        ev.warn(
            "benefits.monthly_grant",
            "Give the monthly cash grant (and CalFresh): unpaid work experience hours are "
            "capped at the benefits divided by the minimum wage.",
        )
        return
    ev.computed.update(
        work_experience_week=cap.per_week,
        work_experience_month=cap.per_month,
        work_experience_basis=cap.basis,
    )
    hours = data["hours_per_week"]
    if cap.per_week is not None and hours > cap.per_week:
        ev.error(
            "hours_per_week",
            f"Unpaid work experience is capped at {cap.per_week.normalize():f} hours a week "
            f"({cap.basis}).",
        )
    elif cap.per_month is not None and hours * setting.weeks_per_month > cap.per_month:
        ev.error(
            "hours_per_week",
            f"Unpaid work experience is capped at {cap.per_month.normalize():f} hours a month "
            f"({cap.basis}); {hours.normalize():f} a week is more.",
        )
