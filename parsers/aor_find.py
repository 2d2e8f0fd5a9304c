"""Find the AOR's printed labels on page lines, including labels wrapped onto a second line."""

from __future__ import annotations

from dataclasses import dataclass

from parsers.aor_geometry import Line, Word
from parsers.aor_labels import LABELS

# Longest first, so "Activity Start Date" wins over "Activity" at the same word.
_TOKENS = sorted(
    ((key, tuple(text.lower().split())) for key, text, _ in LABELS),
    key=lambda item: -len(item[1]),
)

_BY_FIRST: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
for _key, _tokens in _TOKENS:
    _BY_FIRST.setdefault(_tokens[0], []).append((_key, _tokens))


@dataclass
class Hit:
    """One printed label: its words, and the first and last line it takes."""

    key: str
    line: Line
    last: Line
    words: list[Word]

    @property
    def colon(self) -> bool:
        return self.words[-1].text.endswith(":")

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def pos(self) -> tuple[int, float]:
        return self.line.pos


def find_hits(lines: list[Line], skip: set[tuple[int, int]]) -> list[Hit]:
    """Every label occurrence on ``lines`` (one page's lines, top to bottom)."""
    hits: list[Hit] = []
    taken: set[int] = set()  # words of a wrapped label, not to be read again on their line
    for li, line in enumerate(lines):
        if (line.page.number, line.index) in skip:
            continue
        starts = line.starts
        i = 0
        while i < len(line.words):
            hit = None if id(line.words[i]) in taken else _match_any(lines, li, i, starts)
            if hit is None:
                i += 1
                continue
            hits.append(hit)
            taken.update(id(w) for w in hit.words)
            i += sum(1 for w in hit.words if w in line.words)
    return _drop_values(hits, lines)


def _match_any(lines: list[Line], li: int, i: int, starts: frozenset[int]) -> Hit | None:
    for key, tokens in _BY_FIRST.get(lines[li].words[i].key, ()):
        words = _match(lines, li, i, tokens)
        if words is None:
            continue
        line, last = lines[li], words[1]
        # A label starts a cell, or says it is one with its colon ("Outcome: Employed" is not
        # two labels, but "Employed:" after it is).
        if i in starts or words[0][-1].text.endswith(":"):
            return Hit(key, line, last, words[0])
    return None


def _match(
    lines: list[Line], li: int, i: int, tokens: tuple[str, ...]
) -> tuple[list[Word], Line] | None:
    line, j = lines[li], i
    matched: list[Word] = []
    for n, token in enumerate(tokens):
        cell_ended = j >= len(line.words) or j in line.starts
        if n and cell_ended and line is lines[li]:
            line, j = _wrapped(lines, li, matched)
        if j >= len(line.words) or line.words[j].key != token:
            return None
        if line.words[j].text.endswith(":") and n < len(tokens) - 1:
            return None
        matched.append(line.words[j])
        j += 1
    if j < len(line.words) and line.words[j].text == ":":
        matched.append(line.words[j])
        j += 1
    if j < len(line.words) and j not in line.starts and not matched[-1].text.endswith(":"):
        return None  # the words go on: "Activity Center" is a value, not the label "Activity"
    return matched, line


def _wrapped(lines: list[Line], li: int, matched: list[Word]) -> tuple[Line, int]:
    """Where a label wrapped onto the next line goes on ("Assigned Hours per" / "Week:")."""
    line = lines[li]
    if li + 1 >= len(lines) or lines[li + 1].top - line.bottom > 0.8 * line.height:
        return line, len(line.words)
    below = lines[li + 1]
    left, right = matched[0].x0 - 3, matched[-1].x1
    for k, word in enumerate(below.words):
        if left <= word.x0 <= right and k in below.starts:
            return below, k
    return line, len(line.words)


def _drop_values(hits: list[Hit], lines: list[Line]) -> list[Hit]:
    """Leave out label words that are another label's value ("Outcome: Employed")."""
    kept = []
    for hit in hits:
        if not hit.colon and (
            _after_colon_label(hit, hits)
            or _under_label_row(hit, hits, lines)
            or _label_again_later(hit, hits)
        ):
            continue
        kept.append(hit)
    return kept


def _label_again_later(hit: Hit, hits: list[Hit]) -> bool:
    """ "Outcome  Employed  Employed  Yes": of one label twice on a line, the first is a value."""
    return any(h.key == hit.key and h.line is hit.line and h.x0 > hit.x1 for h in hits)


def _after_colon_label(hit: Hit, hits: list[Hit]) -> bool:
    line = hit.line
    before = [h for h in hits if h.last is line and h.x1 <= hit.x0 and h is not hit]
    if not before:
        return False
    previous = max(before, key=lambda h: h.x1)
    between = [w for w in line.words if previous.x1 < w.x0 < hit.x0 and w not in previous.words]
    return previous.colon and not between


def _under_label_row(hit: Hit, hits: list[Hit], lines: list[Line]) -> bool:
    """In labels-above layouts, a value that reads like a label sits under a row of labels."""
    index = lines.index(hit.line)
    if index == 0 or _all_labels(hit.line, hits):
        return False
    above = lines[index - 1]
    close = hit.line.top - above.bottom <= 2.5 * hit.line.height
    return close and _all_labels(above, hits)


def _all_labels(line: Line, hits: list[Hit]) -> bool:
    used = {id(w) for h in hits if line in (h.line, h.last) for w in h.words}
    return bool(used) and all(id(w) in used for w in line.words)
