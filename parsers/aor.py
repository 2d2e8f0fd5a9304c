"""Read a contractor's Attendance and Outcome Report (F063-41-420) from the bytes of a PDF."""

from __future__ import annotations

from parsers.aor_assemble import assemble
from parsers.aor_fields import raw_from_fields
from parsers.aor_model import AorDocument
from parsers.aor_pdf import field_values, open_pdf, page_layout
from parsers.aor_text import read_text
from parsers.errors import NotAnAor, NoTextLayer
from parsers.quiet import quiet_pdf_logs

MAX_PAGES = 20
MAX_BYTES = 10 * 1024 * 1024


def read_aor(data: bytes, max_pages: int = MAX_PAGES, max_bytes: int = MAX_BYTES) -> AorDocument:
    """What the AOR in ``data`` says, with the problems met reading it.

    Live fillable fields are read when they hold the AOR; otherwise the page text is read
    by word positions. Raises a ``parsers.errors`` exception when the file cannot be read.
    """
    # The libraries log what they find odd in a file, quoting its text: participant data.
    with quiet_pdf_logs():
        facts = open_pdf(data, max_pages, max_bytes)
        raw = raw_from_fields(field_values(facts, data), facts.pages)
        if raw is None:
            pages = page_layout(data)
            if not any(page.words for page in pages):
                raise NoTextLayer()
            raw, is_aor = read_text(pages)
            if not is_aor:
                raise NotAnAor()
    return assemble(raw)
