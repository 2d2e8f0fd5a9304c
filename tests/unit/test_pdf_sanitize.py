"""The sanitised copy of an AOR: no scripts, outside actions or attachments, the same report."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pytest
from pikepdf import Dictionary, Name, String

from parsers.aor import read_aor
from parsers.pdf_sanitize import CannotSanitize, sanitize
from tests.active_pdfs import active_parts, with_active_content

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "aor_samples"


@pytest.mark.parametrize("name", ["aor-101-000-grid", "aor-101-001-fillable"])
def test_every_kind_of_active_content_and_attachment_is_removed(name):
    data = with_active_content((SAMPLES / f"{name}.pdf").read_bytes())
    assert "script" in active_parts(data) and "payload" in active_parts(data)
    result = sanitize(data)
    assert active_parts(result.data) == set()
    assert {"JavaScript", "embedded files", "an action run on opening"} <= set(result.removed)
    assert read_aor(result.data) == read_aor(data)


def test_a_clean_file_reads_the_same_and_reports_nothing_removed():
    data = (SAMPLES / "aor-101-001-fillable.pdf").read_bytes()
    result = sanitize(data)
    assert result.removed == ()
    assert read_aor(result.data) == read_aor(data)


def test_links_within_the_document_and_to_web_pages_are_kept():
    data = (SAMPLES / "aor-101-000-grid.pdf").read_bytes()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        web = Dictionary(S=Name.URI, URI=String("https://www.ocgov.example/aor"))
        inside = Dictionary(S=Name.GoTo, D=[pdf.pages[0].obj, Name.Fit])
        pdf.pages[0].obj.Annots = pikepdf.Array(
            [Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=[0, 0, 9, 9], A=a)
             for a in (web, inside)]
        )  # fmt: skip
        out = io.BytesIO()
        pdf.save(out)
    with pikepdf.open(io.BytesIO(sanitize(out.getvalue()).data)) as clean:
        kinds = [str(a.A.S) for a in clean.pages[0].obj.Annots]
    assert kinds == ["/URI", "/GoTo"]


def test_a_file_that_cannot_be_rewritten_is_refused_with_a_reason():
    with pytest.raises(CannotSanitize) as refused:
        sanitize(b"%PDF-1.7\nnot really a pdf at all")
    assert refused.value.status == 422
    assert "active content" in refused.value.message
