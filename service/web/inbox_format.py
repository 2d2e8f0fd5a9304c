"""How the inbox pages write a reading's values: US dates, hours without trailing zeros."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from decimal import Decimal
from typing import Any

from flask import Blueprint

from service.web.base import local_time


def us_date(value: Any) -> str:
    """2025-09-23 as 09/23/2025; nothing for nothing."""
    if not value:
        return ""
    day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    return day.strftime("%m/%d/%Y")


def hours(value: Any) -> str:
    """7 as "7", 1.75 as "1.75", 7.5 as "7.5"; nothing for nothing."""
    if value is None or value == "":
        return ""
    text = f"{Decimal(str(value)).quantize(Decimal('0.01')):f}"
    return text.rstrip("0").rstrip(".")


def month_name(value: Any) -> str:
    """2025-09 as "September 2025"."""
    if not value:
        return "month unknown"
    year, month = str(value).split("-")
    return f"{calendar.month_name[int(month)]} {year}"


def moment(value: Any) -> str:
    """A stored ISO moment as people in the county read it."""
    return local_time(dt.datetime.fromisoformat(value)) if value else ""


ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def corrected_value(value: Any) -> str:
    """A value before or after a correction: dates and hours as the pages write them, a row
    added or removed as its day."""
    if value is None or value == "":
        return "(blank)"
    if isinstance(value, dict):
        code = f" ({value['code']})" if value.get("code") else ""
        cells = [f"{hours(value.get(c)) or 0} {c}" for c in ("scheduled", "attended", "excused")]
        cells[-1] += code
        cells.append(f"{hours(value.get('unexcused')) or 0} unexcused")
        return f"{us_date(value.get('date')) or 'no date'}: {', '.join(cells)}"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return hours(value)
    return us_date(value) if ISO_DATE.match(str(value)) else str(value)


def plural(count: int, one: str, many: str | None = None) -> str:
    """1 as "1 finding", 2 as "2 findings"; ``many`` where adding an s is not the word."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


# How many readings are in a state, as a sentence says it: "1 needs action", "2 need action".
STATE_WORDS = {
    "needs_action": ("needs action", "need action"),
    "needs_review": ("needs review", "need review"),
    "reviewed": ("reviewed", "reviewed"),
}


def state_count(count: int, state: str) -> str:
    one, many = STATE_WORDS[state]
    return plural(count, one, many)


def register(bp: Blueprint) -> None:
    bp.add_app_template_filter(plural, "plural")
    bp.add_app_template_filter(state_count, "state_count")
    bp.add_app_template_filter(us_date, "aor_date")
    bp.add_app_template_filter(hours, "aor_hours")
    bp.add_app_template_filter(month_name, "aor_month")
    bp.add_app_template_filter(moment, "aor_moment")
    bp.add_app_template_filter(corrected_value, "aor_value")
