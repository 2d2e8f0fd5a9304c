"""A scanned page made fit to read: levelled, its paper whitened, its ruling lines found."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from PIL import Image

# Ink is what is darker than this once the page's contrast is stretched.
INK = 150
# A ruling line: ink over this share of every stretch of SPAN pixels along it.
SPAN = 16
RULED = 0.75
# The shortest ruling lines: a table's rows, a form's boxes (upright sides are short).
MIN_RULE_POINTS = 50.0
MIN_SIDE_POINTS = 20.0
MAX_SKEW = 5.0  # degrees a page may lean on the glass


@dataclass(frozen=True)
class Rule:
    """A ruling line in pixels: x0, x1, top, bottom (inclusive of its thickness)."""

    x0: int
    x1: int
    top: int
    bottom: int


@dataclass
class CleanPage:
    """The page levelled and cleaned, ready for OCR, with its ruling lines removed from it."""

    image: Image.Image
    dpi: float
    skew: float  # degrees the page was turned by to level it
    horizontal: list[Rule] = field(default_factory=list)
    vertical: list[Rule] = field(default_factory=list)


def clean_page(image: Image.Image, dpi: float) -> CleanPage:
    """``image`` (grey) levelled, contrast stretched, ruling lines lifted."""
    # Not autocontrast: on a page of little text, its darkest 1% is paper grain, and
    # stretching that to black would cover the page with specks.
    grey = image.convert("L")
    angle = skew(grey)
    if abs(angle) >= 0.05:
        grey = grey.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    # No despeckling: dust is single dots OCR passes over, and a filter that took it took the
    # thin strokes and full stops of 7-point print too ("5.25" read as "525").
    grey = _whitened(grey)
    ink = grey.point(lambda v: 255 if v < INK else 0)
    horizontal = _rules(ink, int(MIN_RULE_POINTS * dpi / 72), across=False)
    vertical = _rules(ink, int(MIN_SIDE_POINTS * dpi / 72), across=True)
    page = CleanPage(grey, dpi, angle, horizontal, vertical)
    _lift(page)
    return page


def _whitened(grey: Image.Image) -> Image.Image:
    """The paper made white and the ink stretched to black: grain left on paper is no text.

    Paper is the page's commonest grey; its grain spreads it by some levels either way
    (sensor noise, JPEG). Whatever lies within three spreads of it is paper. The ink's
    darkest tenth is made black: thin print (Courier, 7 points) scans as grey, not black.
    """
    histogram = grey.histogram()
    paper_levels = histogram[INK + 20 :]
    total = sum(paper_levels)
    if not total:
        return grey
    median = _percentile(paper_levels, total, 0.5) + INK + 20
    low = _percentile(paper_levels, total, 0.16) + INK + 20
    cut = min(max(median - 3 * max(median - low, 3), INK + 10), median - 5)
    ink = histogram[:cut]
    black = min(_percentile(ink, sum(ink), 0.1), cut // 2) if sum(ink) else 0
    return grey.point(lambda v: 255 if v >= cut else max(v - black, 0) * 255 // (cut - black))


def _percentile(histogram: list[int], total: int, share: float) -> int:
    seen = 0
    for value, count in enumerate(histogram):
        seen += count
        if seen >= share * total:
            return value
    return len(histogram) - 1


def skew(grey: Image.Image) -> float:
    """The angle (degrees, counter-clockwise) that levels the page's lines of text.

    Levelled, each line of text is dense and each gap between lines empty: the rows' ink
    varies most from one row to the next. Tried coarse first, then finer around the best.
    """
    small = grey.reduce(4) if min(grey.size) > 800 else grey
    ink = small.point(lambda v: 255 if v < INK else 0)
    best = _best_angle(ink, [a / 4 for a in range(-4 * int(MAX_SKEW), 4 * int(MAX_SKEW) + 1)])
    fine = [best + a / 40 for a in range(-10, 11)]
    return _best_angle(ink, fine)


def _best_angle(ink: Image.Image, angles: list[float]) -> float:
    return max(angles, key=lambda angle: (_sharpness(ink, angle), -abs(angle)))


def _sharpness(ink: Image.Image, angle: float) -> float:
    turned = ink.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=0)
    rows = turned.resize((1, turned.height), Image.Resampling.BOX).tobytes()
    return float(sum((b - a) ** 2 for a, b in itertools.pairwise(rows)))


def _rules(ink: Image.Image, minimum: int, across: bool) -> list[Rule]:
    """Ruling lines at least ``minimum`` pixels long: horizontal ones, or vertical (across)."""
    if across:
        ink = ink.transpose(Image.Transpose.TRANSPOSE)
    width, height = ink.size
    segments = max(width // SPAN, 1)
    density = ink.resize((segments, height), Image.Resampling.BOX)
    data = density.tobytes()
    need = max(minimum // SPAN, 2)
    level = int(255 * RULED)
    runs: list[tuple[int, int, int]] = []  # row, first segment, last segment
    for y in range(height):
        row = data[y * segments : (y + 1) * segments]
        start = None
        for x in range(segments + 1):
            dark = x < segments and row[x] >= level
            if dark and start is None:
                start = x
            elif not dark and start is not None:
                if x - start >= need:
                    runs.append((y, start, x - 1))
                start = None
    rules = _merge(runs, width / segments)
    if across:
        return [Rule(r.top, r.bottom, r.x0, r.x1) for r in rules]
    return rules


def _merge(runs: list[tuple[int, int, int]], scale: float) -> list[Rule]:
    """Runs on neighbouring rows that overlap are one line, a few pixels thick."""
    rules: list[list[int]] = []  # x0, x1, top, bottom
    for y, first, last in runs:
        x0, x1 = int(first * scale), int((last + 1) * scale) - 1
        for rule in rules:
            if y - rule[3] <= 1 and x0 <= rule[1] and x1 >= rule[0]:
                rule[0], rule[1], rule[3] = min(rule[0], x0), max(rule[1], x1), y
                break
        else:
            rules.append([x0, x1, y, y])
    return [Rule(*rule) for rule in rules if rule[3] - rule[2] <= 12]


def _lift(page: CleanPage) -> None:
    """Paint the ruling lines out, so OCR reads no "|" or "_" where a cell's border is."""
    image = page.image
    # A little past each end too: where two lines meet, neither's run covers the corner.
    for rule in page.horizontal:
        image.paste(255, (rule.x0 - 6, rule.top - 2, rule.x1 + 7, rule.bottom + 3))
    for rule in page.vertical:
        image.paste(255, (rule.x0 - 2, rule.top - 6, rule.x1 + 3, rule.bottom + 7))
