"""Dates and months in Section A, C and E as OCR misreads their slashes, put right by shape.

A date's slash in small print is read as ":", "." or "|", or lost ("0628:2025" for
06/28/2025, "10:2025" for the month 10/2025). Only the marks between the digits are put
back: eight digits ending in a year are a date, six a month (SPEC.md, Section A: MM/DD/YYYY
and MM/YYYY). The digits stay as read, at OCR's confidence, and a value that still is no
date is a finding of the reader's.
"""

from __future__ import annotations

import dataclasses
import re

from parsers.tesseract import OcrWord

# What OCR reads for the slash of a date in small print.
_SLASHES = frozenset("/:.-|")
_EDGE = ",;'\"`"
_YEAR = re.compile(r"(19|20)\d\d$")


def mend_dates(words: list[OcrWord]) -> list[OcrWord]:
    """``words`` with each date or month whose slashes OCR misread written with slashes."""
    return [_mended(word) for word in words]


def _mended(word: OcrWord) -> OcrWord:
    text = date_text(word.text.strip(_EDGE))
    return word if text is None else dataclasses.replace(word, text=text)


def date_text(text: str) -> str | None:
    """``text`` as ``MM/DD/YYYY`` or ``MM/YYYY`` when its digits can only be that; else None.

    The digits must make a valid month (and day) in front of a year: a CIN that lost its
    letter (eight digits too) hardly ever does, and would still fail the CIN's shape.
    """
    digits = "".join(ch for ch in text if ch.isdigit())
    marks = [ch for ch in text if not ch.isdigit()]
    if any(ch not in _SLASHES for ch in marks) or text[:1] in _SLASHES or text[-1:] in _SLASHES:
        return None
    if not _YEAR.search(digits) or not 1 <= int(digits[:2] or 0) <= 12:
        return None
    if len(digits) == 8 and len(marks) <= 2 and 1 <= int(digits[2:4]) <= 31:
        mended = f"{digits[:2]}/{digits[2:4]}/{digits[4:]}"
    elif len(digits) == 6 and len(marks) <= 1:
        mended = f"{digits[:2]}/{digits[2:]}"
    else:
        return None
    return None if mended == text else mended
