"""Deadlines set by law and policy, computed the same way for every form."""

from __future__ import annotations

import datetime as dt
from calendar import monthrange

GOOD_CAUSE_DAYS = 20  # WIC 11327.4: days to show good cause or agree to a compliance plan
NOA_EFFECTIVE_DAYS = 30  # a notice of action takes effect no earlier than this
CHANGE_REQUEST_WORKING_DAYS = 3  # WIC 11325.21
REASSIGNMENT_DAYS = 30  # WIC 11325.22


def after_notice(noa_date: dt.date) -> dict[str, dt.date]:
    """The good cause period's last day and the earliest effective date of a notice of action."""
    return {
        "good_cause_period_ends": noa_date + dt.timedelta(days=GOOD_CAUSE_DAYS),
        "earliest_effective_date": noa_date + dt.timedelta(days=NOA_EFFECTIVE_DAYS),
    }


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, clamped to the month's last day (Jan 31 + 1 = Feb 28)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, monthrange(year, month)[1]))
