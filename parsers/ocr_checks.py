"""Values read by OCR checked against the shapes SPEC.md gives them; a misfit is marked for review.

OCR can be sure of a wrong reading: a label's line read as the value next to it, a name
cut at a comma, a "1" read as "I" in a case number. A value whose shape does not fit
its field (the AOR layout, SPEC.md, Sections A and E) is not trusted, and a person
checks it against the scan. The reader's own findings (the case number's and
CIN's patterns, dates that are no dates) are not repeated here.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from parsers.aor_labels import LABEL_TEXT, LABELS, SECTION_A, SECTION_E, RawAor
from parsers.aor_model import AorDocument, Problem
from parsers.hours import parse_hours

# A person's name: letters of any script, and the marks names have (SPEC.md, Section A).
_NAME = re.compile(r"^[^\W\d_]+(?:[ '’.,-]+[^\W\d_]+)*\.?$")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$")
# Text that goes on: a value cut there lost its end.
_CUT = (",", "-", "&", "/", "(")
# Letters and digits OCR takes one for the other in print; a case number holds both.
CONFUSABLE = frozenset("0OQDI1L5S8B2Z6G")
# A code with a confusable character is trusted only when OCR was at least this sure of it.
SURE_CODE = 93.0
# OCR reads "Lucía" as "Lucia" and is still fairly sure: a name is trusted from this up.
SURE_NAME = 93.0
_NAMES = ("participant_name", "cm_name", "prep_name")
_EMAILS = ("cm_email", "prep_email")


# Marks a provider's or worksite's name has; others (";", ":", "|") are OCR's misreadings.
_TEXT_MARKS = frozenset(" ,.'’&-/#()")


def _text(value: str) -> bool:
    fits = all(ch.isalnum() or ch in _TEXT_MARKS for ch in value)
    return fits and any(ch.isalnum() for ch in value) and not value.endswith(_CUT)


_SHAPES: dict[str, Callable[[str], bool]] = {
    "participant_name": lambda v: bool(_NAME.match(v)),
    "cm_name": lambda v: bool(_NAME.match(v)),
    "prep_name": lambda v: bool(_NAME.match(v)),
    "cm_email": lambda v: bool(_EMAIL.match(v)),
    "prep_email": lambda v: bool(_EMAIL.match(v)),
    "provider": _text,
    "worksite": _text,
    "prep_title": _text,
}


def shape_problems(raw: RawAor, confidence: dict[str, float]) -> list[Problem]:
    """A ``needs_review`` problem for each value of ``raw`` whose shape does not fit its
    field, that holds another field's label, or that OCR can misread and still be fairly
    sure of (``confidence``: each value's): a case number, CIN or e-mail address with a
    character OCR confuses, read with less than SURE_CODE; a name read with less than
    SURE_NAME."""
    out = []
    for key in (*SECTION_A, *SECTION_E):
        text = " ".join(raw.values.get(key, "").split())
        why = _misfit(key, text, confidence.get(key, 100.0)) if text else None
        if why:
            name = LABEL_TEXT.get(key, key)
            message = f"{name} '{text}' {why}; check it against the scan"
            out.append(Problem("needs_review", message, None, key))
    return out


_UNLIKE = "does not look like one"


def _misfit(key: str, text: str, confidence: float) -> str | None:
    """Why the value is not to be trusted, or None."""
    if _holds_label(key, text):
        return _UNLIKE
    if key in ("case_number", "cin"):
        doubt = confidence < SURE_CODE and bool(CONFUSABLE & set(text.upper()))
        return _UNLIKE if doubt else None
    shape = _SHAPES.get(key)
    if shape is not None and not shape(text):
        return _UNLIKE
    if key in _NAMES and confidence < SURE_NAME:
        return "may have lost an accent or a letter to OCR"
    if key in _EMAILS and confidence < SURE_CODE and _digit_like(text):
        return "may hold a digit OCR read as a letter or the other way"
    return None


def _digit_like(email: str) -> bool:
    """An address whose name part has digits, or a lone letter OCR reads for a digit
    ("cm.l@" for "cm.1@"): between digits and look-alike letters OCR is often wrong."""
    local = email.split("@", 1)[0]
    parts = re.split(r"[._+-]", local)
    return any(ch.isdigit() for ch in local) or any(
        len(part) == 1 and part.upper() in CONFUSABLE for part in parts
    )


def _holds_label(key: str, text: str) -> bool:
    """A label of another field in the value: OCR joined the label's line to it."""
    lowered = f" {text.lower()} "
    for other, label, _section in LABELS:
        if other == key:
            continue
        words = label.lower()
        if " " in words and f" {words}" in lowered:
            return True
        if f" {words}:" in lowered:
            return True
    return False


def row_problems(document: AorDocument) -> list[Problem]:
    """A ``needs_review`` problem for each row whose note starts with a lone number or mark
    (a cell of Unexcused read into Notes), or whose date is not after the row's before it:
    the daily record runs in date order (SPEC.md, Section B)."""
    out, last = [], None
    for number, row in enumerate(document.rows, 1):
        first = row.note.split()[0] if row.note.split() else ""
        stray = bool(first) and (len(first) == 1 or parse_hours(first.lstrip("-")) is not None)
        backwards = row.date is not None and last is not None and row.date <= last
        last = row.date or last
        if stray or backwards:
            where = row.date.isoformat() if row.date else f"row {number}"
            why = "its note starts with a stray mark" if stray else "its date is out of order"
            text = f"{where}: {why}; check the row against the scan"
            out.append(
                Problem("needs_review", text, row.date, None if row.date else f"row:{number}")
            )
    return out
