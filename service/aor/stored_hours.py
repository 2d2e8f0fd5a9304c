"""A stored reading's two answers about hours, also for readings kept before they existed."""

from __future__ import annotations

from decimal import Decimal
from typing import Any


def participation_of(reading: dict[str, Any]) -> dict[str, Any]:
    """The reading's participation; for one kept before it was worked out, its totals alone."""
    if reading.get("participation"):
        return dict(reading["participation"])
    totals = reading.get("totals") or {}
    return {
        "required_hours_week": reading.get("assigned_hours_week"),
        "required": None,
        **{name: totals.get(name, 0) for name in ("attended", "excused", "unexcused")},
        "participated": _sum(totals.get("attended"), totals.get("excused")),
        "average_week": None,
        "short_by": 0,
        "not_scheduled": 0,
    }


def countable_of(reading: dict[str, Any]) -> dict[str, Any]:
    """The reading's federal countable hours; for one kept before they were worked out,
    what its excused-hours ledger entry says."""
    if reading.get("countable"):
        return dict(reading["countable"])
    entry = reading.get("excused_countable") or {}
    attended = (reading.get("totals") or {}).get("attended")
    return {
        "paid_activity": False,
        "attended": attended or 0,
        "excused": entry.get("hours") or 0,
        "holiday_hours": entry.get("holiday_hours") or 0,
        "holidays": entry.get("holidays") or 0,
        "paid_leave": 0,
        "total": _sum(attended, entry.get("hours"), entry.get("holiday_hours")),
        "not_countable": entry.get("not_counted") or 0,
        "not_countable_by_reason": {},
    }


def _sum(*values: Any) -> float | int:
    total = sum((Decimal(str(v)) for v in values if v is not None), Decimal(0))
    return int(total) if total == total.to_integral_value() else float(total)
