"""Hours, dates, months and money as contractors write them on the AOR."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

ZERO = Decimal(0)
# Word processors turn a typed hyphen into an en or em dash; all of them mean zero.
DASHES = {"-", "–", "—", "--"}
_DECIMAL = re.compile(r"^(\d+(?:\.\d*)?|\.\d+)$")
_HOURS_MINUTES = re.compile(r"^(\d+):([0-5]\d)$")
_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})(?:/(\d{2}|\d{4}))?$")
_MONTH = re.compile(r"^(\d{1,2})\s*[/-]\s*(\d{4})$")
_MONEY = re.compile(r"^\$?\s*(\d{1,3}(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)$")


def parse_hours(text: str) -> Decimal | None:
    """Hours from ``8``, ``7.5``, ``.5`` or ``7:30``; empty, a dash or ``0`` is zero.

    None means the text is not a number of hours.
    """
    value = text.strip()
    if not value or value in DASHES:
        return ZERO
    if _DECIMAL.match(value):
        return Decimal(value)
    match = _HOURS_MINUTES.match(value)
    if match:
        minutes = Decimal(int(match.group(2))) / 60
        # Four places keep 7:20 summable against a printed "73:20" without noise.
        return Decimal(int(match.group(1))) + minutes.quantize(Decimal("0.0001"))
    return None


def parse_number(text: str) -> Decimal | None:
    """A plain non-negative number such as assigned hours; None when it is not one."""
    value = text.strip().rstrip(".")
    if not _DECIMAL.match(value):
        return parse_hours(value) if ":" in value else None
    try:
        return Decimal(value)
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        return None


def parse_money(text: str) -> Decimal | None:
    """Money such as ``$18.50`` or ``18.5``; None when it is not an amount."""
    value = text.strip().removesuffix("/hr").removesuffix("/hour").strip()
    match = _MONEY.match(value)
    return Decimal(match.group(1).replace(",", "")) if match else None


def parse_date(text: str, default_year: int | None = None) -> dt.date | None:
    """A date written ``MM/DD/YYYY``, ``MM/DD/YY`` or ``MM/DD`` (year from ``default_year``)."""
    match = _DATE.match(text.strip())
    if not match:
        return None
    month, day, year_text = match.groups()
    if year_text is None:
        if default_year is None:
            return None
        year = default_year
    else:
        year = int(year_text) + (2000 if len(year_text) == 2 else 0)
    try:
        return dt.date(year, int(month), int(day))
    except ValueError:
        return None


def parse_month(text: str) -> tuple[int, int] | None:
    """``(year, month)`` from ``MM/YYYY``; None when it is not a month."""
    match = _MONTH.match(text.strip())
    if not match:
        return None
    month, year = int(match.group(1)), int(match.group(2))
    return (year, month) if 1 <= month <= 12 else None


def looks_like_date(text: str) -> bool:
    """True for text shaped like a date (``MM/DD`` or ``MM/DD/YYYY``), valid or not."""
    return bool(_DATE.match(text.strip()))
