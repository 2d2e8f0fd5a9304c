"""Section B's columns: found from the heading words, bounded by rules or by empty channels."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from parsers.aor_geometry import Line, Rule, Word
from parsers.aor_labels import COLUMNS, HOUR_FIELDS
from parsers.hours import looks_like_date, parse_hours

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
    ruled: list[bool] = field(default_factory=list)  # each end a rule crossing the headings

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
    ends: list[float] = []
    ruled: list[bool] = []
    for a, b in itertools.pairwise(found):
        crossing = [
            r.x0
            for r in rules
            if a.x1 - 1 <= r.x0 <= b.x0 + 1
            and r.top <= line.bottom + 2
            and r.bottom >= line.top - 2
        ]
        ends.append(max(crossing) if crossing else b.x0 - 1.0)
        ruled.append(bool(crossing))
    return Columns([h.column for h in found], [*ends, float("inf")], ruled)


def refine(columns: Columns, found: list[Heading], lines: list[Line]) -> Columns:
    """Move each unruled boundary into the empty channel that best separates two columns.

    A heading need not sit over its cells: centred over left-aligned notes, or left of
    right-aligned numbers. Of the channels no cell text crosses between two headings, the
    one is taken that puts the fewest cells in a column they cannot belong to (words under
    Unexcused), then that leaves each column's cells most evenly aligned.
    """
    # Word by word: a right-aligned number can sit a space's width from the next cell's text.
    spans = [(w.x0, w.x1, w.text, n) for n, line in enumerate(lines) for w in line.words]
    ends = list(columns.ends)
    for i, (a, b) in enumerate(itertools.pairwise(found)):
        low = ends[i - 1] if i else float("-inf")
        high = found[i + 2].x0 if i + 2 < len(found) else float("inf")
        channels = _channels(a.x1, b.x0, spans)
        if channels and not (columns.ruled and columns.ruled[i]):
            ends[i] = _best(channels, spans, (low, high), (a.column, b.column))
    return Columns(columns.names, ends, columns.ruled)


Span = tuple[float, float, str, int]  # x0, x1, text and line of one word


def _best(
    channels: list[float], spans: list[Span], bounds: tuple[float, float], names: tuple[str, str]
) -> float:
    """The channel with the fewest misplaced cells, then the most even columns, rightmost."""
    (low, high), (left, right) = bounds, names

    def cost(s: float) -> tuple[float, float, float]:
        misfits = _misfits(spans, low, s, left) + _misfits(spans, s, high, right)
        spread = _spread(spans, low, s, left) + _spread(spans, s, high, right)
        return misfits, spread, -s

    return min(channels, key=cost)


_CODE = re.compile(r"[A-Za-z]{2,5}|[-–—]")


def _fits(column: str, text: str) -> bool:
    """Whether ``text`` can be a cell of ``column``: hours, a code, a date, a weekday."""
    if column in HOUR_FIELDS:
        return parse_hours(text) is not None
    if column == "code":
        return bool(_CODE.fullmatch(text))
    if column == "date":
        return looks_like_date(text.split()[0]) or text.lower().startswith("total")
    if column == "day":
        return text.isalpha()
    return True


def _misfits(spans: list[Span], low: float, high: float, column: str) -> int:
    return sum(
        1 for x0, x1, text, _ in spans if low <= (x0 + x1) / 2 < high and not _fits(column, text)
    )


def _channels(left: float, right: float, spans: list[Span]) -> list[float]:
    """Middles of the x ranges between ``left`` and ``right`` that no span crosses."""
    if right <= left:
        return []
    free, cursor = [], left
    for x0, x1, _text, _line in sorted(s for s in spans if s[1] > left and s[0] < right):
        if x0 > cursor:
            free.append((cursor + x0) / 2)
        cursor = max(cursor, x1)
    if cursor < right:
        free.append((cursor + right) / 2)
    return free


def _spread(spans: list[Span], low: float, high: float, column: str) -> float:
    """How unevenly the cells of ``column`` centred in [low, high) line up, by their best edge.

    A word that cannot be the column's (notes reaching under Unexcused) is another column's,
    and so is every word after it on its line ("2:30" of "left at 2:30").
    """
    inside: list[tuple[float, float]] = []
    words = sorted((s[3], s[0], s) for s in spans if low <= (s[0] + s[1]) / 2 < high)
    for _, line_words in itertools.groupby(words, key=lambda item: item[0]):
        for _line, _x, (x0, x1, text, _n) in line_words:
            if not _fits(column, text):
                break
            inside.append((x0, x1))
    if len(inside) < 2:
        return 0.0
    edges = (
        [x0 for x0, _ in inside],
        [x1 for _, x1 in inside],
        [(x0 + x1) / 2 for x0, x1 in inside],
    )
    return min(max(e) - min(e) for e in edges)
