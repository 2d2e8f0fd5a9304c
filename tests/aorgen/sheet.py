"""An AOR as a spreadsheet (flat OpenDocument, .fods), for LibreOffice Calc to print to PDF.

openpyxl is not a dependency of the project, so the sheet is written as .fods by hand: one
grid of eight columns (Section B's), Section A's labels and values in merged cells over it.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from tests.aor_spec import COLUMNS, AorSpec
from tests.aorgen.blocks import (
    Fields,
    Heading,
    PageBreak,
    Table,
    Text,
    Title,
    aligned,
    blocks,
    column_widths,
)

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"'
)
# Merged cells of Section A by pairs to a line: (first column, span) of each label and value.
SPANS = {
    1: [(0, 3), (3, 5)],
    2: [(0, 2), (2, 2), (4, 2), (6, 2)],
    3: [(0, 1), (1, 2), (3, 1), (4, 2), (6, 1), (7, 1)],
}
ABOVE_SPANS = {1: [(0, 8)], 2: [(0, 4), (4, 4)], 3: [(0, 3), (3, 3), (6, 2)]}
Cell = tuple[str, int, str]  # text, columns spanned, style name


class _Styles:
    """Cell styles made on demand: (bold, size, align, ruled) to a style name."""

    def __init__(self, spec: AorSpec) -> None:
        self.spec = spec
        self.names: dict[tuple[bool, float, str, bool, bool], str] = {}

    def __call__(
        self, bold: bool = False, size: float = 0, align: str = "left", shrink: bool = False
    ) -> str:
        key = (bold, size or self.spec.size, align, self.spec.ruled, shrink)
        return self.names.setdefault(key, f"ce{len(self.names) + 1}")

    def xml(self) -> str:
        out = []
        for (bold, size, align, ruled, shrink), name in self.names.items():
            border = ' fo:border="0.5pt solid #000000"' if ruled else ""
            weight = ' fo:font-weight="bold"' if bold else ""
            # A long value shrinks to fit its cell (Calc's "Shrink to fit cell size"); a
            # long label wraps within it.
            fit = 'style:shrink-to-fit="true"' if shrink else 'fo:wrap-option="wrap"'
            out.append(
                f'<style:style style:name="{name}" style:family="table-cell">'
                f"<style:table-cell-properties {fit}{border} "
                'style:vertical-align="top"/>'
                f'<style:paragraph-properties fo:text-align="{_ALIGN[align]}"/>'
                f'<style:text-properties style:font-name="F" fo:font-size="{size}pt"{weight}/>'
                "</style:style>"
            )
        return "".join(out)


_ALIGN = {"left": "start", "right": "end", "center": "center"}


def write_fods(spec: AorSpec, path: Path) -> None:
    styles = _Styles(spec)
    rows: list[tuple[list[Cell], bool]] = []  # cells, and whether a page break comes before
    page_break = False
    for block in blocks(spec):
        if isinstance(block, PageBreak):
            page_break = True
            continue
        for cells in _rows(spec, block, styles):
            rows.append((cells, page_break))
            page_break = False
    path.write_text(_document(spec, styles, rows), encoding="utf-8")


def _rows(spec: AorSpec, block: object, style: _Styles) -> list[list[Cell]]:
    if isinstance(block, Title):
        return [[(block.text, 8, style(block.bold, block.size, "center"))]]
    if isinstance(block, Heading):
        return [[(block.text, 8, style(True, spec.size + 2))]]
    if isinstance(block, Text):
        return [[(line, 8, style())] for line in block.lines]
    if isinstance(block, Fields):
        return _fields(spec, block, style)
    if isinstance(block, Table):
        lines = [*([block.headings] if block.headings else []), *block.rows]
        out = []
        for texts in [*lines, *([block.total] if block.total else [])]:
            heading = texts is block.headings
            bold = heading or texts is block.total
            out.append(
                [
                    (text, 1, style(bold, 0, spec.heading_align if heading else aligned(spec, i)))
                    for i, text in enumerate(texts)
                ]
            )
        return out
    return []


def _fields(spec: AorSpec, block: Fields, style: _Styles) -> list[list[Cell]]:
    per_line = spec.columns
    out = []
    for n in range(0, len(block.pairs), per_line):
        pairs = block.pairs[n : n + per_line]
        if spec.layout == "above":
            spans = ABOVE_SPANS[per_line]
            out.append(
                [
                    (label, spans[i][1], style(size=spec.size - 1.5))
                    for i, (label, _v) in enumerate(pairs)
                ]
            )
            out.append(
                [(value, spans[i][1], style(shrink=True)) for i, (_l, value) in enumerate(pairs)]
            )
        else:
            spans = SPANS[per_line]
            cells: list[Cell] = []
            for i, (label, value) in enumerate(pairs):
                cells.append((label, spans[2 * i][1], style()))
                cells.append((value, spans[2 * i + 1][1], style(shrink=True)))
            out.append(cells)
    return out


def _cell(text: str, span: int, style: str) -> str:
    merged = f' table:number-columns-spanned="{span}"' if span > 1 else ""
    body = f"<text:p>{escape(text)}</text:p>" if text else ""
    cell = f'<table:table-cell table:style-name="{style}" office:value-type="string"{merged}>'
    return cell + body + "</table:table-cell>" + "<table:covered-table-cell/>" * (span - 1)


def _document(spec: AorSpec, styles: _Styles, rows: list[tuple[list[Cell], bool]]) -> str:
    body = []
    for cells, page_break in rows:
        used = sum(span for _t, span, _s in cells)
        filler = "<table:table-cell/>" * (len(COLUMNS) - used)
        row_style = "roBreak" if page_break else "ro1"
        body.append(
            f'<table:table-row table:style-name="{row_style}">'
            + "".join(_cell(*cell) for cell in cells)
            + filler
            + "</table:table-row>"
        )
    columns = "".join(
        f'<style:style style:name="co{i}" style:family="table-column">'
        f'<style:table-column-properties style:column-width="{w}pt"/></style:style>'
        for i, w in enumerate(column_widths(spec, 547.0))
    )
    column_refs = "".join(
        f'<table:table-column table:style-name="co{i}"/>' for i in range(len(COLUMNS))
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document {NS} office:version="1.2" '
        'office:mimetype="application/vnd.oasis.opendocument.spreadsheet">'
        f'<office:font-face-decls><style:font-face style:name="F" svg:font-family="{spec.font}"/>'
        "</office:font-face-decls><office:automatic-styles>"
        f"{columns}{styles.xml()}"
        '<style:style style:name="ro1" style:family="table-row">'
        '<style:table-row-properties style:use-optimal-row-height="true"/></style:style>'
        '<style:style style:name="roBreak" style:family="table-row">'
        '<style:table-row-properties fo:break-before="page" style:use-optimal-row-height="true"/>'
        "</style:style>"
        '<style:style style:name="ta1" style:family="table" style:master-page-name="AOR">'
        '<style:table-properties table:display="true"/></style:style>'
        '<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="8.5in" '
        'fo:page-height="11in" fo:margin-top="0.5in" fo:margin-bottom="0.5in" '
        'fo:margin-left="0.4in" fo:margin-right="0.4in" style:print-orientation="portrait"/>'
        "</style:page-layout></office:automatic-styles><office:master-styles>"
        '<style:master-page style:name="AOR" style:page-layout-name="pm1">'
        '<style:header style:display="false"/><style:footer>'
        "<text:p>F063-41-420 (R 08/22)</text:p></style:footer></style:master-page>"
        "</office:master-styles><office:body><office:spreadsheet>"
        f'<table:table table:name="AOR" table:style-name="ta1">{column_refs}'
        + "".join(body)
        + "</table:table></office:spreadsheet></office:body></office:document>"
    )
