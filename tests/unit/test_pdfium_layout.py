"""The fast PDFium page reader sees what pdfplumber sees: the same words, places and rules."""

from __future__ import annotations

import dataclasses
import io
from collections import Counter

import pypdf
import pytest
from pypdf.generic import NameObject

from parsers.aor_assemble import assemble
from parsers.aor_pdf import page_layout, plumber_layout
from parsers.aor_text import read_text
from tests.aor_pdfs import pdf
from tests.aor_spec import CLEAN
from tests.conftest import SAMPLES

GENERATED = {
    "ruled": dataclasses.replace(CLEAN, ruled=True),
    "labels above": dataclasses.replace(CLEAN, layout="above"),
    "times 11pt": dataclasses.replace(CLEAN, font="Times-Roman", size=11.0),
    "courier": dataclasses.replace(CLEAN, font="Courier", size=7.0),
    "page break": dataclasses.replace(CLEAN, rows_on_first_page=8, repeat_headings=False),
    "right-aligned": dataclasses.replace(CLEAN, number_align="right", heading_align="center"),
}
SOURCES = [pytest.param(p.read_bytes(), id=p.stem) for p in sorted(SAMPLES.glob("*.pdf"))] + [
    pytest.param(pdf(spec), id=name) for name, spec in GENERATED.items()
]


@pytest.mark.parametrize("data", SOURCES)
def test_pdfium_and_pdfplumber_read_the_same_words_in_the_same_places(data):
    fast, reference = page_layout(data), plumber_layout(data)
    assert len(fast) == len(reference)
    for ours, theirs in zip(fast, reference, strict=True):
        assert Counter(w.text for w in ours.words) == Counter(w.text for w in theirs.words)
        by_text = {}
        for word in theirs.words:
            by_text.setdefault(word.text, []).append(word)
        for word in ours.words:
            nearest = min(
                by_text[word.text],
                key=lambda w: abs(w.x0 - word.x0) + abs(w.middle - word.middle),
            )
            assert abs(nearest.x0 - word.x0) < 1.0, word
            assert abs(nearest.x1 - word.x1) < 1.0, word
            # Font boxes differ by a point or two vertically between the libraries, the
            # same for every word of a font; the test below shows the reading is the same.
            assert abs(nearest.middle - word.middle) < nearest.height / 2, word


@pytest.mark.parametrize("data", SOURCES)
def test_the_aor_read_from_either_layout_is_the_same(data):
    fast, _ = read_text(page_layout(data))
    reference, _ = read_text(plumber_layout(data))
    assert assemble(fast) == assemble(reference)


@pytest.mark.parametrize("data", SOURCES)
def test_pdfium_and_pdfplumber_find_the_same_ruling_lines(data):
    for ours, theirs in zip(page_layout(data), plumber_layout(data), strict=True):
        assert len(ours.vertical) == len(theirs.vertical)
        assert len(ours.horizontal) == len(theirs.horizontal)
        assert ours.has_images == theirs.has_images
        for mine, reference in zip(
            sorted(ours.horizontal, key=lambda r: (r.top, r.x0)),
            sorted(theirs.horizontal, key=lambda r: (r.top, r.x0)),
            strict=True,
        ):
            assert abs(mine.top - reference.top) < 1.0
            assert abs(mine.x0 - reference.x0) < 1.0


@pytest.mark.parametrize("name", ["aor-101-001-fillable", "aor-101-004-fillable"])
def test_pdfium_reads_the_field_values_pypdf_finds_walking_the_field_tree(name):
    from parsers.pdfium_reader import form_values

    data = (SAMPLES / f"{name}.pdf").read_bytes()
    assert form_values(data) == tree_values(pypdf.PdfReader(io.BytesIO(data)))


def tree_values(reader):
    """AcroForm text values by full field name, walking /Fields with pypdf: the oracle."""
    values = {}
    form = reader.trailer["/Root"].get("/AcroForm")
    for ref in form.get_object().get("/Fields", []) if form else []:
        _collect(ref.get_object(), "", values)
    return values


def _collect(node, prefix, values):
    name = str(node.get("/T", ""))
    full = f"{prefix}.{name}" if prefix and name else name or prefix
    value = node.get("/V")
    if value is not None and full:
        values[full] = _field_text(value)
    for kid in node.get("/Kids", []):
        _collect(kid.get_object(), full, values)


def _field_text(value):
    value = value.get_object() if hasattr(value, "get_object") else value
    if isinstance(value, NameObject):  # a check box or radio button: /Yes, /Off
        return "" if value == "/Off" else str(value)[1:]
    if isinstance(value, bytes):
        return value.decode("latin-1")
    if isinstance(value, list):
        return ", ".join(_field_text(v) for v in value)
    return str(value)
