"""Building blocks for form templates that look like the county's paper forms.

The .docx files in ``form_templates/`` are the source of truth once written: a forms
analyst edits them in Word or LibreOffice Writer. These helpers only author the first
version consistently; ``wtwforms check-templates`` guards either way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Inches, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from tools.templates.i18n import language, t

FONT = "Arial"
LABEL_SIZE = Pt(7)
VALUE_SIZE = Pt(9.5)
SHADE = "D9D9D9"
OUT_DIR = Path(__file__).resolve().parents[2] / "form_templates"
CONTENT_WIDTH = Inches(7.5)


PARTICIPANT_LINE = "Participant: {{ participant.name }}\tCase No.: {{ case_number }}"
PAGE_OF = "Page {PAGE} of {NUMPAGES}"
DRAFT_NOTE = "DRAFT TRANSLATION, not yet approved by the county"
# Word tags by language, for spelling, hyphenation and the East Asian font of CJK text.
WORD_LANGUAGE = {"es": "es-US", "vi": "vi-VN", "zh-Hant": "zh-TW"}
EAST_ASIAN_FONT = "Noto Sans CJK TC"


def new_form(
    title_lines: Sequence[str],
    header_line: str = PARTICIPANT_LINE,
    header_right: str = "{{ form.number }}",
    footer_middle: str = "{{ participant.name }}",
) -> Document:
    """A Letter page with agency, form number and case at the top, and the footer set.

    ``header_line`` repeats who the form is about on every page, as paper forms do.
    """
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Inches(0.5))
    section.top_margin = section.bottom_margin = Inches(0.5)
    section.header_distance = section.footer_distance = Inches(0.3)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = VALUE_SIZE
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.space_before = Pt(0)
    # Page-number fields take the paragraph style's size when Word or Writer updates them.
    doc.styles["Footer"].font.size = Pt(7.5)
    if language():
        _language_of(normal)
    _header(section, t(header_line), header_right)
    _footer(section, footer_middle)
    for i, line in enumerate(title_lines):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(t(line))
        run.bold = True
        run.font.size = Pt(13 if i == 0 else 10)
    return doc


def _language_of(style) -> None:
    """Tag the text with the language being written, and give Chinese its CJK font."""
    tag = WORD_LANGUAGE[language() or ""]
    rpr = style.element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    if tag.startswith("zh"):
        # w:val is the language of Latin-script text (names, addresses): tagged Chinese, it
        # would break anywhere, as Chinese may; the Chinese text is tagged with w:eastAsia.
        lang.set(qn("w:val"), "en-US")
        lang.set(qn("w:eastAsia"), tag)
    else:
        lang.set(qn("w:val"), tag)
    rpr.append(lang)
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)


def _clear_style_tabs(paragraph: Paragraph) -> None:
    # Word's Header and Footer styles carry tabs at 3.25" and 6.5" for a 6.5" text width;
    # on this wider page they would catch the first tab.
    for position in (Inches(3.25), Inches(6.5)):
        paragraph.paragraph_format.tab_stops.add_tab_stop(position, WD_TAB_ALIGNMENT.CLEAR)


def _header(section, line: str, right_text: str) -> None:
    header = section.header
    p = header.paragraphs[0]
    _clear_style_tabs(p)
    p.paragraph_format.tab_stops.add_tab_stop(CONTENT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
    run = p.add_run("{{ form.agency }}")
    run.bold = True
    run.font.size = Pt(8)
    p.add_run("\t" + right_text).font.size = Pt(8)
    q = header.add_paragraph()
    _clear_style_tabs(q)
    q.paragraph_format.tab_stops.add_tab_stop(CONTENT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
    r = q.add_run(line)
    r.font.size = Pt(8)
    _bottom_border(q)


def _footer(section, middle: str) -> None:
    p = section.footer.paragraphs[0]
    _clear_style_tabs(p)
    p.paragraph_format.tab_stops.add_tab_stop(Emu(CONTENT_WIDTH // 2), WD_TAB_ALIGNMENT.CENTER)
    p.paragraph_format.tab_stops.add_tab_stop(CONTENT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
    p.add_run("{{ form.number }} ({{ form.revision }})").font.size = Pt(7.5)
    p.add_run("\t" + middle).font.size = Pt(7.5)
    # "Page 1 of 2", "第 1 頁，共 2 頁": the words around the numbers follow the language.
    for i, piece in enumerate(re.split(r"\{(PAGE|NUMPAGES)\}", t(PAGE_OF))):
        if i % 2:
            _field(p, piece)
        elif piece or i == 0:
            p.add_run(("\t" if i == 0 else "") + piece).font.size = Pt(7.5)
    if language():
        note = section.footer.add_paragraph()
        note.alignment = WD_ALIGN_PARAGRAPH.CENTER
        # In the participant's language and in English, for the staff who send it.
        run = note.add_run(
            "{% if translation.draft %}" + t(DRAFT_NOTE) + " / " + DRAFT_NOTE + "{% endif %}"
        )
        run.font.size = Pt(7.5)
        run.bold = True


def _field(paragraph: Paragraph, instruction: str) -> None:
    run = paragraph.add_run()
    run.font.size = Pt(7.5)
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None), ("end", None)):
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {text} "
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        run._r.append(el)
        if kind == "separate":
            t = OxmlElement("w:t")
            t.text = "1"
            run._r.append(t)


def _bottom_border(paragraph: Paragraph) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, val in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "000000")):
        bottom.set(qn(f"w:{key}"), val)
    borders.append(bottom)
    ppr.append(borders)


def shade(cell: _Cell, color: str = SHADE) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), color)
    tcpr.append(shd)


def section_heading(doc: Document, number: int | str, title: str) -> None:
    """A numbered section bar: ``3. ACTIVITIES``."""
    table = doc.add_table(rows=1, cols=1)
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
    table = doc.add_table(rows=0, cols=cols)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
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
    table = doc.add_table(rows=0, cols=len(headings))
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
    table = doc.add_table(rows=1, cols=1)
    table.style = "Table Grid"
    _label_value(table.cell(0, 0), label, value)
    _spacer(doc)


def signatures(doc: Document, lines: Sequence[tuple[str, str, str]]) -> None:
    """Signature lines: each is (who signs, printed name expression, date expression)."""
    table = doc.add_table(rows=0, cols=3)
    for who, name, date in lines:
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run("\n\n_____________________________")
        cells[0].add_paragraph().add_run(t(f"Signature of {who}")).font.size = LABEL_SIZE
        cells[1].paragraphs[0].add_run("\n\n" + t(name))
        cells[1].add_paragraph().add_run(t("Printed name")).font.size = LABEL_SIZE
        cells[2].paragraphs[0].add_run("\n\n" + t(date))
        cells[2].add_paragraph().add_run(t("Date")).font.size = LABEL_SIZE
    _spacer(doc)


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
    table = doc.add_table(rows=1, cols=3)
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
