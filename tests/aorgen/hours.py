"""Hours as SPEC.md allows them: ``7.5``, ``7.50``, ``.5``, ``7:30``; zero blank, ``-`` or ``0``."""

from __future__ import annotations

from decimal import Decimal

from tests.aorgen.choices import Choices

ZERO = Decimal(0)


def written_hours(c: Choices, value: Decimal, style: dict[str, str]) -> str:
    """``value`` as a contractor writes it in this document's ``style`` (see ``draw._rows``)."""
    if value == ZERO:
        zero = style["zero"]
        return c.pick(("", "-", "0")) if zero == "mixed" else zero
    form = style["hours"]
    if form == "mixed":
        form = c.pick(("decimal", "two places", "h:mm"))
    if form == "h:mm":
        minutes = int(value * 60)
        return f"{minutes // 60}:{minutes % 60:02d}"
    text = f"{value:.2f}" if form == "two places" else _plain(value)
    if text.startswith("0.") and style["fraction"] == ".5":
        text = text[1:]
    return text


def _plain(value: Decimal) -> str:
    text = f"{value.normalize():f}"
    return text
