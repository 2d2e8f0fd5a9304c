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
    bodies: list[str] = []
    rels: list[str] = []
    types: list[str] = []
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
        section = _own_headers(template, filled, match.group(3), index + 1, targets, parts, rels)
        types.extend(
            f'<Override PartName="/word/{kind}_s{index + 1}.xml" ContentType="{content}"/>'
            for kind, content in _CONTENT_TYPE.items()
            if f"word/{kind}_s{index + 1}.xml" in parts
        )
        last = index == len(contexts) - 1
        bodies.append(
            match.group(2) + (section if last else f"<w:p><w:pPr>{section}</w:pPr></w:p>")
        )
    parts[DOCUMENT] = head + "".join(bodies) + tail
    relationships = _part(template, {}, RELS)
    parts[RELS] = relationships.replace("</Relationships>", "".join(rels) + "</Relationships>")
    parts[TYPES] = _part(template, {}, TYPES).replace("</Types>", "".join(types) + "</Types>")
    return template.package(parts)


def _own_headers(
    template: CompiledTemplate,
    filled: dict[str, str],
    section: str,
    number: int,
    targets: dict[str, str],
    parts: dict[str, str],
    rels: list[str],
) -> str:
    """Section ``number``'s properties, pointing at its own filled header and footer copies,
    starting a new page numbered from 1; the copies go into ``parts`` and ``rels``."""
    for kind, rel_id in _REFERENCE.findall(section):
        name, new_id = f"{kind}_s{number}.xml", f"rIdS{number}{kind}"
        parts[f"word/{name}"] = _NUMPAGES.sub(
            "SECTIONPAGES", _part(template, filled, f"word/{targets[rel_id]}")
        )
        section = section.replace(f'r:id="{rel_id}"', f'r:id="{new_id}"')
        rels.append(
            f'<Relationship Id="{new_id}" Target="{name}" Type="http://schemas.openxmlformats'
            f'.org/officeDocument/2006/relationships/{kind}"/>'
        )
    section = _COLUMNS.sub('<w:pgNumType w:start="1"/><w:cols', section, count=1)
    return _PAGE_SIZE.sub('<w:type w:val="nextPage"/><w:pgSz', section, count=1)


def _part(template: CompiledTemplate, filled: dict[str, str], name: str) -> str:
    return filled.get(name) or template.static_part(name)


def _targets(rels: str) -> dict[str, str]:
    return dict(_RELATIONSHIP.findall(rels))
