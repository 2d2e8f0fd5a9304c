"""Read an AOR from page text: each label's value beside it or under it, by word positions."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from parsers.aor_find import Hit, find_all_hits
from parsers.aor_geometry import (
    Line,
    Page,
    build_lines,
    heading_section,
    is_furniture,
    is_title,
    mark_repeated,
)
from parsers.aor_labels import COLUMNS, SECTION_OF, RawAor
from parsers.aor_table import Table, read_table

END = (10**6, 0.0)
Pos = tuple[int, float]


@dataclass
class _Regions:
    """Where Sections A, C, D and E start and end in reading order."""

    table_end: Pos
    comments: Pos | None
    prepared: Pos

    def allows(self, hit: Hit) -> bool:
        section, pos = SECTION_OF[hit.key], hit.pos
        c_end = min(self.comments or END, self.prepared)
        if section == "A":
            return pos < self.table_end
        if section == "C":
            return self.table_end <= pos < c_end
        if section == "D":
            return self.table_end <= pos < self.prepared
        return pos >= self.prepared


@dataclass
class _Context:
    pages: list[list[Line]]
    table: Table | None
    hits: list[Hit]


def read_text(pages: list[Page]) -> tuple[RawAor, bool]:
    """The AOR as strings, and whether the pages look like an AOR at all."""
    lines = [build_lines(page) for page in pages]
    mark_repeated(lines)
    table = read_table(lines)
    skip = table.used if table else set()
    hits = find_all_hits(lines, skip)
    regions = _regions(lines, table, hits)
    hits = [h for h in hits if regions.allows(h)]
    context = _Context(lines, table, hits)
    raw = RawAor(source="text", page_count=len(pages))
    for hit in hits:
        if hit.key in ("comments", "signature"):
            continue
        if not raw.values.get(hit.key):
            raw.values[hit.key] = _value(context, hit)
    comments = _comments(context, regions)
    if comments is not None:
        raw.values["comments"] = comments
    if table is not None:
        raw.rows, raw.totals, raw.missing_columns = table.rows, table.totals, table.missing_columns
    else:
        raw.missing_columns = list(COLUMNS)  # no heading row: every column's label is missing
    titled = any(is_title(line) for page_lines in lines for line in page_lines)
    return raw, titled or (table is not None and len(raw.values) >= 5)


def _regions(lines: list[list[Line]], table: Table | None, hits: list[Hit]) -> _Regions:
    flat = [line for page_lines in lines for line in page_lines]
    if table is not None and table.end is not None:
        table_end = table.end
    else:
        starts = [line.pos for line in flat if heading_section(line) == "C"]
        starts += [h.pos for h in hits if h.key == "outcome"]
        table_end = min(starts, default=END)
    comments = [line.pos for line in flat if heading_section(line) == "D"]
    comments += [h.pos for h in hits if h.key == "comments"]
    comment = min((p for p in comments if p >= table_end), default=None)
    prepared = [line.pos for line in flat if heading_section(line) == "E"]
    prepared += [h.pos for h in hits if h.key == "prep_name"]
    after = comment or table_end
    return _Regions(table_end, comment, min((p for p in prepared if p >= after), default=END))


def _stops(context: _Context, line: Line, right: float, hit: Hit) -> bool:
    """A line that ends a value: furniture, a heading, the table, or a label in the way."""
    if is_furniture(line) or heading_section(line) is not None:
        return True
    if context.table is not None and (line.page.number, line.index) in context.table.used:
        return True
    return any(h is not hit and line in (h.line, h.last) and h.x0 < right for h in context.hits)


def _labelled(context: _Context, line: Line, hit: Hit) -> bool:
    return any(h is not hit and line in (h.line, h.last) for h in context.hits)


def _value(context: _Context, hit: Hit) -> str:
    lines = context.pages[hit.line.page.number - 1]
    right = min(
        (h.x0 for h in context.hits if h.line is hit.line and h.x0 > hit.x1),
        default=hit.line.page.width + 1,
    )
    # The label's lines, and text that shares them (a value shrunk to fit); a line holding
    # another label is that label's, however close tight line spacing sets it.
    band = [
        ln
        for ln in lines
        if hit.line.top - 1 <= ln.middle <= hit.last.bottom + 1
        and (ln in (hit.line, hit.last) or not _labelled(context, ln, hit))
    ]
    beside = [w for ln in band for w in ln.words if w.x0 >= hit.x1 - 0.5 and w.center < right]
    beside = [w for w in beside if w not in hit.words]
    if beside:
        left = min(w.x0 for w in beside) - 2
        first = [" ".join(w.text for w in beside)]
        return _join(first + _below(context, hit, band[-1], left, right, 0.8))
    return _join(_below(context, hit, hit.last, hit.x0 - 4, right, 2.0))


def _below(
    context: _Context, hit: Hit, after: Line, left: float, right: float, first_gap: float
) -> list[str]:
    """Text under ``after`` between ``left`` and ``right`` until a gap, label or heading.

    Over a page break, lines of the next page with text only in other cells (a neighbour's
    value the break set higher) are passed over until this cell's text.
    """
    texts: list[str] = []
    previous, gap, broken, passed = after, first_gap, False, 0
    for line, page_break in _following(context, after):
        broken = (broken or page_break) and not texts and passed < 2
        far = line.top - previous.bottom > gap * previous.height and not page_break
        if (far and not broken) or _stops(context, line, right, hit):
            break
        inside = [w for w in line.words if left <= w.center < right and w not in hit.words]
        others = [w for w in line.words if hit.x0 - 2 <= w.center < left and w not in hit.words]
        if broken and not inside and not others:
            previous, passed = line, passed + 1
            continue
        if not inside or others:
            break
        texts.append(" ".join(w.text for w in inside))
        previous, gap = line, 0.8
    return texts


def _following(context: _Context, after: Line) -> Iterator[tuple[Line, bool]]:
    """The lines after ``after``, furniture left out, on to the next page's first lines.

    A spreadsheet breaks its pages between any two rows: a label's value can start the next
    page. True marks that page's first line.
    """
    number = after.page.number
    lines = context.pages[number - 1]
    yield from ((line, False) for line in lines[lines.index(after) + 1 :] if not is_furniture(line))
    following = context.pages[number] if number < len(context.pages) else []
    for n, line in enumerate(ln for ln in following if not is_furniture(ln)):
        yield line, n == 0


def _join(texts: list[str]) -> str:
    return " ".join(" ".join(texts).split()).lstrip(":").strip()


def _comments(context: _Context, regions: _Regions) -> str | None:
    """Section D: every line from the Comments heading to Section E, furniture left out."""
    if regions.comments is None:
        return None
    label = next((h for h in context.hits if h.key == "comments"), None)
    texts = []
    for page_lines in context.pages:
        for line in page_lines:
            if not regions.comments <= line.pos < regions.prepared or is_furniture(line):
                continue
            words = [w for w in line.words if not (label and w in label.words)]
            if heading_section(line) == "D":
                words = [w for w in words if w.key not in ("comments", "d")]
            if words:
                texts.append(" ".join(w.text for w in words))
    return "\n".join(texts).lstrip(":").strip()
