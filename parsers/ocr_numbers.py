"""The numbers of Section B's rows as OCR misreads them, put right where only one reading fits.

On a row's line every cell but the weekday, code and note is a date or a number of hours.
What OCR makes of one there ("$.25" for 5.25, "7:30," with a speck taken for a comma,
"1 1/04/2024" split at a thin gap, a stray mark for a dash) has one number it can be.
Nothing is guessed between digits: "7.6" for 7.5 stays as read, at OCR's confidence.
"""

from __future__ import annotations

import dataclasses
import re

from parsers.tesseract import OcrWord

NUMBER_CHARS = frozenset("0123456789.:/")
# Letters and signs OCR reads for digits in print; only ever applied inside a number.
_LOOK_ALIKE = str.maketrans("$&§SOoIl|BZ", "58550011182")
_DIGITISH = frozenset("0123456789.:/$&§SOoIl|BZ")
_EDGE = ",.;:'\"`„‚/_~()[]{}"
_DATE = re.compile(r"\d{1,2}/\d{1,2}(/\d{2,4})?$")
_DATE_IN = re.compile(r"\d{1,2}\s*/\s*\d{1,2}")
# Hours whose point OCR read as a dash or a comma ("-50", "7,50"): no cell of hours has either.
_POINT_AS_MARK = re.compile(r"(\d{0,2})[-,](\d{1,2})")
_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# What OCR reads for the slash of a date in small print.
_SLASHES = frozenset("/:.-|lI")
# A gap narrower than this (in ems) inside a date is no space between two words.
_SPLIT = 0.6
# A lone letter on a row's line read with less confidence than this is a speck.
SPECK = 60.0


def mend_rows(words: list[OcrWord]) -> list[OcrWord]:
    """``words`` with the numbers on the rows' lines mended."""
    rows = row_lines(words)
    out = [w for w in words if w.line not in rows]
    by_line: dict[int, list[OcrWord]] = {}
    for word in words:
        if word.line in rows:
            by_line.setdefault(word.line, []).append(word)
    for line in by_line.values():
        out += _mended_line(sorted(line, key=lambda w: w.left))
    return out


def row_lines(words: list[OcrWord]) -> set[int]:
    """The lines that are rows of Section B: those with a weekday, those that start with a
    date (not those of Section A, which start with a label), and the TOTAL row."""
    lines = {w.line for w in words if _weekday(w.text)}
    firsts: dict[int, OcrWord] = {}
    for word in words:
        if word.line not in firsts or word.left < firsts[word.line].left:
            firsts[word.line] = word
    for line, first in firsts.items():
        text = first.text.strip(_EDGE)
        if first.text.lower().startswith("total") or _DATE_IN.match(text):
            lines.add(line)
    return lines


def _mended_line(words: list[OcrWord]) -> list[OcrWord]:
    out: list[OcrWord] = []
    for word in words:
        if not any(ch.isalnum() for ch in word.text) or _speck(word):
            # A dash, or a mark where a cell is empty: either way nothing, as an empty cell.
            continue
        word = _mended_word(word, first=not out)
        if out and _one_date(out[-1], word):
            word = _joined(out.pop(), word)
        out.append(word)
    if out and any(_weekday(w.text) for w in out[1:3]):  # a day's row: a date, then its day
        # Right before the weekday, the first cell can only be the date: "07:02" is no time.
        dated = len(out) > 1 and _weekday(out[1].text)
        out[0] = dataclasses.replace(out[0], text=_date_text(out[0].text, dated))
    return out


def _speck(word: OcrWord) -> bool:
    """A lone letter no row writes ("å", "Á"), or one OCR hardly believed: a speck it read.
    Left in, it would stand in a column's way (a letter under Unexcused)."""
    text = word.text.strip(_EDGE)
    if len(text) != 1 or text.isdigit() or text in "oO":
        return False
    return not text.isascii() or word.confidence < SPECK


def _weekday(text: str) -> bool:
    key = text.strip(".,:;").lower()
    return len(key) >= 3 and any(day.startswith(key) for day in _DAYS)


def _date_text(text: str, dated: bool = False) -> str:
    """The first cell of a row as a date, its slashes put back: "11042024", "11/06:2024" and
    "1107/2024" are 11/04/2024, 11/06/2024 and 11/07/2024; ``dated`` (the weekday follows
    it), "07:02" is 07/02. Anything else is left as read."""
    digits = "".join(ch for ch in text if ch.isdigit())
    marks = [ch for ch in text if not ch.isdigit()]
    if len(marks) > 2 or any(ch not in _SLASHES for ch in marks) or _DATE.match(text):
        return text
    if len(digits) == 8:
        return f"{digits[:2]}/{digits[2:4]}/{digits[4:]}"
    if len(digits) == 6:
        return f"{digits[:2]}/{digits[2:4]}/{digits[4:]}"
    short = set("/|lI:.") if dated else set("/|lI")  # elsewhere "10:30" is a time
    if len(digits) == 4 and set(marks) <= short and _month_day(digits):
        return f"{digits[:2]}/{digits[2:]}"
    return text


def _month_day(digits: str) -> bool:
    return 1 <= int(digits[:2]) <= 12 and 1 <= int(digits[2:4]) <= 31


def _mended_word(word: OcrWord, first: bool = False) -> OcrWord:
    text = word.text
    # A leading point is the number's own (".5" hours); a trailing one a speck.
    core = text.lstrip(_EDGE.replace(".", "")).rstrip(_EDGE)
    if core in ("o", "O"):  # alone on a row's line, a zero: no note is the letter "o"
        return dataclasses.replace(word, text="0")
    pointed = _POINT_AS_MARK.fullmatch(core)
    if pointed and not first:  # the first cell is the date, which a dash may divide
        return dataclasses.replace(word, text=f"{pointed[1]}.{pointed[2]}")
    if not any(ch.isdigit() for ch in core) or not set(core) <= _DIGITISH:
        return word
    return dataclasses.replace(word, text=core.translate(_LOOK_ALIKE))


def _one_date(before: OcrWord, after: OcrWord) -> bool:
    gap = after.left - before.right
    joined = before.text + after.text
    whole = _DATE.match(before.text) and before.text.count("/") == 2
    return gap < _SPLIT * after.size and bool(_DATE.match(joined)) and not whole


def _joined(before: OcrWord, after: OcrWord) -> OcrWord:
    return dataclasses.replace(
        after,
        text=before.text + after.text,
        left=before.left,
        top=min(before.top, after.top),
        bottom=max(before.bottom, after.bottom),
        confidence=min(before.confidence, after.confidence),
    )
