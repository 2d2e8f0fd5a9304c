"""The numbers of rows that do not add up, read a second time cell by cell; taken where they add up.

A day's attended, excused and unexcused hours add up to its scheduled hours when the
contractor filled the row in right (SPEC.md, Section B). A row read from the whole page
that does not add up most likely holds a misread number ("0" read as "9"). Each number
on its line is read again on its own (parsers.ocr_cells); when the second reading makes
the row add up, it replaces the first. The two readings disagree, so the row is marked
for review all the same.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal

from PIL import Image

from parsers.aor_geometry import Page, Word
from parsers.aor_labels import RawAor
from parsers.aor_model import AorDocument, Problem
from parsers.aor_text import read_text
from parsers.hours import parse_hours
from parsers.ocr_cells import DIGITS, ENLARGE, cell_image, read_cells

_HOURS = ("sched", "att", "exc", "unx")
# A word on a row's line that may be a misread number: digits, and what OCR reads for them.
_NUMBERISH = frozenset(DIGITS + ",;iIlOoSsBZg|$&§")
_LONGEST = 6
_MAX_DAY = Decimal(24)


@dataclass(frozen=True)
class PageImage:
    """A page's cleaned image as OCR first read it, and its resolution."""

    image: Image.Image
    dpi: float


@dataclass
class Reread:
    """The pages with the numbers read again put in, the new words' confidences (by ``id``),
    and the date texts of the rows they changed."""

    pages: list[Page]
    confidence: dict[int, float]
    rows: list[str]


def reread_rows(pages: list[Page], images: list[PageImage], raw: RawAor) -> Reread:
    """``pages`` with the numbers of the rows of ``raw`` that do not add up read again, where
    the second reading makes them add up."""
    suspects = _suspect_words(pages, raw)
    cells = [(index, word) for words in suspects.values() for index, word in words]
    if not cells:
        return Reread(pages, {}, [])
    dpi = round(images[0].dpi * ENLARGE)
    read = read_cells([_cut(images[index], word) for index, word in cells], dpi)
    second = {
        id(word): (dataclasses.replace(word, text=text), sure)
        for (_index, word), (text, sure) in zip(cells, read, strict=True)
        if text and text != word.text and all(ch in DIGITS for ch in text)
    }
    trial, _ = read_text(_replaced(pages, second))
    taken = _balanced(raw, trial, set(suspects))
    chosen = {
        id(word): second[id(word)]
        for date in taken
        for _index, word in suspects[date]
        if id(word) in second
    }
    return Reread(_replaced(pages, chosen), {id(new): sure for new, sure in chosen.values()}, taken)


def _balanced(raw: RawAor, trial: RawAor, dates: set[str]) -> list[str]:
    """The dates of the rows that add up read again, their other cells as first read (a
    number in a note read again is no reason to change the note)."""
    first = {cells.get("date", "").strip(): cells for cells in raw.rows}
    out = []
    for cells in trial.rows:
        date = cells.get("date", "").strip()
        if date not in dates or not adds_up(cells):
            continue
        others = {k: v for k, v in cells.items() if k not in _HOURS}
        if others == {k: v for k, v in first[date].items() if k not in _HOURS}:
            out.append(date)
    return out


def adds_up(cells: dict[str, str]) -> bool:
    """Whether a row's attended, excused and unexcused hours make its scheduled hours."""
    hours = [parse_hours(cells.get(key, "")) for key in _HOURS]
    if any(value is None for value in hours):
        return False
    scheduled, *parts = (value or Decimal(0) for value in hours)
    return 0 < scheduled <= _MAX_DAY and sum(parts, Decimal(0)) == scheduled


def _suspect_words(pages: list[Page], raw: RawAor) -> dict[str, list[tuple[int, Word]]]:
    """The number words on the line of each row that records hours but does not add up,
    by the row's date text."""
    out: dict[str, list[tuple[int, Word]]] = {}
    for cells in raw.rows:
        date = cells.get("date", "").strip()
        recorded = any(cells.get(key, "").strip() for key in _HOURS)
        if date and date not in out and recorded and not adds_up(cells):
            out[date] = _line_numbers(pages, date)
    return {date: words for date, words in out.items() if words}


def _line_numbers(pages: list[Page], date: str) -> list[tuple[int, Word]]:
    """The words right of the date word ``date`` on its line that can be numbers of hours;
    of several such words (a date in Section A too), the one with most numbers after it."""
    found = [
        [(index, w) for w in page.words if _after(start, w)]
        for index, page in enumerate(pages)
        for start in page.words
        if start.text == date
    ]
    return max(found, key=len, default=[])


def _after(start: Word, word: Word) -> bool:
    return (
        word.x0 > start.x1
        and abs(word.middle - start.middle) < start.height / 2
        and any(ch.isdigit() for ch in word.text)
        and len(word.text) <= _LONGEST
        and all(ch in _NUMBERISH for ch in word.text)
    )


def _cut(image: PageImage, word: Word) -> Image.Image:
    scale = image.dpi / 72
    box = (word.x0 * scale, word.top * scale, word.x1 * scale, word.bottom * scale)
    return cell_image(image.image, box)


def _replaced(pages: list[Page], new: dict[int, tuple[Word, float]]) -> list[Page]:
    if not new:
        return pages
    return [
        dataclasses.replace(page, words=[new[id(w)][0] if id(w) in new else w for w in page.words])
        for page in pages
    ]


def reread_problems(dates: list[str], document: AorDocument) -> list[Problem]:
    """A ``needs_review`` problem for each row whose numbers were taken from the second
    reading, named by its date (by its place when the date is no date)."""
    out = []
    for number, row in enumerate(document.rows, 1):
        if row.date_text not in dates:
            continue
        where = row.date.isoformat() if row.date else f"row {number}"
        message = (
            f"{where}: the row's hours did not add up as first read; read again, they do. "
            "Check the row against the scan"
        )
        field = None if row.date else f"row:{number}"
        out.append(Problem("needs_review", message, row.date, field))
    return out
