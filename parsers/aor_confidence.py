"""How sure OCR was of each value of an AOR, and the values to mark for a person to check.

A value's confidence is the lowest of the words it was read from. The word-position reader
gives back strings, not words; so the pages are read again with every word below a level
of confidence turned into a look-alike (letters in the other case, digits in full width),
which the reader places exactly where it placed the word. A value that comes out changed
holds such a word. Trying a few levels brackets each value's confidence.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from parsers.aor_geometry import Page
from parsers.aor_labels import HOUR_FIELDS, LABEL_TEXT, RawAor
from parsers.aor_model import AorDocument, AorRow, Problem
from parsers.aor_text import read_text

# This many labels not found, and a value not found cannot be told from one not there.
WHOLE = 3
LEVELS = (10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0, 95.0)
_FULL_WIDTH = 0xFF10 - ord("0")


@dataclass
class Confidence:
    """Each value's confidence (0 to 100, to the level below it): fields by key, the
    document's rows in order, the TOTAL row's cells by column."""

    threshold: float
    fields: dict[str, float] = field(default_factory=dict)
    rows: list[float] = field(default_factory=list)
    totals: dict[str, float] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {
            "threshold": self.threshold,
            "confidence": {"fields": self.fields, "rows": self.rows, "totals": self.totals},
        }


@dataclass
class _Bracket:
    """Each value's confidence as found so far: None while it held unchanged at every level."""

    fields: dict[str, float | None]
    rows: list[float | None]
    totals: dict[str, float | None]


def confidences(
    pages: list[Page],
    conf: dict[int, float],
    raw: RawAor,
    document: AorDocument,
    threshold: float,
) -> Confidence:
    """The confidence of each value ``raw`` holds (``conf``: each word's, by ``id``)."""
    found = _Bracket(
        {key: None for key, text in raw.values.items() if text.strip()},
        [None] * len(raw.rows),
        {column: None for column, text in (raw.totals or {}).items() if text.strip()},
    )
    levels = sorted({*LEVELS, threshold})
    below = 0.0
    for level in levels:
        altered, _ = read_text([_altered(page, conf, level) for page in pages])
        _lower(found, raw, altered, below)
        below = level
    top = levels[-1]  # a value no level changed was read at least this surely
    fields = {key: top if value is None else value for key, value in found.fields.items()}
    rows = [top if value is None else value for value in found.rows]
    totals = {
        HOUR_FIELDS[c]: top if v is None else v for c, v in found.totals.items() if c in HOUR_FIELDS
    }
    return Confidence(threshold, fields, _document_rows(raw, document, rows), totals)


def _altered(page: Page, conf: dict[int, float], level: float) -> Page:
    words = [
        dataclasses.replace(w, text=look_alike(w.text)) if conf.get(id(w), 100) < level else w
        for w in page.words
    ]
    return Page(page.number, page.width, page.height, words, page.vertical, page.horizontal)


def look_alike(text: str) -> str:
    """``text`` the reader treats the same way but that compares unequal: letters in the other
    case ("Day" as "dAY"), digits in their full-width forms (U+FF10 to U+FF19)."""
    return "".join(chr(ord(ch) + _FULL_WIDTH) if "0" <= ch <= "9" else ch.swapcase() for ch in text)


def _lower(found: _Bracket, raw: RawAor, altered: RawAor, below: float) -> None:
    """Values first changed at this level were read with a confidence under it: ``below``,
    the level before, is the most that can be said of them."""
    for key, value in found.fields.items():
        if value is None and altered.values.get(key) != raw.values.get(key):
            found.fields[key] = below
    same_rows = len(altered.rows) == len(raw.rows)
    for index, cells in enumerate(raw.rows):
        changed = not same_rows or altered.rows[index] != cells
        if changed and found.rows[index] is None:
            found.rows[index] = below
    totals, printed = altered.totals or {}, raw.totals or {}
    for column, value in found.totals.items():
        if value is None and totals.get(column) != printed.get(column):
            found.totals[column] = below


def _document_rows(raw: RawAor, document: AorDocument, found: list[float]) -> list[float]:
    """The confidences of the rows the document kept (rows with nothing recorded are left out)."""
    out, start = [], 0
    for row in document.rows:
        for index in range(start, len(raw.rows)):
            if raw.rows[index].get("date", "").strip() == row.date_text:
                out.append(found[index])
                start = index + 1
                break
        else:
            out.append(min(found, default=100.0))
    return out


def review_problems(
    document: AorDocument, confidence: Confidence, threshold: float
) -> list[Problem]:
    """A ``needs_review`` problem for each value read with too little confidence, for each
    row whose weekday does not fit its date (one of the two was misread), and for the whole
    report when OCR found too few of its labels to say what it missed."""
    out = _whole(document)
    for key, value in confidence.fields.items():
        if value < threshold:
            name = LABEL_TEXT.get(key, key)
            out.append(_review(f"{name} was read from the scan {_unsure(threshold)}", key))
    for number, (row, value) in enumerate(zip(document.rows, confidence.rows, strict=False), 1):
        where = row.date.isoformat() if row.date else f"row {number}"
        field_name = None if row.date else f"row:{number}"
        if value < threshold:
            problem = _review(f"{where}: the row was read from the scan {_unsure(threshold)}", None)
            out.append(dataclasses.replace(problem, date=row.date, field=field_name))
        elif not _weekday_fits(row):
            text = f"{where}: the day '{row.day}' is not the date's weekday; one was misread"
            out.append(Problem("needs_review", text, row.date, field_name))
    for column, value in confidence.totals.items():
        if value < threshold:
            text = f"the TOTAL {column} was read from the scan {_unsure(threshold)}"
            out.append(_review(text, f"printed_totals.{column}"))
    return out


def _whole(document: AorDocument) -> list[Problem]:
    missing = sum(1 for p in document.problems if p.code == "missing_label")
    if missing < WHOLE:
        return []
    text = (
        f"much of the scan could not be read ({missing} of the form's labels and columns were "
        "not found), so values and rows may be missing; check the whole report against the scan"
    )
    return [Problem("needs_review", text, None, "document")]


def _review(text: str, field_name: str | None) -> Problem:
    return Problem("needs_review", f"{text}; check it against the scan", None, field_name)


def _unsure(threshold: float) -> str:
    return f"with a confidence under {threshold:g}%"


def _weekday_fits(row: AorRow) -> bool:
    day = row.day.strip(" .").lower()[:3]
    if not day or row.date is None:
        return True
    return dt.date.strftime(row.date, "%a").lower() == day
