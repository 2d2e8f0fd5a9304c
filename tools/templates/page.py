"""The page of a form template: Letter size, fonts, the header and footer on every page."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Inches, Pt
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
