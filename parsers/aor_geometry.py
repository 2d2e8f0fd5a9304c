"""Words, ruling lines and text lines of a page, and the page furniture every AOR page carries."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 1.0)

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def key(self) -> str:
        """The word as a label token: lower case, without surrounding punctuation."""
        return self.text.lower().strip(":.,;()")


@dataclass(frozen=True)
class Rule:
    """A ruling line (or a thin rectangle's edge) drawn on the page."""

    x0: float
    x1: float
    top: float
    bottom: float


@dataclass
class Page:
    number: int
    width: float
    height: float
    words: list[Word]
    vertical: list[Rule] = field(default_factory=list)
    horizontal: list[Rule] = field(default_factory=list)
    has_images: bool = False
    # Indexes of the lines that recur on every page: a program's own header and footer.
    repeated: set[int] = field(default_factory=set)


@dataclass(eq=False)
class Line:
    """Words that share a baseline band on one page, left to right (never changed once built)."""

    page: Page
    index: int
    words: list[Word]
    # Tab stops, in whole points: where cells start on one of the three lines above and one
    # below (inside a block of fields), or on two of them on one side (at its edge).
    stops: frozenset[int] = frozenset()
    edge_stops: frozenset[int] = frozenset()

    @cached_property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @cached_property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @cached_property
    def height(self) -> float:
        return max(w.height for w in self.words)

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def pos(self) -> tuple[int, float]:
        """Reading order across pages."""
        return (self.page.number, self.top)

    @cached_property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @cached_property
    def starts(self) -> frozenset[int]:
        """Indexes of words that begin a cell: first on the line, after a wide gap or a rule,
        or at a tab stop of the lines around (a spreadsheet cell filled to its edge can sit
        nearer the next cell than a space; at a block's edge, a little further than one).
        """
        rules = [r.x0 for r in self.page.vertical if r.top <= self.middle <= r.bottom]
        starts = set(self.spaced)
        for i, (a, b) in enumerate(itertools.pairwise(self.words), 1):
            ruled = any(a.x1 - 1 <= x <= b.x0 + 1 for x in rules)
            near, gap = {round(b.x0) - 1, round(b.x0), round(b.x0) + 1}, b.x0 - a.x1
            inside = near & self.stops and gap >= 1.0
            edge = near & self.edge_stops and gap > 1.2 * (self.space or 0.3 * b.height)
            if ruled or inside or edge:
                starts.add(i)
        return frozenset(starts)

    @cached_property
    def spaced(self) -> frozenset[int]:
        """Indexes of words after a gap wide for the text: 0.9 of its height, or 1.6 times
        the line's own word space when it has one (a web page's cells sit only their
        padding apart)."""
        starts = {0}
        for i, (a, b) in enumerate(itertools.pairwise(self.words), 1):
            gap, height = b.x0 - a.x1, b.height
            space = _monospaced(a, b) or self.space
            if gap >= 0.9 * height or (space and gap >= max(1.6 * space, 0.45 * height)):
                starts.add(i)
        return frozenset(starts)

    @cached_property
    def space(self) -> float | None:
        """The line's word space: its narrowest gap, when that is as narrow as a space.

        In a monospaced font a space is as wide as any character, wider than that narrowest
        gap may be: when every word's characters are equally wide, that width.
        """
        widths = [(w.x1 - w.x0) / len(w.text) for w in self.words if len(w.text) >= 2]
        if len(widths) >= 3 and max(widths) <= 1.03 * min(widths):
            return sum(widths) / len(widths)
        pairs = itertools.pairwise(self.words)
        spaces = [b.x0 - a.x1 for a, b in pairs if 0 < b.x0 - a.x1 <= 0.35 * b.height]
        return min(spaces) if spaces else None


def _monospaced(a: Word, b: Word) -> float | None:
    """The character width of two words set in one monospaced font (a space is as wide), or
    None: a line can mix a monospaced label with a value in another font."""
    if len(a.text) < 2 or len(b.text) < 2:
        return None
    wide_a, wide_b = (a.x1 - a.x0) / len(a.text), (b.x1 - b.x0) / len(b.text)
    return (wide_a + wide_b) / 2 if abs(wide_a - wide_b) <= 0.03 * max(wide_a, wide_b) else None


def build_lines(page: Page) -> list[Line]:
    """Group a page's words into lines by the middle of each word (shrunk text still joins)."""
    lines: list[list[Word]] = []
    for word in sorted(page.words, key=lambda w: (w.middle, w.x0)):
        if lines:
            first = lines[-1][0]
            if abs(word.middle - first.middle) <= 0.45 * max(word.height, first.height):
                lines[-1].append(word)
                continue
        lines.append([word])
    built = [Line(page, i, sorted(words, key=lambda w: w.x0)) for i, words in enumerate(lines)]
    cells = [{round(line.words[i].x0) for i in line.spaced if i} for line in built]
    for k, line in enumerate(built):
        above = Counter(x for near in cells[max(k - 3, 0) : k] for x in near)
        below = Counter(x for near in cells[k + 1 : k + 4] for x in near)
        line.stops = frozenset(above.keys() & below.keys())
        line.edge_stops = frozenset(x for x, n in (above | below).items() if n >= 2)
    return built


_FURNITURE = re.compile(
    r"F063-41-420|\bpage \d+ of \d+\b|^county of orange social services agency$|"
    r"attendance and outcome report",
    re.IGNORECASE,
)
_SECTIONS = {
    "participant and activity": "A",
    "daily attendance record": "B",
    "outcome": "C",
    "comments": "D",
    "prepared by": "E",
}
_NAMES = "|".join(_SECTIONS)
_HEADING = re.compile(rf"^(?:section\s+)?[A-E]\s*[.:)\-–]?\s*[-–]?\s*({_NAMES})\b", re.IGNORECASE)
# Without the letter, only the headings that can never be labels are recognised.
_BARE_HEADING = re.compile(r"^(participant and activity|daily attendance record)\b", re.IGNORECASE)


def is_furniture(line: Line) -> bool:
    """Title, agency line and footer: on every page, never part of a value."""
    return line.index in line.page.repeated or bool(_FURNITURE.search(line.text))


def mark_repeated(pages: list[list[Line]]) -> None:
    """Mark the first and last lines found at the same place on every page, but for the page's
    number.

    A browser prints its own header and footer (date, title, address, "1/2") on each page;
    they belong to no section of the AOR. Lines within the page are left alone: one date can
    fall at the same place on two pages.
    """
    if len(pages) < 2:
        return
    first, *others = [lines[:2] + lines[2:][-2:] for lines in pages]
    for line in first:
        twins = [_twin(line, lines, number) for number, lines in enumerate(others, 2)]
        if all(twins):
            for twin in (line, *twins):
                assert twin is not None
                twin.page.repeated.add(twin.index)


def _twin(line: Line, lines: list[Line], number: int) -> Line | None:
    """The line of page ``number`` at ``line``'s place with its text, page 1 read as ``number``."""
    text = " ".join(_page_number(w.text, 1) for w in line.words)
    for other in lines:
        place = abs(other.top - line.top) <= 2 and abs(other.words[0].x0 - line.words[0].x0) <= 2
        if place and " ".join(_page_number(w.text, number) for w in other.words) == text:
            return other
    return None


def _page_number(word: str, number: int) -> str:
    """``word`` with the page number ``number`` (alone, or as ``N/M``) masked."""
    head, _, tail = word.partition("/")
    return f"#/{tail}" if head == str(number) and (not tail or tail.isdigit()) else word


def heading_section(line: Line) -> str | None:
    """The section letter when the line is a section heading such as ``C. Outcome``."""
    match = _HEADING.match(line.text) or _BARE_HEADING.match(line.text)
    return _SECTIONS[match.group(1).lower()] if match else None


def is_title(line: Line) -> bool:
    text = line.text.upper()
    return "ATTENDANCE AND OUTCOME REPORT" in text or "F063-41-420" in text
