"""Joining PDFs the pool made in parts into one, with the run's own title and number."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

import pikepdf


def merge_pdfs(parts: Sequence[bytes], meta: dict[str, Any]) -> bytes:
    """The pages of ``parts`` in order, as one PDF carrying ``meta``'s title and subject."""
    merged = pikepdf.Pdf.new()
    sources = [pikepdf.Pdf.open(io.BytesIO(part)) for part in parts]
    try:
        for source in sources:
            merged.pages.extend(source.pages)
        merged.docinfo["/Title"] = meta["title"]
        merged.docinfo["/Subject"] = meta["subject"]
        merged.docinfo["/Keywords"] = ", ".join(meta.get("keywords", ()))
        merged.docinfo["/Creator"] = "wtwforms"
        merged.docinfo["/Producer"] = "LibreOffice; pikepdf"
        out = io.BytesIO()
        merged.save(out)
        return out.getvalue()
    finally:
        for source in sources:
            source.close()
