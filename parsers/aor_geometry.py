"""Words, ruling lines and text lines of a page, and the page furniture every AOR page carries."""

from __future__ import annotations

import re
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


@dataclass(eq=False)
class Line:
    """Words that share a baseline band on one page, left to right (never changed once built)."""

    page: Page
    index: int
    words: list[Word]

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
        """Indexes of words that begin a cell: first on the line or after a wide gap."""
        starts = {0}
        for i in range(1, len(self.words)):
            gap = self.words[i].x0 - self.words[i - 1].x1
            if gap >= 0.9 * self.words[i].height:
                starts.add(i)
        return frozenset(starts)


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
    return [Line(page, i, sorted(words, key=lambda w: w.x0)) for i, words in enumerate(lines)]


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
    return bool(_FURNITURE.search(line.text))


def heading_section(line: Line) -> str | None:
    """The section letter when the line is a section heading such as ``C. Outcome``."""
    match = _HEADING.match(line.text) or _BARE_HEADING.match(line.text)
    return _SECTIONS[match.group(1).lower()] if match else None


def is_title(line: Line) -> bool:
    text = line.text.upper()
    return "ATTENDANCE AND OUTCOME REPORT" in text or "F063-41-420" in text
