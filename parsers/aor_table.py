"""Section B from page text: rows found by their dates, cells placed by the column headings."""

from __future__ import annotations

from dataclasses import dataclass, field

from parsers.aor_columns import MIN_HEADINGS, Columns, Heading, build_columns, headings, refine
from parsers.aor_geometry import Line, heading_section, is_furniture
from parsers.aor_labels import COLUMNS, HOUR_FIELDS
from parsers.hours import looks_like_date

_END_WORDS = ("outcome", "employed", "comments")


@dataclass
class Table:
    """The rows and TOTAL of Section B, and the lines they took (left out of label search)."""

    rows: list[dict[str, str]] = field(default_factory=list)
    totals: dict[str, str] | None = None
    missing_columns: list[str] = field(default_factory=list)
    used: set[tuple[int, int]] = field(default_factory=set)
    end: tuple[int, float] | None = None
    closed: bool = False
    # The table's lines under its last heading row, on that page and the pages continuing it.
    seen: list[Line] = field(default_factory=list)


@dataclass
class _Row:
    line: Line
    parts: list[tuple[float, dict[str, str]]]


def read_table(pages: list[list[Line]]) -> Table | None:
    """Section B across pages; None when no page has the column headings."""
    table: Table | None = None
    columns: Columns | None = None
    found_headings: list[Heading] = []
    for lines in pages:
        start, found = _find_heading(lines)
        if found is not None and (table is None or not table.closed):
            columns = build_columns(found[0], lines[start], lines[start].page.vertical)
            table = table or Table(missing_columns=[c for c in COLUMNS if c not in columns.names])
            table.used.update(_key(line) for line in lines[start : found[1] + 1])
            found_headings = found[0]
            _read_page(table, lines[found[1] + 1 :], columns, found_headings, headed=True)
        elif table is not None and columns is not None and not table.closed:
            # A page without headings continues the columns of the last page with them.
            _read_page(table, lines, columns, found_headings, headed=False)
        if table is not None and table.closed:
            break
    return table


def _key(line: Line) -> tuple[int, int]:
    return (line.page.number, line.index)


def _find_heading(lines: list[Line]) -> tuple[int, tuple[list[Heading], int] | None]:
    """Index of the heading row, its headings, and the last line the headings take."""
    for i, line in enumerate(lines):
        found = headings(line)
        if len(found) < MIN_HEADINGS:
            continue
        last = i
        # Headings wrapped onto a second line ("Excused" over "Code") join the first.
        if i + 1 < len(lines) and lines[i + 1].top - line.bottom < 0.8 * line.height:
            extra = [h for h in headings(lines[i + 1]) if h.column not in {f.column for f in found}]
            if extra:
                found, last = sorted(found + extra, key=lambda h: h.x0), i + 1
        return i, (found, last)
    return 0, None


def _read_page(
    table: Table, lines: list[Line], columns: Columns, found: list[Heading], headed: bool
) -> None:
    region, ended = _region(lines, columns)
    lead: list[Line] = []
    if table.rows:
        # Above the first dated row of a continued page: the end of a cell the page break
        # cut, and on a page without headings the page's header (name, case number).
        dated = (i for i, ln in enumerate(region) if looks_like_date(ln.words[0].text))
        first = next(dated, len(region))
        lead, region = region[:first], region[first:]
    table.seen = [*table.seen, *region] if not headed else list(region)
    # The TOTAL row's figures stand in their columns too ("4" under Unexcused, not Code).
    total = [ended] if ended is not None and _is_total(ended, columns) else []
    if found and table.seen:
        columns = refine(columns, found, table.seen + total)
    carried = _carry_over(table, lead, columns)
    if headed:
        region = lead[carried:] + region
    rows, loose = _classify(region, columns, started=headed)
    _attach(rows, loose)
    for row in rows:
        table.rows.append(_merge(row))
        table.used.add(_key(row.line))
    table.used.update(_key(line) for line, _ in loose)
    if region:
        table.end = region[-1].pos
    if ended is not None:
        table.closed, table.end = True, ended.pos
        if _is_total(ended, columns):
            table.used.add(_key(ended))
            cells = columns.assign(ended.words[1:])
            table.totals = {c: cells.get(c, "") for c in HOUR_FIELDS}


def _carry_over(table: Table, lines: list[Line], columns: Columns) -> int:
    """Give the previous page's last row the lines that go on with its cells (a wrapped note).

    Such a line has no date and text only in columns where that row has text; the first line
    that is not one (the repeated participant name) ends them. Returns how many there were.
    """
    last = table.rows[-1] if table.rows else {}
    for n, line in enumerate(lines):
        cells = {column: text for column, text in _cells(columns, line).items() if text}
        if not cells or "date" in cells or not cells.keys() <= {c for c, t in last.items() if t}:
            return n
        for column, text in cells.items():
            last[column] = f"{last[column]} {text}"
        table.used.add(_key(line))
    return len(lines)


def _region(lines: list[Line], columns: Columns) -> tuple[list[Line], Line | None]:
    """The page's table lines, and the line that ends the table (TOTAL or next section)."""
    region: list[Line] = []
    for line in lines:
        if is_furniture(line) or len(headings(line)) >= MIN_HEADINGS:
            continue
        first = line.words[0]
        at_left = first.center < _second_column(columns)
        if _is_total(line, columns) or heading_section(line) in ("C", "D", "E"):
            return region, line
        if at_left and first.key in _END_WORDS:
            return region, line
        region.append(line)
    return region, None


def _second_column(columns: Columns) -> float:
    return columns.left_of(columns.names[1]) if len(columns.names) > 1 else float("inf")


def _is_total(line: Line, columns: Columns) -> bool:
    first = line.words[0]
    return first.key in ("total", "totals") and first.center < _second_column(columns)


def _classify(
    region: list[Line], columns: Columns, started: bool
) -> tuple[list[_Row], list[tuple[Line, dict[str, str]]]]:
    """Rows (a date, or hours without a date) and loose lines (wrapped text of a row)."""
    rows: list[_Row] = []
    loose: list[tuple[Line, dict[str, str]]] = []
    for line in region:
        cells = _cells(columns, line)
        dated = looks_like_date(cells.get("date", ""))
        has_hours = any(cells.get(c) for c in HOUR_FIELDS)
        if dated or (started and has_hours):
            rows.append(_Row(line, [(line.top, cells)]))
            started = True
        elif started and not cells.get("date"):
            loose.append((line, cells))
    return rows, loose


def _cells(columns: Columns, line: Line) -> dict[str, str]:
    cells = columns.assign(line.words)
    date = cells.get("date", "").split()
    if len(date) > 1 and looks_like_date(date[0]):
        # "09/01/2025 Mon" in one cell when the Day column is narrow or missing.
        cells["date"] = date[0]
        cells["day"] = " ".join([*date[1:], cells.get("day", "")]).strip()
    return cells


def _attach(rows: list[_Row], loose: list[tuple[Line, dict[str, str]]]) -> None:
    """Give each loose line to the row whose wrapped cell it continues, else the nearest row.

    Text wrapped in a top-aligned cell runs on under its row for as many lines as it takes,
    the last of them nearer the next row than its own: a loose line continues the row just
    above it when that row already has text in each of its columns. Otherwise it goes to the
    nearest row that no horizontal rule separates it from (text centred on its row).
    """
    ends = {id(row): row.line for row in rows}
    for line, cells in loose:
        above = _continued(rows, ends, line, cells)
        if above is not None:
            above.parts.append((line.top, cells))
            ends[id(above)] = line
            continue
        candidates = sorted(rows, key=lambda r: abs(r.line.middle - line.middle))[:2]
        free = [r for r in candidates if not _ruled_between(line, r.line)]
        best = (free or candidates)[:1]
        if best and abs(best[0].line.middle - line.middle) <= 2.5 * line.height:
            best[0].parts.append((line.top, cells))


def _continued(
    rows: list[_Row], ends: dict[int, Line], line: Line, cells: dict[str, str]
) -> _Row | None:
    """The row ``line`` runs on from: the one ending just above it, with text in its columns."""
    before = [row for row in rows if ends[id(row)].top < line.top]
    if not before:
        return None
    row = max(before, key=lambda r: ends[id(r)].top)
    end = ends[id(row)]
    filled = {column for _, part in row.parts for column, text in part.items() if text}
    close = line.top - end.bottom <= line.height
    if close and {c for c, text in cells.items() if text} <= filled:
        return None if _ruled_between(line, end) else row
    return None


def _ruled_between(a: Line, b: Line) -> bool:
    low, high = sorted((a.middle, b.middle))
    x = a.words[0].center
    return any(
        low < r.top < high and r.x0 <= x <= r.x1 for r in a.page.horizontal if r.x1 - r.x0 > 20
    )


def _merge(row: _Row) -> dict[str, str]:
    merged: dict[str, list[str]] = {}
    for _, cells in sorted(row.parts, key=lambda part: part[0]):
        for column, text in cells.items():
            merged.setdefault(column, []).append(text)
    return {column: " ".join(texts) for column, texts in merged.items()}
