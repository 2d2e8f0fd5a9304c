"""Other PDFs for the tests: flattened and encrypted copies, a scan, a letter, too many pages."""

from __future__ import annotations

import io
from collections.abc import Callable

from PIL import Image
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

W, H = LETTER


def flattened(data: bytes) -> bytes:
    """``data`` with its live fields burnt into the page text, as PDF editors flatten."""
    reader = PdfReader(io.BytesIO(data))
    values = {name: f.get("/V") or "" for name, f in (reader.get_fields() or {}).items()}
    writer = PdfWriter(clone_from=reader)
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False, flatten=True)
        if "/Annots" in page:
            del page["/Annots"]
    del writer.root_object["/AcroForm"]
    return _written(writer)


def encrypted(data: bytes, user_password: str = "secret") -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user_password, owner_password="county", algorithm="AES-128")
    return _written(writer)


def _written(writer: PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _canvas_pdf(draw: Callable[[Canvas], None]) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=LETTER)
    draw(canvas)
    canvas.save()
    return buffer.getvalue()


def scanned() -> bytes:
    """A page that is only a picture of a form, as a scanner makes it."""

    def draw(canvas: Canvas) -> None:
        image = Image.new("L", (85, 110), color=255)
        for x in range(10, 75):
            image.putpixel((x, 12), 0)
        canvas.drawImage(ImageReader(image), 0, 0, width=W, height=H)
        canvas.showPage()

    return _canvas_pdf(draw)


def letter() -> bytes:
    """A PDF with text that is not an AOR."""

    def draw(canvas: Canvas) -> None:
        canvas.setFont("Helvetica", 11)
        for n, line in enumerate(("Dear participant,", "Your appointment is on 03/04/2026.")):
            canvas.drawString(72, H - 72 - 16 * n, line)
        canvas.showPage()

    return _canvas_pdf(draw)


def pages(count: int) -> bytes:
    """An AOR-titled PDF of ``count`` pages."""

    def draw(canvas: Canvas) -> None:
        for n in range(count):
            canvas.setFont("Helvetica-Bold", 13)
            canvas.drawString(72, H - 72, "ATTENDANCE AND OUTCOME REPORT (AOR)")
            canvas.drawString(72, H - 100, f"Page {n + 1} of {count}")
            canvas.showPage()

    return _canvas_pdf(draw)


def with_fields(data: bytes, values: dict[str, str]) -> bytes:
    """A fillable AOR with some of its live fields set again, as a contractor corrects one."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    return _written(writer)
