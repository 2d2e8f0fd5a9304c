"""Open an uploaded PDF safely: checks, AcroForm field values, and words and rules per page."""

from __future__ import annotations

import io
from typing import Any

import pypdf
from pypdf.errors import PdfReadError
from pypdf.generic import NameObject

from parsers.aor_geometry import Page, Rule, Word
from parsers.errors import CorruptPdf, EmptyPdf, EncryptedPdf, NotAPdf, TooLarge, TooManyPages
from parsers.pdfium_reader import form_values, read_pages


def open_pdf(data: bytes, max_pages: int, max_bytes: int) -> pypdf.PdfReader:
    """A decrypted pypdf reader for ``data``, or the error that says why there is none."""
    if not data:
        raise EmptyPdf()
    if len(data) > max_bytes:
        raise TooLarge("bytes", max_bytes)
    if b"%PDF-" not in data[:1024]:
        raise NotAPdf()
    if b"%%EOF" not in data:
        raise CorruptPdf(truncated=True)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        _decrypt(reader)
        pages = len(reader.pages)
    except EncryptedPdf:
        raise
    except Exception as exc:  # pypdf raises many types on damaged input; all mean the same
        raise CorruptPdf() from exc
    if pages == 0:
        raise CorruptPdf()
    if pages > max_pages:
        raise TooManyPages(pages, max_pages)
    return reader


def _decrypt(reader: pypdf.PdfReader) -> None:
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


def field_values(reader: pypdf.PdfReader, data: bytes) -> dict[str, str]:
    """AcroForm text values by full field name; empty when the PDF has no live fields.

    PDFium reads the values about twice as fast as walking the field tree with pypdf;
    pypdf's walk stays for fields PDFium does not see (fields without a widget).
    """
    try:
        root: Any = reader.trailer["/Root"]
        if not root.get("/AcroForm"):
            return {}
        values = form_values(data)
    except Exception as exc:  # a broken form dictionary is a broken file
        raise CorruptPdf() from exc
    return values or tree_values(reader)


def tree_values(reader: pypdf.PdfReader) -> dict[str, str]:
    """AcroForm text values by full field name, walking /Fields with pypdf."""
    try:
        root: Any = reader.trailer["/Root"]
        form = root.get("/AcroForm")
        fields = form.get_object().get("/Fields", []) if form else []
        values: dict[str, str] = {}
        for ref in fields:
            _collect(ref.get_object(), "", values)
        return values
    except Exception as exc:  # a broken form dictionary is a broken file
        raise CorruptPdf() from exc


def _collect(node: Any, prefix: str, values: dict[str, str]) -> None:
    name = str(node.get("/T", ""))
    full = f"{prefix}.{name}" if prefix and name else name or prefix
    value = node.get("/V")
    if value is not None and full:
        values[full] = _field_text(value)
    for kid in node.get("/Kids", []):
        _collect(kid.get_object(), full, values)


def _field_text(value: Any) -> str:
    value = value.get_object() if hasattr(value, "get_object") else value
    if isinstance(value, NameObject):  # a check box or radio button: /Yes, /Off
        return "" if value == "/Off" else str(value)[1:]
    if isinstance(value, bytes):
        return value.decode("latin-1")
    if isinstance(value, list):
        return ", ".join(_field_text(v) for v in value)
    return str(value)


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
