"""The forms on paper: what is printed once, what stays together, and edges that line up."""

from __future__ import annotations

import io
from typing import Any

import pytest
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Length
from docx.table import Table, _Cell

from service import documents, i18n
from service.forms import all_forms
from tests.conftest import TODAY, read_pdf

ATTESTATION = "I have read this plan, or it was read to me."
FORM_LANGUAGES = [
    (form.id, language) for form in all_forms() for language in i18n.languages_of(form.id)
]


def rendered(form_id: str, payload: dict[str, Any]) -> Any:
    return Document(io.BytesIO(documents.render(form_id, payload, today=TODAY).content))


def cells(container: Any) -> list[_Cell]:
    """Every cell once (a merged cell is one cell), nested tables' cells included."""
    found: list[_Cell] = []
    seen: set[int] = set()
    for table in container.tables:
        for row in table.rows:
            for cell in row.cells:
                if id(cell._tc) not in seen:
                    seen.add(id(cell._tc))
                    found.append(cell)
                    found.extend(cells(cell))
    return found


def all_text(doc: Any) -> str:
    return "\n".join([p.text for p in doc.paragraphs] + [c.text for c in cells(doc)])


def boxes(doc: Any) -> dict[str, list[str]]:
    """Each box's values by its printed label (the label is the box's first line)."""
    found: dict[str, list[str]] = {}
    for cell in cells(doc):
        head, newline, value = cell.text.partition("\n")
        if newline and not cell.tables:
            found.setdefault(head, []).append(value)
    return found


def test_an_activitys_type_and_description_are_printed_in_cells_of_their_own(example):
    payload = example("wtw2")
    activity = payload["activities"][0]
    activity.update(type="work_experience", description="Front desk at the food pantry")
    texts = [c.text for c in cells(rendered("wtw2", payload))]
    assert "Work Experience" in texts
    assert "Front desk at the food pantry" in texts
    assert not [t for t in texts if "Work Experience" in t and "food pantry" in t]


def test_the_weekly_requirement_is_printed_once(example):
    doc = rendered("wtw2", example("wtw2"))
    required = [label for label in boxes(doc) if "HOURS REQUIRED" in label]
    assert required == ["HOURS REQUIRED PER WEEK"]
    assert len(boxes(doc)["HOURS REQUIRED PER WEEK"]) == 1
    assert all_text(doc).count("one adult with a child under 6") == 1


def test_the_42_6_prints_its_action_once(example):
    payload = example("42-6")
    assert payload["action"] == "noncompliance_initiated"
    text = all_text(rendered("42-6", payload))
    assert text.count("Noncompliance initiated") == 1
    assert "☒ Noncompliance initiated" in text


@pytest.mark.parametrize("language", i18n.languages_of("wtw2"))
def test_the_wtw2_statement_signed_shares_one_unsplittable_row_with_the_signature_lines(
    example, language
):
    payload = example("wtw2")
    payload["language"] = language
    doc = rendered("wtw2", payload)
    frames = [t for t in doc.tables if any(c.tables for c in t.rows[0].cells)]
    assert len(frames) == 1
    row = frames[0].rows[0]
    assert row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None
    statement = row.cells[0].paragraphs[0]
    assert statement.text.strip() and statement.paragraph_format.keep_with_next
    signers = [c.text for c in cells(row.cells[0]) if "_____" in c.text]
    assert len(signers) == 2
    if language == i18n.ENGLISH:
        assert statement.text.startswith(ATTESTATION)
        assert [s.rsplit("\n", 1)[-1] for s in signers] == [
            "Signature of participant",
            "Signature of Employment Counselor",
        ]


def test_the_50_20e_clerical_boxes_left_blank_hold_no_drawn_line(example):
    payload = example("50-20e")
    payload.pop("clerical", None)
    doc = rendered("50-20e", payload)
    clerical = boxes(doc)
    for label in ("ROUTED TO", "DATE ROUTED", "CLERK'S INITIALS"):
        assert clerical[label] == [""], label


def test_the_50_20e_clerical_boxes_print_what_the_clerk_recorded(example):
    payload = example("50-20e")
    clerical = boxes(rendered("50-20e", payload))
    assert clerical["CLERK'S INITIALS"] == [payload["clerical"]["initials"]]


@pytest.mark.parametrize(("form_id", "language"), FORM_LANGUAGES)
def test_every_bar_box_and_list_spans_the_text_width_from_the_same_edge(example, form_id, language):
    payload = example(form_id)
    if language != i18n.ENGLISH:
        payload["language"] = language
    doc = rendered(form_id, payload)
    section = doc.sections[0]
    text_width = Length(section.page_width - section.left_margin - section.right_margin)
    for table in doc.tables:
        assert table_width(table) == text_width.twips, table.rows[0].cells[0].text
        assert table.alignment == WD_TABLE_ALIGNMENT.CENTER


def table_width(table: Table) -> int:
    width = table._tbl.tblPr.find(qn("w:tblW"))
    assert width is not None and width.get(qn("w:type")) == "dxa"
    return int(width.get(qn("w:w")))


def test_the_wtw2_statement_and_signature_lines_print_on_the_same_page(example, office_pool):
    # Longer and longer notes walk the page break down through the signature block.
    pages_seen = set()
    for lines in range(30, 56, 3):
        payload = example("wtw2")
        payload["notes"] = "\n".join(f"Note line {n}." for n in range(lines))
        docx = documents.render("wtw2", payload, today=TODAY).content
        pages = read_pdf(office_pool.convert(docx, {})).pages
        on = page_of(pages, "I have read this plan")
        assert on == page_of(pages, "Signature of participant"), lines
        assert on == page_of(pages, "Signature of Employment Counselor"), lines
        pages_seen.add((page_of(pages, f"Note line {lines - 1}."), on))
    # The walk did cross a page break: the last note and the statement parted at least once.
    assert any(note != statement for note, statement in pages_seen)


def page_of(pages: list[str], text: str) -> int:
    found = [n for n, page in enumerate(pages) if text in page]
    assert len(found) == 1, (text, found)
    return found[0]


@pytest.mark.parametrize("language", i18n.languages_of("63-62"))
def test_the_63_62_answer_part_keeps_with_its_signature_line(example, language):
    payload = example("63-62")
    payload["language"] = language
    doc = rendered("63-62", payload)
    body = doc.paragraphs
    cut = next(n for n, p in enumerate(body) if p.text.startswith("- - - "))
    answer = body[cut : cut + 5]
    assert sum("☐" in p.text for p in answer) == 2
    assert all(p.paragraph_format.keep_with_next for p in answer)
    # What follows the answers is the signature line.
    follows = answer[-1]._p.getnext()
    frame = next(t for t in doc.tables if t._tbl is follows)
    assert "_____" in "".join(c.text for c in cells(frame.cell(0, 0)))
