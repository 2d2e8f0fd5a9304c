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


def find_all_hits(pages: list[list[Line]], skip: set[tuple[int, int]]) -> list[Hit]:
    """Every label occurrence on every page, leaving out values that read like labels.

    A value is told from a label by its page's lines, and by the labels of every page: a page
    break can fall between "Outcome" / "Employed" and "Employed" / "Yes".
    """
    found = [_occurrences(lines, skip) for lines in pages]
    every = [hit for hits in found for hit in hits]
    return [
        hit
        for lines, hits in zip(pages, found, strict=True)
        for hit in _drop_values(hits, lines, every)
    ]


def find_hits(lines: list[Line], skip: set[tuple[int, int]]) -> list[Hit]:
    """Every label occurrence on ``lines`` (one page's lines, top to bottom)."""
    hits = _occurrences(lines, skip)
    return _drop_values(hits, lines, hits)


def _occurrences(lines: list[Line], skip: set[tuple[int, int]]) -> list[Hit]:
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
    return hits


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
    row, j = li, i
    line = lines[row]
    matched: list[Word] = []
    for n, token in enumerate(tokens):
        here = j < len(line.words) and j not in line.starts and line.words[j].key == token
        if n and not here:
            # The label goes on under itself, wrapped in its cell, its value (if any) beside
            # a line of it: "Assigned Hours per  32" / "Week:".
            row, j = _wrapped(lines, row, matched)
            line = lines[row]
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


def _wrapped(lines: list[Line], row: int, matched: list[Word]) -> tuple[int, int]:
    """The line and word where a label goes on under ``matched``, or past the end of ``row``."""
    line = lines[row]
    if row + 1 >= len(lines) or lines[row + 1].top - line.bottom > 0.8 * line.height:
        return row, len(line.words)
    below = lines[row + 1]
    left, right = matched[0].x0 - 3, max(w.x1 for w in matched)
    for k, word in enumerate(below.words):
        if left <= word.x0 <= right and k in below.starts:
            return row + 1, k
    return row, len(line.words)


def _drop_values(hits: list[Hit], lines: list[Line], every: list[Hit]) -> list[Hit]:
    """Leave out label words that are another label's value ("Outcome: Employed")."""
    kept = []
    for hit in hits:
        if not hit.colon and (
            _after_colon_label(hit, hits)
            or _under_label_row(hit, hits, lines)
            or _label_again_later(hit, hits, lines, every)
        ):
            continue
        kept.append(hit)
    return kept


def _label_again_later(hit: Hit, hits: list[Hit], lines: list[Line], every: list[Hit]) -> bool:
    """Of one label found twice, the first is a value ("Outcome  Employed  Employed  Yes").

    On one line; or on lines one under the other ("Outcome:" / "Employed" / "Employed:"),
    when the later one has the colon this one lacks, or this one sits under a label.
    """
    for other in every:
        if other.key != hit.key or other is hit:
            continue
        if other.line is hit.line and other.x0 > hit.x1:
            return True
        if other.pos > hit.pos and (other.colon or _under_labels(hit, hits, lines)):
            return True
    return False


def _after_colon_label(hit: Hit, hits: list[Hit]) -> bool:
    line = hit.line
    before = [h for h in hits if h.last is line and h.x1 <= hit.x0 and h is not hit]
    if not before:
        return False
    previous = max(before, key=lambda h: h.x1)
    between = [w for w in line.words if previous.x1 < w.x0 < hit.x0 and w not in previous.words]
    return previous.colon and not between


def _under_label_row(hit: Hit, hits: list[Hit], lines: list[Line]) -> bool:
    """In labels-above layouts, a value that reads like a label sits under a row of labels.

    Each cell of such a value row starts under a label; a label with its value beside it,
    under a label whose value was left empty, has that value where no label is above.
    """
    return not _all_labels(hit.line, hits) and _under_labels(hit, hits, lines)


def _under_labels(hit: Hit, hits: list[Hit], lines: list[Line]) -> bool:
    """Whether each cell of ``hit``'s line starts under a label on the line just above."""
    index = lines.index(hit.line)
    if index == 0:
        return False
    above = lines[index - 1]
    close = hit.line.top - above.bottom <= 2.5 * hit.line.height
    # A row of labels starts labels; the ends of labels wrapped from the line before do not.
    labels = [h.x0 for h in hits if h.line is above]
    if not (close and labels and _all_labels(above, hits)):
        return False
    starts = [hit.line.words[i].x0 for i in hit.line.starts]
    return all(any(abs(x - label) <= hit.line.height for label in labels) for x in starts)


def _all_labels(line: Line, hits: list[Hit]) -> bool:
    used = {id(w) for h in hits if line in (h.line, h.last) for w in h.words}
    return bool(used) and all(id(w) in used for w in line.words)
