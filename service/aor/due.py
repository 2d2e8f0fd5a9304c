"""When an AOR is due: 5 county working days after the month, 3 after the activity ends."""

from __future__ import annotations

import calendar
import datetime as dt

from service.rules.calendar import WorkCalendar
from service.rules.catalog import rule

MONTHLY_DAYS = 5
FINAL_DAYS = 3


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


@rule("aor", "f063-41-251")
def due_date(
    work: WorkCalendar,
    month: tuple[int, int] | None,
    report_type: str | None,
    activity_end: dt.date | None,
) -> dt.date | None:
    """The due date, or None when the report does not say enough to know it (policy 289, step 19:
    5 business days after the month ends, 3 after the activity ends).

    A final report is due 3 working days after the Activity End Date; any other report
    5 working days after the end of its month.
    """
    if report_type == "final":
        return work.add_working_days(activity_end, FINAL_DAYS) if activity_end else None
    if month is None:
        return None
    return work.add_working_days(month_end(*month), MONTHLY_DAYS)


def on_time(due: dt.date | None, submitted: dt.date | None) -> bool | None:
    """Whether the Date Submitted is on or before the due date; None when either is unknown."""
    if due is None or submitted is None:
        return None
    return submitted <= due
