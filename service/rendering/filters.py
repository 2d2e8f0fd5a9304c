"""Jinja filters the form templates use to print dates, check boxes, hours and money."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

CHECKED, UNCHECKED = "☒", "☐"


def box(value: Any) -> str:
    """A check box: ☒ when ``value`` is truthy, ☐ otherwise."""
    return CHECKED if value else UNCHECKED


def us_date(value: dt.date | None) -> str:
    """MM/DD/YYYY, as the county's paper forms print dates; blank for no date."""
    return value.strftime("%m/%d/%Y") if value else ""


def hours(value: float | Decimal | int | None) -> str:
    """Hours without trailing zeros: 20, 7.5, 1.25."""
    if value is None:
        return ""
    text = f"{Decimal(str(value)).quantize(Decimal('0.01')):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def money(value: float | Decimal | int | None) -> str:
    """Dollars with cents: $1,234.50."""
    if value is None:
        return ""
    return f"${Decimal(str(value)):,.2f}"


def yes_no(value: bool | None) -> str:
    if value is None:
        return ""
    return "Yes" if value else "No"


def finalize(value: Any) -> Any:
    """Print nothing for a missing value rather than the word None."""
    return "" if value is None else value


FILTERS = {"box": box, "us_date": us_date, "hours": hours, "money": money, "yes_no": yes_no}
