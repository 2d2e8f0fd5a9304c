"""Dates, numbers and money as the participant's written language prints them (Babel/CLDR)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

HUNDREDTHS = Decimal("0.01")


def local_date(locale: str) -> Callable[[dt.date | None], str]:
    """A filter printing a date in full, month spelled out: no day/month order to misread."""

    def fmt(value: dt.date | None) -> str:
        return format_date(value, format="long", locale=locale) if value else ""

    return fmt


def local_hours(locale: str) -> Callable[[float | Decimal | int | None], str]:
    """Hours without trailing zeros, with the language's decimal sign: 7,5 or 7.5."""

    def fmt(value: float | Decimal | int | None) -> str:
        if value is None:
            return ""
        return format_decimal(Decimal(str(value)).quantize(HUNDREDTHS), locale=locale)

    return fmt


def local_money(locale: str) -> Callable[[float | Decimal | int | None], str]:
    """US dollars with cents, written the language's way: $1,234.50, 1.234,50 US$."""

    def fmt(value: float | Decimal | int | None) -> str:
        if value is None:
            return ""
        return format_currency(Decimal(str(value)), "USD", locale=locale)

    return fmt


def language_name(locale: str) -> Callable[[str | None], str]:
    """A language tag ("zh-Hant") named in the document's own language: "中文 (繁體)"."""

    def fmt(value: str | None) -> str:
        if not value:
            return ""
        name = Locale.parse(value, sep="-").get_display_name(locale) or value
        return name[:1].upper() + name[1:]

    return fmt


def locale_filters(locale: str, yes: str, no: str) -> dict[str, Callable[[Any], str]]:
    """The filters a translated template prints values with, bound to ``locale``."""

    def yes_no(value: bool | None) -> str:
        return "" if value is None else (yes if value else no)

    return {
        "local_date": local_date(locale),
        "hours": local_hours(locale),
        "money": local_money(locale),
        "yes_no": yes_no,
        "language_name": language_name(locale),
    }
