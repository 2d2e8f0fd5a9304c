"""An AOR reading with unexcused hours as the 42-6 noncompliance notice the EC sends the EST."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from parsers.aor_values import ACTIVITIES
from service.errors import DomainError
from service.models.user import User

# The 42-6 schema's limits (schemas/est_notice.py).
WHAT_HAPPENED_MAX = 2000
MAX_DATES = 31


class NothingToNotice(DomainError):
    """The AOR records no unexcused hours: there is no noncompliance to tell the EST about."""

    status = 409


def unexcused_days(reading: dict[str, Any]) -> list[dict[str, Any]]:
    """The rows with unexcused hours, by date; rows of other months are left out when known."""
    month = reading.get("report_month")
    days = [
        row
        for row in reading.get("rows", [])
        if _number(row.get("unexcused")) > 0
        and (not month or not row.get("date") or row["date"][:7] == month)
    ]
    return sorted(days, key=lambda row: row.get("date") or "9999")


def has_unexcused_hours(reading: dict[str, Any]) -> bool:
    return bool(unexcused_days(reading))


def notice_from_reading(
    reading: dict[str, Any], ec: User, today: dt.date, aor_id: int | None = None
) -> dict[str, Any]:
    """The 42-6 payload an AOR reading fills in: noncompliance initiated on its unexcused days.

    What the AOR cannot know is left empty for the EC: the EST of record, the notice of
    action date, phone numbers. The reading's text is kept as the provider wrote it.
    """
    days = unexcused_days(reading)
    if not days:
        which = f"AOR {aor_id}" if aor_id is not None else "This AOR"
        raise NothingToNotice(
            f"{which} records no unexcused hours: there is no noncompliance to tell the EST about."
        )
    dates = sorted({row["date"] for row in days if row.get("date")})[:MAX_DATES]
    return {
        "case_number": reading.get("case_number") or "",
        "participant": {
            "name": reading.get("participant_name") or "",
            "cin": reading.get("cin") or None,
            "phone": None,
        },
        "est": {"name": "", "worker_number": "", "phone": None, "email": None},
        "ec": {
            "name": ec.display_name,
            "worker_number": ec.worker_number or "",
            "phone": None,
            "email": None,
        },
        "notice_date": today.isoformat(),
        "action": "noncompliance_initiated",
        "good_cause_found": None,
        "activity": {
            "type": activity_name(reading.get("activity")),
            "provider": _provider(reading),
        },
        "noncompliance_dates": dates,
        "what_happened": what_happened(reading, days),
        "noa_date": None,
        "sanction_effective_date": None,
        "comments": None,
    }


def activity_name(code: str | None) -> str:
    """``JSR`` as "Job Search and Readiness (JSR)"; an unknown code as written."""
    if not code:
        return ""
    name = ACTIVITIES.get(code)
    return f"{name} ({code})" if name else code


def what_happened(reading: dict[str, Any], days: list[dict[str, Any]]) -> str:
    """One line on the report, then one per day; cut to the 42-6's limit with a count left."""
    total = sum((_number(row.get("unexcused")) for row in days), Decimal(0))
    head = (
        f"The provider's Attendance and Outcome Report for {_month(reading.get('report_month'))}"
        f"{_submitted(reading.get('submitted_date'))} records {_h(total)} hours of "
        f"unexcused absence:"
    )
    lines = [head]
    for n, row in enumerate(days):
        line = _day_line(row)
        rest = len(days) - n
        more = f"... and {rest} more days (see the AOR)."
        if len("\n".join([*lines, line, more])) > WHAT_HAPPENED_MAX and rest > 1:
            lines.append(more)
            break
        lines.append(line)
    return "\n".join(lines)[:WHAT_HAPPENED_MAX]


def _day_line(row: dict[str, Any]) -> str:
    when = _date(row["date"]) if row.get("date") else "A row without a date"
    line = (
        f"{when}: {_h(_number(row.get('unexcused')))} of "
        f"{_h(_number(row.get('scheduled')))} scheduled hours unexcused"
    )
    note = " ".join(str(row.get("note") or "").split())
    return f"{line}; provider's note: {note}" if note else line


def _provider(reading: dict[str, Any]) -> str | None:
    return reading.get("provider") or None


def _number(value: Any) -> Decimal:
    if isinstance(value, bool) or value is None:
        return Decimal(0)
    try:
        return Decimal(str(value))
    except ArithmeticError:
        return Decimal(0)


def _h(value: Decimal) -> str:
    text = f"{value.quantize(Decimal('0.01')):f}"
    return text.rstrip("0").rstrip(".")


def _date(iso: str) -> str:
    return dt.date.fromisoformat(iso).strftime("%m/%d/%Y")


def _month(month: str | None) -> str:
    if not month:
        return "an unknown month"
    year, number = month.split("-")
    return f"{number}/{year}"


def _submitted(submitted: str | None) -> str:
    return f" (submitted {_date(submitted)})" if submitted else ""
