"""Section B's columns: found from the heading words, bounded by rules or by empty channels."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from parsers.aor_geometry import Line, Rule, Word
from parsers.aor_labels import COLUMNS

_KEYWORDS = {word: column for column, words in COLUMNS.items() for word in words}
# A line with this many column headings is the table's heading row.
MIN_HEADINGS = 4


@dataclass(frozen=True)
class Heading:
    column: str
    x0: float
    x1: float


@dataclass
class Columns:
    """Column names left to right and the x where each one ends (the last never ends)."""

    names: list[str]
    ends: list[float]

    def assign(self, words: list[Word]) -> dict[str, str]:
        """The text of each column on a line; a word belongs where its center falls."""
        cells: dict[str, list[str]] = {}
        for word in words:
            index = next((i for i, end in enumerate(self.ends) if word.center < end), -1)
            cells.setdefault(self.names[index], []).append(word.text)
        return {name: " ".join(texts) for name, texts in cells.items()}

    def left_of(self, column: str) -> float:
        index = self.names.index(column)
        return self.ends[index - 1] if index else float("-inf")


def headings(line: Line) -> list[Heading]:
    """The column headings on a line, one per column, left to right."""
    found: dict[str, Heading] = {}
    for chunk in _chunks(line):
        for heading in _split(chunk):
            found.setdefault(heading.column, heading)
    return sorted(found.values(), key=lambda h: h.x0)


def _chunks(line: Line) -> list[list[Word]]:
    """The heading cells of a line: split at a gap wider than a space, or at a rule."""
    rules = [r.x0 for r in line.page.vertical if r.top <= line.middle <= r.bottom]
    chunks: list[list[Word]] = []
    for word in line.words:
        if chunks:
            last = chunks[-1][-1]
            ruled = any(last.x1 - 1 <= x <= word.x0 + 1 for x in rules)
            if not ruled and word.x0 - last.x1 < 0.45 * word.height:
                chunks[-1].append(word)
                continue
        chunks.append([word])
    return chunks


def _split(chunk: list[Word]) -> list[Heading]:
    keys = [_KEYWORDS.get(w.key) for w in chunk]
    if "code" in keys and "exc" in keys:
        keys = [None if k == "exc" else k for k in keys]  # "Excused Code" is the Code column
    marks = [i for i, key in enumerate(keys) if key]
    parts = []
    for n, i in enumerate(marks):
        first = 0 if n == 0 else i  # words before the first heading word belong to it
        last = marks[n + 1] if n + 1 < len(marks) else len(chunk)
        column = keys[i]
        assert column is not None
        parts.append(Heading(column, chunk[first].x0, chunk[last - 1].x1))
    return parts


def build_columns(found: list[Heading], line: Line, rules: list[Rule]) -> Columns:
    """Columns bounded by the vertical rules crossing the heading row, else by heading starts."""
    ends = []
    for a, b in itertools.pairwise(found):
        crossing = [
            r.x0
            for r in rules
            if a.x1 - 1 <= r.x0 <= b.x0 + 1
            and r.top <= line.bottom + 2
            and r.bottom >= line.top - 2
        ]
        ends.append(max(crossing) if crossing else b.x0 - 1.0)
    return Columns([h.column for h in found], [*ends, float("inf")])


def refine(columns: Columns, found: list[Heading], lines: list[Line], ruled: bool) -> Columns:
    """Move each unruled boundary into the empty channel that best separates two columns.

    A heading need not sit over its cells: centred over left-aligned notes, or left of
    right-aligned numbers. Of the channels no cell text crosses between two headings, the
    one is taken that leaves each column's cells most evenly aligned (left, right or centre).
    """
    if ruled:
        return columns
    spans = [span for line in lines for span in _cell_spans(line)]
    ends = list(columns.ends)
    for i, (a, b) in enumerate(itertools.pairwise(found)):
        low = ends[i - 1] if i else float("-inf")
        high = found[i + 2].x0 if i + 2 < len(found) else float("inf")
        channels = _channels(a.x1, b.x0, spans)
        if channels:
            ends[i] = min(
                channels, key=lambda s: (_spread(spans, low, s) + _spread(spans, s, high), -s)
            )
    return Columns(columns.names, ends)


def _cell_spans(line: Line) -> list[tuple[float, float]]:
    """Runs of words closer than a wide space: the text of one cell."""
    spans: list[tuple[float, float]] = []
    for word in line.words:
        if spans and word.x0 - spans[-1][1] < 0.45 * word.height:
            spans[-1] = (spans[-1][0], word.x1)
        else:
            spans.append((word.x0, word.x1))
    return spans


def _channels(left: float, right: float, spans: list[tuple[float, float]]) -> list[float]:
    """Middles of the x ranges between ``left`` and ``right`` that no span crosses."""
    if right <= left:
        return []
    free, cursor = [], left
    for x0, x1 in sorted(s for s in spans if s[1] > left and s[0] < right):
        if x0 > cursor:
            free.append((cursor + x0) / 2)
        cursor = max(cursor, x1)
    if cursor < right:
        free.append((cursor + right) / 2)
    return free


def _spread(spans: list[tuple[float, float]], low: float, high: float) -> float:
    """How unevenly the spans centred in [low, high) line up, by their best-aligned edge."""
    inside = [(x0, x1) for x0, x1 in spans if low <= (x0 + x1) / 2 < high]
    if len(inside) < 2:
        return 0.0
    edges = (
        [x0 for x0, _ in inside],
        [x1 for _, x1 in inside],
        [(x0 + x1) / 2 for x0, x1 in inside],
    )
    return min(max(e) - min(e) for e in edges)
