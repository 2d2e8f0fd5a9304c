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


@dataclass
class _Row:
    line: Line
    parts: list[tuple[float, dict[str, str]]]


def read_table(pages: list[list[Line]]) -> Table | None:
    """Section B across pages; None when no page has the column headings."""
    table: Table | None = None
    columns: Columns | None = None
    for lines in pages:
        start, found = _find_heading(lines)
        if found is not None and (table is None or not table.closed):
            columns = build_columns(found[0], lines[start], lines[start].page.vertical)
            table = table or Table(missing_columns=[c for c in COLUMNS if c not in columns.names])
            table.used.update(_key(line) for line in lines[start : found[1] + 1])
            _read_page(table, lines[found[1] + 1 :], columns, found[0], headed=True)
        elif table is not None and columns is not None and not table.closed:
            _read_page(table, lines, columns, [], headed=False)
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
    if found and region:
        columns = refine(columns, found, region, ruled=bool(region[0].page.vertical))
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
    """Give each loose line to the nearest row that no horizontal rule separates it from."""
    for line, cells in loose:
        candidates = sorted(rows, key=lambda r: abs(r.line.middle - line.middle))[:2]
        free = [r for r in candidates if not _ruled_between(line, r.line)]
        best = (free or candidates)[:1]
        if best and abs(best[0].line.middle - line.middle) <= 2.5 * line.height:
            best[0].parts.append((line.top, cells))


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
