"""An AOR as a Word document (python-docx), for LibreOffice Writer to print to PDF."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Inches, Pt
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph

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

ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
}
WIDTH = 7.5 * 72  # points between the half-inch margins


def write_docx(spec: AorSpec, path: Path) -> None:
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Inches(0.5))
    section.footer.paragraphs[0].text = "F063-41-420 (R 08/22)"
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = spec.font, Pt(spec.size)
    normal.paragraph_format.space_after = Pt(1)
    for block in blocks(spec):
        if isinstance(block, Title):
            run = _paragraph(document, "center").add_run(block.text)
            run.bold, run.font.size = block.bold, Pt(block.size)
        elif isinstance(block, Heading):
            run = _paragraph(document).add_run(block.text)
            run.bold, run.font.size = True, Pt(spec.size + 2)
        elif isinstance(block, Fields):
            _fields(document, spec, block)
        elif isinstance(block, Table):
            _table(document, spec, block)
        elif isinstance(block, Text):
            for line in block.lines:
                _paragraph(document).add_run(line)
        elif isinstance(block, PageBreak):
            _paragraph(document).add_run().add_break(WD_BREAK.PAGE)
    document.save(str(path))


def _paragraph(document: Document, align: str = "left") -> Paragraph:
    paragraph = document.add_paragraph()
    paragraph.alignment = ALIGN[align]
    return paragraph


def _fields(document: Document, spec: AorSpec, block: Fields) -> None:
    """Labels beside values (label and value cells, or tab stops) or above them in one cell."""
    per_line = spec.columns
    if spec.layout == "beside" and per_line == 1 and not spec.ruled:
        for label, value in block.pairs:
            paragraph = _paragraph(document)
            paragraph.paragraph_format.tab_stops.add_tab_stop(Inches(2.8))
            paragraph.add_run(f"{label}\t{value}")
        return
    above = spec.layout == "above"
    cells = per_line if above else 2 * per_line
    lines = [block.pairs[n : n + per_line] for n in range(0, len(block.pairs), per_line)]
    table = document.add_table(rows=len(lines), cols=cells)
    column = WIDTH / per_line
    widths = [column] * cells if above else [0.4 * column, 0.6 * column] * per_line
    _shape(table, spec, widths)
    for row, pairs in zip(table.rows, lines, strict=True):
        for n, (label, value) in enumerate(pairs):
            if above:
                cell = row.cells[n]
                cell.paragraphs[0].add_run(label).font.size = Pt(spec.size - 1.5)
                cell.add_paragraph(value)
            else:
                row.cells[2 * n].text = label
                row.cells[2 * n + 1].text = value


def _shape(table: DocxTable, spec: AorSpec, widths: list[float]) -> None:
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    if spec.ruled:
        table.style = "Table Grid"
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Pt(width)
        for cell in column.cells:
            cell.width = Pt(width)


def _table(document: Document, spec: AorSpec, block: Table) -> None:
    lines = [*([block.headings] if block.headings else []), *block.rows]
    lines += [block.total] if block.total else []
    table = document.add_table(rows=len(lines), cols=len(COLUMNS))
    _shape(table, spec, column_widths(spec))
    for number, (row, texts) in enumerate(zip(table.rows, lines, strict=True)):
        heading = number == 0 and block.headings is not None
        bold = heading or texts is block.total
        for index, (cell, text) in enumerate(zip(row.cells, texts, strict=True)):
            paragraph = cell.paragraphs[0]
            run = paragraph.add_run(text)
            run.bold = bold
            align = spec.heading_align if heading else aligned(spec, index)
            paragraph.alignment = ALIGN[align]
