"""Weekly participation hours required by Welfare and Institutions Code 11322.8."""

from __future__ import annotations

from dataclasses import dataclass

from service.rules.catalog import rule


@dataclass(frozen=True)
class Household:
    """The household facts the requirement follows from."""

    two_parent_family: bool
    parent_disabled: bool = False
    child_under_six: bool = False
    pregnant_no_other_child: bool = False


@dataclass(frozen=True)
class HoursRequirement:
    hours: int
    basis: str


@rule("wtw2")
def weekly_requirement(household: Household) -> HoursRequirement:
    """The weekly hours the household must meet, with the reason in words (WIC 11322.8(a))."""
    if household.two_parent_family and not household.parent_disabled:
        return HoursRequirement(35, "two-parent family, combined between both parents")
    prefix = (
        "two-parent family with a disabled parent, counted as one adult; "
        if household.two_parent_family
        else ""
    )
    if household.child_under_six:
        return HoursRequirement(20, prefix + "one adult with a child under 6")
    if household.pregnant_no_other_child:
        return HoursRequirement(20, prefix + "pregnant, with no other child")
    return HoursRequirement(30, prefix + "one adult with no child under 6")


def household_from(data: dict) -> Household:
    """Build a Household from a validated ``household`` mapping."""
    return Household(
        two_parent_family=data["two_parent_family"],
        parent_disabled=data.get("parent_disabled", False),
        child_under_six=data.get("child_under_six", False),
        pregnant_no_other_child=data.get("pregnant_no_other_child", False),
    )
