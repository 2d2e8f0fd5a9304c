"""The AOR's printed labels, put right where OCR misread a letter or two of them.

Labels and headings are fixed words ("Case Number", "Scheduled"). OCR of small print misreads
some ("sase number", "manaaer"), and a label not found loses its value. A word OCR was
unsure of, a letter or two from a label word, is taken for that word. Were it a value's
word after all, its confidence is brought under the review threshold, so it is checked.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from functools import cache

from parsers.aor_labels import COLUMNS, LABELS
from parsers.aor_values import ACTIVITIES, OUTCOMES, REPORT_TYPES
from parsers.tesseract import OcrWord

# Words OCR was surer of than this are left as read.
SURE = 90.0
_SHORTEST = 4  # shorter words ("cm", "per", "by") are too like other words to mend
_EDGE = ":.,;()"
_HEADINGS = ("section", "participant", "activity", "daily", "attendance", "record", "total")


@cache
def vocabulary() -> frozenset[str]:
    words = {w.lower() for _key, text, _section in LABELS for w in text.split()}
    words |= {w for names in COLUMNS.values() for w in names}
    return frozenset(w for w in (*words, *_HEADINGS) if len(w) >= _SHORTEST)


@cache
def _column_words() -> frozenset[str]:
    return frozenset(w for names in COLUMNS.values() for w in names)


@cache
def values() -> frozenset[str]:
    """Words of the closed vocabularies a value holds: near one of them, a word is left."""
    words = {w.lower() for name in ACTIVITIES.values() for w in name.split()}
    return frozenset({*words, *OUTCOMES, *REPORT_TYPES, "yes"})


def mend_labels(words: list[OcrWord], unsure: float) -> list[OcrWord]:
    """``words`` with misread label words put right; ``unsure``: the review threshold."""
    return [_mended(part, unsure) for word in words for part in _parts(word)]


# What a form box's side, lifted, leaves before a label word OCR then joins to it.
_BORDER_LEFT = "|[]!Il1Tt"


@cache
def _label_words() -> frozenset[str]:
    return frozenset(w for tokens in _label_tokens() for w in tokens)


def _parts(word: OcrWord) -> list[OcrWord]:
    """A label OCR read as one word, its space as a hyphen ("CASE-NUMBER:"), as its words;
    a label word with a bit of a box's border in front ("TCM") without it."""
    if word.confidence >= SURE:
        return [word]
    core = word.text.rstrip(_EDGE).lower()
    if core[:1] in _BORDER_LEFT.lower() and core[1:] in _label_words():
        return [dataclasses.replace(word, text=word.text[1:])]
    pieces = core.split("-")
    if len(pieces) < 2 or tuple(pieces) not in _label_tokens():
        return [word]
    texts = word.text.split("-")
    share = (word.right - word.left) / max(len(word.text), 1)
    out, left = [], word.left
    for text in texts:
        right = round(left + share * len(text))
        out.append(dataclasses.replace(word, text=text, left=left, right=right))
        left = round(right + share)
    return out


def restore_colons(words: list[OcrWord]) -> list[OcrWord]:
    """A label's colon where OCR lost it, on a page whose labels have colons.

    The colon tells a label from a value that reads like one; a small colon is easily lost.
    A label alone in its cell (a gap before and after it) gets one back, unless it is also
    a value a label may have ("Outcome: Employed").
    """
    found = [hit for line in _lines(words) for hit in _label_runs(line)]
    if len(found) < 3 or sum(_has_colon(line, end) for line, _s, end in found) < 0.6 * len(found):
        return words
    mended = {
        id(line[end]): line[end] for line, start, end in found if _restorable(line, start, end)
    }
    return [
        dataclasses.replace(w, text=w.text.rstrip(_EDGE) + ":") if id(w) in mended else w
        for w in words
    ]


Run = tuple[list[OcrWord], int, int]  # a line's words, and the first and last of a label


def _lines(words: list[OcrWord]) -> list[list[OcrWord]]:
    lines: dict[int, list[OcrWord]] = {}
    for word in words:
        lines.setdefault(word.line, []).append(word)
    return [sorted(line, key=lambda w: w.left) for line in lines.values()]


@cache
def _label_tokens() -> tuple[tuple[str, ...], ...]:
    labels = {tuple(text.lower().split()) for _key, text, _section in LABELS}
    return tuple(sorted(labels, key=len, reverse=True))


def _label_runs(line: list[OcrWord]) -> list[Run]:
    keys = [w.text.lower().strip(_EDGE) for w in line]
    runs, i = [], 0
    while i < len(line):
        tokens = next((t for t in _label_tokens() if tuple(keys[i : i + len(t)]) == t), None)
        if tokens is None:
            i += 1
            continue
        runs.append((line, i, i + len(tokens) - 1))
        i += len(tokens)
    return runs


def _has_colon(line: list[OcrWord], end: int) -> bool:
    after = line[end + 1].text if end + 1 < len(line) else ""
    return line[end].text.endswith(":") or after == ":"


def _restorable(line: list[OcrWord], start: int, end: int) -> bool:
    if _has_colon(line, end) or _heading(line):
        return False
    text = " ".join(w.text.lower().strip(_EDGE) for w in line[start : end + 1])
    if text in values():
        return False
    size = line[end].size
    before = line[start].left - line[start - 1].right if start else size
    after = line[end + 1].left - line[end].right if end + 1 < len(line) else size
    return before >= size and after >= size


def _heading(line: list[OcrWord]) -> bool:
    """A section's heading ("C. Outcome"), whose words are no label."""
    first = line[0].text.strip(".:)")
    return len(first) == 1 and first.upper() in "ABCDE"


def _mended(word: OcrWord, unsure: float) -> OcrWord:
    core = word.text.strip(_EDGE)
    key = core.lower()
    plain = _unaccented(key)
    # No label has an accent: "Attendėd" is Attended however sure OCR was of the dot, and
    # "DÀY" is Day, short as it is (a lost heading puts each weekday in another column).
    if plain != key and (plain in vocabulary() or plain in _column_words()):
        match: str | None = plain
    elif word.confidence >= SURE or len(key) < _SHORTEST or key in vocabulary():
        return word
    else:
        match = _nearest(key)
    if match is None:
        return word
    if core.isupper():
        match = match.upper()
    elif core[:1].isupper():
        match = match.capitalize()
    text = word.text.replace(core, match, 1)
    return dataclasses.replace(word, text=text, confidence=min(word.confidence, unsure - 1))


def _unaccented(text: str) -> str:
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )


def _nearest(key: str) -> str | None:
    """The one label word within a letter (two, for words of seven letters or more)."""
    allowed = 2 if len(key) >= 7 else 1
    found = [w for w in vocabulary() | values() if abs(len(w) - len(key)) <= allowed]
    near = [w for w in found if _distance(key, w, allowed) <= allowed]
    return near[0] if len(near) == 1 and near[0] in vocabulary() else None


def _distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, given up past ``limit``."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]
