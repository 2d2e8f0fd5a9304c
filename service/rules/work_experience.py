"""The most hours of unpaid work experience a county may assign (the FLSA minimum wage bar)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal
from typing import Any

from service.rules.catalog import rule

METHODS = ("benefits_over_minimum_wage", "fixed")


@dataclass(frozen=True)
class WorkExperienceCap:
    """A county's setting: its hours cap on unpaid work experience and the activities it covers.

    ``benefits_over_minimum_wage``: the month's cash grant (plus the CalFresh allotment where
    ``include_calfresh``) divided by the minimum wage is the most hours in a month, and that
    divided by ``weeks_per_month`` the most in a week. ``fixed``: the county's own figures.
    """

    method: str
    activities: tuple[str, ...]
    minimum_wage: Decimal | None = None
    include_calfresh: bool = True
    weeks_per_month: Decimal = Decimal("4.33")
    max_hours_per_week: Decimal | None = None
    max_hours_per_month: Decimal | None = None

    def __post_init__(self) -> None:
        if self.method not in METHODS:
            raise ValueError(f"work_experience.method must be one of {METHODS}.")
        if self.method == METHODS[0] and not self.minimum_wage:
            raise ValueError("work_experience.minimum_wage is needed to divide the grant by.")
        if self.method == "fixed" and not (self.max_hours_per_week or self.max_hours_per_month):
            raise ValueError("A fixed work_experience cap needs max_hours_per_week or _month.")


@dataclass(frozen=True)
class HoursCap:
    """The hours a participant may be assigned to unpaid work experience, and why."""

    per_month: Decimal | None
    per_week: Decimal | None
    basis: str


@rule("f063-41-251")
def hours_cap(
    setting: WorkExperienceCap, grant: Decimal | None, calfresh: Decimal | None
) -> HoursCap | None:
    """The cap for this participant; None when the grant it follows from is not given.

    Source: Fair Labor Standards Act minimum wage (29 U.S.C. 206), which California applies to
    unpaid work experience and community service: benefits / minimum wage = monthly hours
    (Orange County policy 289 names EXPRT unpaid work experience; the county sets the figures).
    """
    if setting.method == "fixed":
        return HoursCap(setting.max_hours_per_month, setting.max_hours_per_week, "county maximum")
    if grant is None:
        return None
    benefits = grant + (calfresh or Decimal(0)) if setting.include_calfresh else grant
    wage = setting.minimum_wage or Decimal(1)
    monthly = _floor(benefits / wage)
    weekly = _floor(monthly / setting.weeks_per_month)
    what = "cash grant and CalFresh" if setting.include_calfresh else "cash grant"
    return HoursCap(monthly, weekly, f"${benefits:,.2f} {what} / ${wage:,.2f} minimum wage")


def from_settings(raw: dict[str, Any] | None) -> WorkExperienceCap | None:
    """The ``[work_experience]`` table of a county's settings, or None when it has none."""
    if not raw:
        return None
    return WorkExperienceCap(
        method=raw["method"],
        activities=tuple(raw.get("activities", ())),
        minimum_wage=_decimal(raw.get("minimum_wage")),
        include_calfresh=raw.get("include_calfresh", True),
        weeks_per_month=_decimal(raw.get("weeks_per_month")) or Decimal("4.33"),
        max_hours_per_week=_decimal(raw.get("max_hours_per_week")),
        max_hours_per_month=_decimal(raw.get("max_hours_per_month")),
    )


def _decimal(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _floor(value: Decimal) -> Decimal:
    # Rounded down: the cap must not let a participant work a minute below minimum wage.
    return value.quantize(Decimal("0.01"), rounding=ROUND_FLOOR)
