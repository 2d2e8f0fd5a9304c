"""How the inbox pages write a reading's values: US dates, hours without trailing zeros."""

from __future__ import annotations

import calendar
import datetime as dt
from decimal import Decimal
from typing import Any

from flask import Blueprint


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


def register(bp: Blueprint) -> None:
    bp.add_app_template_filter(us_date, "aor_date")
    bp.add_app_template_filter(hours, "aor_hours")
    bp.add_app_template_filter(month_name, "aor_month")
