"""Many fillings of one template as one document, a section (and header) each."""

from __future__ import annotations

import io

from docx import Document

from service import documents
from service.rendering.sections import render_sections


def test_each_filling_is_its_own_section_with_its_own_header_and_footer(example):
    contexts = []
    for name in ("Ames, Ana", "Bélanger, Bo", "陈, 晨"):
        result = documents.check("50-20e", example("50-20e") | {"case_name": name})
        contexts.append(documents.build_context(result))
    doc = Document(io.BytesIO(render_sections(documents.compiled_template(result.spec), contexts)))
    assert len(doc.sections) == 3
    for section, name in zip(doc.sections, ("Ames, Ana", "Bélanger, Bo", "陈, 晨"), strict=True):
        assert name in "\n".join(p.text for p in section.header.paragraphs)
        assert name in "\n".join(p.text for p in section.footer.paragraphs)
        assert section.start_type == 2  # WD_SECTION.NEW_PAGE
    assert sum("Ames, Ana" in p.text for p in doc.paragraphs) == 0  # names live in the tables
    assert [t for t in doc.tables if "Bélanger, Bo" in "".join(c.text for c in t._cells)]
