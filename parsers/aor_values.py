"""The AOR's closed vocabularies: activity codes, report types, outcomes, yes and no."""

from __future__ import annotations

import re

ACTIVITIES = {
    "EXPRT": "Experience Provides the Resources for Tomorrow",
    "JSR": "Job Search and Readiness",
    "VOC": "Vocational Training",
    "SUB": "Subsidized Employment",
    "ABE": "Adult Basic Education",
    "CS": "Community Service",
    "OTH": "Other",
}
OUTCOMES = ("continuing", "completed", "employed", "non-attendance", "dropped", "other")
REPORT_TYPES = ("monthly", "final")
_YES = {"yes", "y", "true", "x"}
_NO = {"no", "n", "false"}


def _letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


_LONG_NAMES = {_letters(name): code for code, name in ACTIVITIES.items()}


def activity_code(text: str) -> str | None:
    """The activity code for ``JSR``, ``JSR - Job Search and Readiness`` or the long name."""
    tokens = re.findall(r"[A-Za-z]+", text)
    if not tokens:
        return None
    if tokens[0].upper() in ACTIVITIES:
        return tokens[0].upper()
    letters = _letters(text)
    for name, code in _LONG_NAMES.items():
        if letters.startswith(name):
            return code
    # "Job Search and Readiness (JSR)": a code written in capitals anywhere.
    return next((t for t in tokens if t in ACTIVITIES), None)


def report_type(text: str) -> str | None:
    words = text.lower().split()
    return words[0] if words and words[0] in REPORT_TYPES else None


def outcome(text: str) -> str | None:
    letters = _letters(text)
    return next((o for o in OUTCOMES if _letters(o) == letters), None)


def yes_no(text: str) -> bool | None:
    value = text.strip().lower().rstrip(".")
    if value in _YES:
        return True
    if value in _NO:
        return False
    return None
