"""Building blocks for form templates that look like the county's paper forms.

The .docx files in ``form_templates/`` are the source of truth once written: a forms
analyst edits them in Word or LibreOffice Writer. These helpers only author the first
version consistently; ``wtwforms check-templates`` guards either way.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from tools.templates.i18n import language, t
from tools.templates.page import (
    CONTENT_WIDTH,
    LABEL_SIZE,
    OUT_DIR,
    SHADE,
    VALUE_SIZE,
)


def shade(cell: _Cell, color: str = SHADE) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), color)
    tcpr.append(shd)


def full_width(table: Table) -> Table:
    """Span the text width from margin to margin, so bars, boxes and lists share both edges."""
    # Left-aligned, Word and Writer hang a table's border out by the cell margin, and a
    # centred one not: one rule for every table keeps the edges in one line.
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    tbl_pr = table._tbl.tblPr
    width = tbl_pr.find(qn("w:tblW"))
    if width is None:
        width = OxmlElement("w:tblW")
        tbl_pr.append(width)
    width.set(qn("w:type"), "dxa")
    width.set(qn("w:w"), str(CONTENT_WIDTH.twips))
    return table


def section_heading(doc: Document, number: int | str, title: str) -> None:
    """A numbered section bar: ``3. ACTIVITIES``."""
    table = full_width(doc.add_table(rows=1, cols=1))
    table.style = "Table Grid"
    cell = table.cell(0, 0)
    shade(cell, "BFBFBF")
    run = cell.paragraphs[0].add_run(f"{number}. {t(title).upper()}")
    run.bold = True
    run.font.size = Pt(9)
    _spacer(doc)


def _spacer(doc: Document, size: float = 2) -> None:
    p = doc.add_paragraph()
    p.paragraph_format.line_spacing = Pt(size)
    p.add_run("").font.size = Pt(size)


def _label_value(cell: _Cell, label: str, value: str) -> None:
    p = cell.paragraphs[0]
    r = p.add_run(t(label).upper())
    r.font.size = LABEL_SIZE
    r.font.color.rgb = RGBColor(0x40, 0x40, 0x40)
    v = cell.add_paragraph()
    v.add_run(t(value)).font.size = VALUE_SIZE


def field_grid(doc: Document, rows: Sequence[Sequence[tuple[str, str]]]) -> Table:
    """Boxes with a small label over each value; each inner list is one row of boxes."""
    cols = max(len(r) for r in rows)
    table = full_width(doc.add_table(rows=0, cols=cols))
    table.style = "Table Grid"
    for row in rows:
        cells = table.add_row().cells
        for i, (label, value) in enumerate(row):
            _label_value(cells[i], label, value)
        if len(row) < cols:
            cells[len(row) - 1].merge(cells[cols - 1])
    _spacer(doc)
    return table


def repeat_table(
    doc: Document,
    headings: Sequence[str],
    loop: str,
    cells: Sequence[str],
    empty: str = "None listed.",
    widths: Sequence[float] | None = None,
) -> Table:
    """A table with one row per item: ``loop`` is e.g. ``a in activities``."""
    collection = loop.split(" in ", 1)[1]
    table = full_width(doc.add_table(rows=0, cols=len(headings)))
    table.style = "Table Grid"
    head = table.add_row().cells
    for i, text in enumerate(headings):
        shade(head[i])
        r = head[i].paragraphs[0].add_run(t(text).upper())
        r.bold = True
        r.font.size = LABEL_SIZE
    _tag_row(table, "{%tr for " + loop + " %}")
    data = table.add_row().cells
    for i, text in enumerate(cells):
        data[i].paragraphs[0].add_run(t(text)).font.size = VALUE_SIZE
    _tag_row(table, "{%tr endfor %}")
    _tag_row(table, "{%tr if not " + collection + " %}")
    none_row = table.add_row().cells
    none_row[0].merge(none_row[-1]).paragraphs[0].add_run(t(empty)).italic = True
    _tag_row(table, "{%tr endif %}")
    if widths:
        for row in table.rows:
            for i, w in enumerate(widths[: len(row.cells)]):
                row.cells[i].width = Inches(w)
    _spacer(doc)
    return table


def _tag_row(table: Table, tag: str) -> None:
    cells = table.add_row().cells
    cells[0].merge(cells[-1]).paragraphs[0].add_run(tag)


def checkboxes(doc: Document, items: Sequence[tuple[str, str]], label: str | None = None) -> None:
    """A line of check boxes: each item is (expression, caption)."""
    p = doc.add_paragraph()
    if label:
        r = p.add_run(t(label).upper() + "  ")
        r.font.size = LABEL_SIZE
    for expr, caption in items:
        # Parenthesised: ``a == 'x'|box`` would apply the filter to 'x' alone.
        p.add_run("{{ (" + expr + ")|box }} " + t(caption) + "    ")
    _spacer(doc)


def paragraph(doc: Document, text: str, size: float = 9.5, bold: bool = False) -> Paragraph:
    p = doc.add_paragraph()
    run = p.add_run(t(text))
    run.font.size = Pt(size)
    run.bold = bold
    return p


def text_box(doc: Document, label: str, value: str) -> None:
    """A full-width box for free text such as comments."""
    table = full_width(doc.add_table(rows=1, cols=1))
    table.style = "Table Grid"
    _label_value(table.cell(0, 0), label, value)
    _spacer(doc)


def signatures(
    doc: Document, lines: Sequence[tuple[str, str, str]], attestation: str | None = None
) -> Table:
    """Signature lines, each (who signs, printed name, date), under the words signed.

    Both sit in one table row that may not split, so the statement a person signs is never
    on another page than the line they sign on.
    """
    frame = full_width(doc.add_table(rows=1, cols=1))
    _no_cell_margins(frame)
    frame.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    cell = frame.cell(0, 0)
    first = cell.paragraphs[0]
    first.paragraph_format.keep_with_next = True
    if attestation:
        first.add_run(t(attestation)).font.size = Pt(8.5)
    table = cell.add_table(rows=0, cols=3)
    for who, name, date in lines:
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run("\n\n_____________________________")
        cells[0].add_paragraph().add_run(t(f"Signature of {who}")).font.size = LABEL_SIZE
        cells[1].paragraphs[0].add_run("\n\n" + t(name))
        cells[1].add_paragraph().add_run(t("Printed name")).font.size = LABEL_SIZE
        cells[2].paragraphs[0].add_run("\n\n" + t(date))
        cells[2].add_paragraph().add_run(t("Date")).font.size = LABEL_SIZE
    for row in table.rows:
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    # A cell ends with a paragraph: after the lines, one too small to take room.
    cell.paragraphs[-1].paragraph_format.line_spacing = Pt(1)
    _spacer(doc)
    return frame


def _no_cell_margins(table: Table) -> None:
    # The frame's text starts where the page's text does; its lines keep their own margins.
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), "0")
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    tbl_pr = table._tbl.tblPr
    look = tbl_pr.find(qn("w:tblLook"))  # the schema puts the margins before it
    if look is None:
        tbl_pr.append(margins)
    else:
        look.addprevious(margins)


def save(doc: Document, filename: str) -> Path:
    OUT_DIR.mkdir(exist_ok=True)
    if language():
        stem, _, ext = filename.rpartition(".")
        filename = f"{stem}.{language()}.{ext}"
    path = OUT_DIR / filename
    doc.core_properties.title = "{{ form.title }}"
    doc.core_properties.subject = "{{ form.number }}"
    doc.core_properties.author = "wtwforms"
    doc.save(str(path))
    return path


def set_column_widths(table: Table, widths: Sequence[float]) -> None:
    """Fix column widths in inches, in the grid too: LibreOffice reads the grid, not the cells."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=False):
        column.width = Inches(width)
    for row in table.rows:
        cells = row.cells
        if len({id(c._tc) for c in cells}) < len(cells):
            continue  # a merged row spans the grid; its width follows from it
        for cell, width in zip(cells, widths, strict=False):
            cell.width = Inches(width)


def check_table(
    doc: Document,
    headings: Sequence[str],
    rows: Sequence[tuple[str, str, str]],
    widths: Sequence[float] = (2.3, 0.8, 4.4),
) -> Table:
    """Fixed rows of (caption, check box expression, notes expression), e.g. agenda topics."""
    table = full_width(doc.add_table(rows=1, cols=3))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headings, strict=True):
        shade(cell)
        run = cell.paragraphs[0].add_run(t(text).upper())
        run.bold = True
        run.font.size = LABEL_SIZE
    for caption, box_expr, notes_expr in rows:
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(t(caption)).font.size = VALUE_SIZE
        cells[1].paragraphs[0].add_run("{{ (" + box_expr + ")|box }}").font.size = Pt(11)
        cells[2].paragraphs[0].add_run("{{ " + notes_expr + " }}").font.size = VALUE_SIZE
    set_column_widths(table, widths)
    _spacer(doc)
    return table
