"""A copy of an uploaded PDF without active content or attachments, for staff to open."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

import pikepdf

from parsers.errors import UnreadablePdf

# Keys whose values run code, open other files or carry files; dropped wherever they stand.
DROPPED_KEYS = {
    "/AA": "additional actions",
    "/OpenAction": "an action run on opening",
    "/JS": "JavaScript",
    "/JavaScript": "JavaScript",
    "/EmbeddedFiles": "embedded files",
    "/EF": "embedded files",
    "/AF": "associated files",
    "/XFA": "an XFA form",
    "/Collection": "a PDF portfolio",
    "/RichMediaContent": "rich media",
}
# The only actions kept: moving within the document and ordinary web or mail links.
KEPT_ACTIONS = {"/GoTo", "/URI", "/Named"}
SAFE_URI_SCHEMES = ("http:", "https:", "mailto:")
# Annotations that carry a file or play media: dropped from every page.
DROPPED_ANNOTATIONS = {"/FileAttachment", "/Sound", "/Movie", "/Screen", "/RichMedia", "/3D"}


class CannotSanitize(UnreadablePdf):
    def __init__(self) -> None:
        super().__init__(
            "the PDF is damaged: its structure could not be rewritten to remove active "
            "content; save it again as a plain PDF and upload that"
        )


@dataclass(frozen=True)
class Sanitized:
    """The rewritten PDF, and what was taken out of it (for the EC to know)."""

    data: bytes
    removed: tuple[str, ...]


def sanitize(data: bytes) -> Sanitized:
    """``data`` rewritten without JavaScript, actions that leave the file, and attachments."""
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            removed: set[str] = set()
            _clean_objects(pdf, removed)
            out = io.BytesIO()
            # Objects no longer referenced (the attachments' streams) are not written.
            pdf.save(out, encryption=False, fix_metadata_version=False)
    except Exception as exc:  # qpdf raises many types on damaged input; all mean the same
        raise CannotSanitize() from exc
    return Sanitized(out.getvalue(), tuple(sorted(removed)))


def _clean_objects(pdf: pikepdf.Pdf, removed: set[str]) -> None:
    """Every dictionary reachable from the trailer, walked once without recursion."""
    stack: list[Any] = [pdf.trailer]
    seen: set[tuple[int, int]] = set()
    while stack:
        node = stack.pop()
        if node.is_indirect:
            if node.objgen in seen:
                continue
            seen.add(node.objgen)
        if isinstance(node, pikepdf.Array):
            stack.extend(item for item in node if _container(item))
            continue
        mapping = node.stream_dict if isinstance(node, pikepdf.Stream) else node
        _clean_dictionary(mapping, removed)
        stack.extend(mapping[key] for key in list(mapping.keys()) if _container(mapping[key]))


def _container(item: Any) -> bool:
    return isinstance(item, pikepdf.Dictionary | pikepdf.Array | pikepdf.Stream)


def _clean_dictionary(mapping: Any, removed: set[str]) -> None:
    for key, what in DROPPED_KEYS.items():
        if key in mapping:
            del mapping[key]
            removed.add(what)
    for key in ("/A", "/Next"):
        if key in mapping and not _kept_action(mapping[key]):
            del mapping[key]
            removed.add("actions that run code, open files or send data")
    if isinstance(mapping.get("/Annots"), pikepdf.Array):
        annotations = mapping["/Annots"]
        kept = [a for a in annotations if _annotation_kept(a)]
        if len(kept) != len(annotations):
            mapping["/Annots"] = pikepdf.Array(kept)
            removed.add("attachment and media annotations")


def _kept_action(action: Any) -> bool:
    if isinstance(action, pikepdf.Array):  # a /Next list of actions
        return all(_kept_action(item) for item in action)
    if not isinstance(action, pikepdf.Dictionary):
        return False
    kind = str(action.get("/S", ""))
    if kind == "/URI":
        return str(action.get("/URI", "")).strip().lower().startswith(SAFE_URI_SCHEMES)
    return kind in KEPT_ACTIONS


def _annotation_kept(annotation: Any) -> bool:
    return not (
        isinstance(annotation, pikepdf.Dictionary)
        and str(annotation.get("/Subtype", "")) in DROPPED_ANNOTATIONS
    )
