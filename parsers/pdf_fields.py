"""Filling a fillable PDF's fields (kept here: only parsers/ touches pypdf)."""

from __future__ import annotations

import io
from collections.abc import Mapping

from pypdf import PdfReader, PdfWriter

from parsers.quiet import quiet_pdf_logs


def fill_fields(pdf: bytes, values: Mapping[str, str]) -> bytes:
    """``pdf`` with its text fields set to ``values``; viewers redraw the appearances."""
    with quiet_pdf_logs():
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
        for page in writer.pages:
            writer.update_page_form_field_values(page, dict(values), auto_regenerate=False)
    # Ask viewers to redraw field appearances, so non-Latin values show in any font.
    writer.set_need_appearances_writer(True)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
