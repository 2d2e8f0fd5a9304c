"""Open an uploaded PDF safely: checks, AcroForm field values, and words and rules per page."""

from __future__ import annotations

import io
from typing import Any

from parsers.aor_geometry import Page, Rule, Word
from parsers.errors import CorruptPdf, EmptyPdf, EncryptedPdf, NotAPdf, TooLarge, TooManyPages
from parsers.pdfium_reader import PdfFacts, document_facts, form_values, read_pages


def open_pdf(data: bytes, max_pages: int, max_bytes: int) -> PdfFacts:
    """What ``data`` holds (pages, a form), or the error that says why it cannot be read.

    PDFium opens the file: it needs no import beyond the one the page reading makes, where
    pypdf costs a fresh ``wtwforms aor parse`` about 85 ms. A file PDFium refuses goes to
    pypdf, whose errors say why (encrypted, damaged).
    """
    if not data:
        raise EmptyPdf()
    if len(data) > max_bytes:
        raise TooLarge("bytes", max_bytes)
    if b"%PDF-" not in data[:1024]:
        raise NotAPdf()
    if b"%%EOF" not in data:
        raise CorruptPdf(truncated=True)
    facts = document_facts(data) or _pypdf_facts(data)
    if facts.pages == 0:
        raise CorruptPdf()
    if facts.pages > max_pages:
        raise TooManyPages(facts.pages, max_pages)
    return facts


def _pypdf_facts(data: bytes) -> PdfFacts:
    import pypdf  # only for files PDFium refuses: not on every reader's start

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        _decrypt(reader)
        root: Any = reader.trailer["/Root"]
        return PdfFacts(pages=len(reader.pages), has_form=bool(root.get("/AcroForm")))
    except EncryptedPdf:
        raise
    except Exception as exc:  # pypdf raises many types on damaged input; all mean the same
        raise CorruptPdf() from exc


def _decrypt(reader: Any) -> None:
    from pypdf.errors import PdfReadError

    if not reader.is_encrypted:
        return
    try:
        # Many PDFs are encrypted only to restrict printing or editing: the empty
        # user password opens them, and they read like any other.
        opened = reader.decrypt("")
    except (PdfReadError, NotImplementedError) as exc:
        raise EncryptedPdf() from exc
    if not opened:
        raise EncryptedPdf()


def field_values(facts: PdfFacts, data: bytes) -> dict[str, str]:
    """The values of the form fields a reader sees (those with a widget on a page), by full
    name; empty when the PDF has no live fields.

    Values of fields with no widget are not shown by any viewer: the page's text is what
    the provider sent, so such a file is read from its text.
    """
    if not facts.has_form:
        return {}
    try:
        return form_values(data)
    except Exception as exc:  # a broken form dictionary is a broken file
        raise CorruptPdf() from exc


def page_layout(data: bytes) -> list[Page]:
    """Each page's words with positions, and its ruling lines, read by PDFium.

    PDFium gives what pdfplumber gives (``plumber_layout``) about ten times faster; a
    test holds the two equal on every sample and generated AOR. A file PDFium cannot
    open is given to pdfplumber.
    """
    try:
        return read_pages(data)
    except Exception:  # PDFium refused the file: pdfminer is more forgiving of some damage
        return plumber_layout(data)


def plumber_layout(data: bytes) -> list[Page]:
    """Each page's words with positions, and its ruling lines, as read by pdfplumber."""
    import pdfplumber  # only for the files PDFium refuses: not on every reader's start

    try:
        with pdfplumber.open(io.BytesIO(data), password="") as pdf:
            return [_page(p) for p in pdf.pages]
    except Exception as exc:  # pdfminer raises many types on damaged input
        raise CorruptPdf() from exc


def _page(page: Any) -> Page:
    words = [
        Word(w["text"], float(w["x0"]), float(w["x1"]), float(w["top"]), float(w["bottom"]))
        for w in page.extract_words(keep_blank_chars=False, use_text_flow=False)
    ]
    result = Page(page.page_number, float(page.width), float(page.height), words)
    for obj in (*page.lines, *page.rects):
        _add_rules(result, obj)
    result.has_images = bool(page.images)
    return result


def _add_rules(page: Page, obj: dict[str, Any]) -> None:
    x0, x1, top, bottom = (float(obj[k]) for k in ("x0", "x1", "top", "bottom"))
    thin = 2.0
    if x1 - x0 <= thin:
        page.vertical.append(Rule(x0, x1, top, bottom))
    elif bottom - top <= thin:
        page.horizontal.append(Rule(x0, x1, top, bottom))
    elif obj.get("object_type") == "rect":
        # A cell drawn as a rectangle: its sides are rules too.
        page.vertical += [Rule(x0, x0, top, bottom), Rule(x1, x1, top, bottom)]
        page.horizontal += [Rule(x0, x1, top, top), Rule(x0, x1, bottom, bottom)]
