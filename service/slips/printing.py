"""Printing many 50-20e routing slips as one PDF, each slip starting on a new page.

The slips are filled into one document, a section each (``render_sections``), in
parts of up to fifteen slips; the parts are converted side by side on the warm LibreOffice
workers and joined. LibreOffice's DOCX import slows per page as a document grows, so
parts of ten to fifteen slips beat both one big document and one conversion per slip.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from service import clock, documents
from service.auth.permissions import Role
from service.errors import DomainError, InvalidInput
from service.forms import get_form
from service.models.slip import RoutingSlip
from service.models.user import User
from service.office.merge import merge_pdfs
from service.rendering.sections import render_sections
from service.slips.records import FORM_ID, filled_payload, get_slip, queued_slips

Converter = Callable[[bytes, dict[str, Any], float | None], bytes]


class NothingToPrint(DomainError):
    status = 422


@dataclass(frozen=True)
class PrintRun:
    """One PDF of many slips."""

    content: bytes
    mimetype: str
    filename: str
    slip_ids: list[int]


@dataclass(frozen=True)
class PrintSettings:
    part_size: int = 15
    max_slips: int = 500
    parallel: int = 2
    seconds_per_slip: float = 2.0


def choose_slips(session: Session, viewer: User, ids: Sequence[int] | None) -> list[RoutingSlip]:
    """The slips named (in that order, each once), or the whole clerical queue."""
    if ids is None:
        if viewer.role != Role.CLERICAL:
            raise InvalidInput(
                {"ids": ["Name the slips to print; only clerical staff print the whole queue."]}
            )
        chosen = list(queued_slips(session))
    else:
        chosen = [get_slip(session, slip_id, viewer) for slip_id in dict.fromkeys(ids)]
    if not chosen:
        raise NothingToPrint("nothing to print: the routing queue is empty")
    return chosen


def print_slips(
    session: Session,
    viewer: User,
    ids: Sequence[int] | None,
    convert: Converter,
    settings: PrintSettings,
    progress: Callable[[int], None] | None = None,
) -> PrintRun:
    """One PDF of the chosen slips, with approvals and routing filled in as they stand;
    ``progress`` is told how many slips are converted as each part comes back."""
    slips = choose_slips(session, viewer, ids)
    if len(slips) > settings.max_slips:
        raise NothingToPrint(
            f"at most {settings.max_slips} slips print at once; {len(slips)} given"
        )
    contexts = [_context(session, slip) for slip in slips]
    template = documents.compiled_template(get_form(FORM_ID))
    # Enough parts to keep every worker busy, none so big that LibreOffice slows down.
    size = max(1, min(settings.part_size, math.ceil(len(contexts) / max(1, settings.parallel))))
    meta = documents.pdf_metadata(get_form(FORM_ID)) | {"tagged": False}
    timeout = 20.0 + settings.seconds_per_slip * size
    with ThreadPoolExecutor(max_workers=max(1, settings.parallel)) as executor:
        # Each part goes to a worker as soon as it is filled, while the next is being filled.
        futures = [
            executor.submit(
                convert, render_sections(template, contexts[i : i + size]), meta, timeout
            )
            for i in range(0, len(contexts), size)
        ]
        pdfs = []
        for future in futures:
            pdfs.append(future.result())
            if progress is not None:
                progress(min(len(pdfs) * size, len(contexts)))
    content = pdfs[0] if len(pdfs) == 1 else merge_pdfs(pdfs, meta)
    filename = f"{FORM_ID}_{len(slips)}-slips_{clock.today().isoformat()}.pdf"
    return PrintRun(content, documents.PDF_MIME, filename, [slip.id for slip in slips])


def _context(session: Session, slip: RoutingSlip) -> dict[str, Any]:
    result = documents.check(FORM_ID, filled_payload(session, slip))
    if not result.evaluation.ok:
        ev = result.evaluation
        raise InvalidInput({f"slips.{slip.id}.{k}": v for k, v in ev.errors.items()}, ev.warnings)
    return documents.build_context(result)
