"""Many fillings of one template as one .docx: each filling its own section and pages.

Printing 200 routing slips as 200 documents would mean 200 PDF conversions. Instead each
slip's body becomes a section of a single document, with its own header and footer
parts (they name the participant), starting on a new page with page numbers from 1.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from service.rendering.docx import CompiledTemplate

DOCUMENT = "word/document.xml"
RELS = "word/_rels/document.xml.rels"
TYPES = "[Content_Types].xml"
_BODY = re.compile(r"(<w:body>)(.*)(<w:sectPr\b.*?</w:sectPr>)\s*(</w:body>)", re.S)
_REFERENCE = re.compile(r'<w:(header|footer)Reference\b[^>]*?r:id="([^"]+)"[^>]*/>')
_RELATIONSHIP = re.compile(r'<Relationship\b[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"[^>]*/>')
_PAGE_SIZE = re.compile(r"<w:pgSz\b")
_COLUMNS = re.compile(r"<w:cols\b")
# The total in "Page N of M" is this slip's pages, not the whole print run's.
_NUMPAGES = re.compile(r"\bNUMPAGES\b")
_CONTENT_TYPE = {
    "header": "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
    "footer": "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
}


def render_sections(template: CompiledTemplate, contexts: Sequence[dict[str, Any]]) -> bytes:
    """One .docx holding ``template`` filled once per context, each on new pages."""
    if not contexts:
        raise ValueError("render_sections needs at least one context")
    targets = _targets(_part(template, {}, RELS))
    bodies, rels, types = [], [], []
    parts: dict[str, str] = {}
    head = tail = ""
    for index, context in enumerate(contexts):
        filled = template.render_parts(context)
        match = _BODY.search(filled[DOCUMENT])
        if match is None:
            raise ValueError("the template's document.xml has no final section properties")
        if index == 0:
            head, tail = filled[DOCUMENT][: match.start(2)], filled[DOCUMENT][match.end(3) :]
            # The template's own header and footer stay (its relationships name them),
            # though every section points at its own copies.
            parts.update({k: v for k, v in filled.items() if k != DOCUMENT})
        section = match.group(3)
        for kind, rel_id in _REFERENCE.findall(section):
            name = f"{kind}_s{index + 1}.xml"
            new_id = f"rIdS{index + 1}{kind}"
            part = filled.get(f"word/{targets[rel_id]}") or template.static_part(
                f"word/{targets[rel_id]}"
            )
            parts[f"word/{name}"] = _NUMPAGES.sub("SECTIONPAGES", part)
            section = section.replace(f'r:id="{rel_id}"', f'r:id="{new_id}"')
            rels.append(
                f'<Relationship Id="{new_id}" Target="{name}" Type="http://schemas.openxmlformats'
                f'.org/officeDocument/2006/relationships/{kind}"/>'
            )
            types.append(f'<Override PartName="/word/{name}" ContentType="{_CONTENT_TYPE[kind]}"/>')
        section = _COLUMNS.sub('<w:pgNumType w:start="1"/><w:cols', section, count=1)
        section = _PAGE_SIZE.sub('<w:type w:val="nextPage"/><w:pgSz', section, count=1)
        last = index == len(contexts) - 1
        bodies.append(
            match.group(2) + (section if last else f"<w:p><w:pPr>{section}</w:pPr></w:p>")
        )
    parts[DOCUMENT] = head + "".join(bodies) + tail
    parts[RELS] = _part(template, {}, RELS).replace(
        "</Relationships>", "".join(rels) + "</Relationships>"
    )
    parts[TYPES] = _part(template, {}, TYPES).replace("</Types>", "".join(types) + "</Types>")
    return template.package(parts)


def _part(template: CompiledTemplate, filled: dict[str, str], name: str) -> str:
    return filled.get(name) or template.static_part(name)


def _targets(rels: str) -> dict[str, str]:
    return dict(_RELATIONSHIP.findall(rels))
