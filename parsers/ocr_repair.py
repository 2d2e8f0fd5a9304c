"""A row's decimal point that OCR lost, put back where the row's own sums leave one place for it.

In small print the point of ".5" or "2.50" is a dot of a pixel or two, and OCR drops it:
"5" for .5, "250" for 2.50. A day's attended, excused and unexcused hours add up to its
scheduled hours when the contractor filled the row in right (SPEC.md, Section B; a row
that does not is a finding). When a row read by OCR does not add up, and exactly one
placement of one point in one pointless cell makes it add up, the point is put there.
The row still reads differently from what OCR saw, so it is marked for review.
"""

from __future__ import annotations

from decimal import Decimal

from parsers.aor_labels import RawAor
from parsers.aor_model import AorDocument, Problem
from parsers.hours import parse_hours

_PARTS = ("att", "exc", "unx")
_MAX_DAY = Decimal(24)


def repair_points(raw: RawAor) -> list[int]:
    """Put back the lost points of ``raw``'s rows; the indices of the rows changed."""
    changed = []
    for index, cells in enumerate(raw.rows):
        mended = _balanced(cells)
        if mended is not None:
            raw.rows[index] = {**cells, **mended}
            changed.append(index)
    return changed


def _balanced(cells: dict[str, str]) -> dict[str, str] | None:
    """The one cell (with its point put back) that makes the row add up, or None."""
    hours = {key: parse_hours(cells.get(key, "")) for key in ("sched", *_PARTS)}
    unread = [key for key, value in hours.items() if value is None]
    if len(unread) > 1 or _adds_up(hours):
        return None
    found = []
    for key in unread or hours:
        for text in _pointed(cells.get(key, "").strip()):
            trial = {**hours, key: parse_hours(text)}
            if _adds_up(trial):
                found.append({key: text})
    return found[0] if len(found) == 1 else None


def _adds_up(hours: dict[str, Decimal | None]) -> bool:
    values = [value or Decimal(0) for value in hours.values()]
    scheduled, parts = values[0], values[1:]
    return scheduled > 0 and sum(parts, Decimal(0)) == scheduled and scheduled <= _MAX_DAY


def _pointed(text: str) -> list[str]:
    """``text`` (digits only, one to four) with a point put in at each place it can go; a
    leading mark no hours have ("-5", ",5") may be the point itself."""
    if text[:1] in "-,;" and text[1:].isdigit():
        return [f".{text[1:]}"]
    if not text.isdigit() or not 1 <= len(text) <= 4 or set(text) == {"0"}:
        return []
    return [f"{text[:i]}.{text[i:]}" for i in range(len(text))]


def repaired_problems(raw: RawAor, changed: list[int], document: AorDocument) -> list[Problem]:
    """A ``needs_review`` problem for each row whose point was put back, named by its date."""
    dates = {row.date_text: row.date for row in document.rows}
    out = []
    for index in changed:
        text = raw.rows[index].get("date", "").strip()
        date = dates.get(text)
        where = date.isoformat() if date else f"row {index + 1}"
        message = (
            f"{where}: a decimal point the scan's print lost was put back where the row's "
            "hours add up; check the row against the scan"
        )
        out.append(Problem("needs_review", message, date, None if date else f"row:{index + 1}"))
    return out
