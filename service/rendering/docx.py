"""A docxtpl template compiled once and filled many times.

docxtpl's own ``render`` re-reads the .docx, re-parses every part with python-docx
and re-zips the package on every call. The parts without Jinja tags never change,
so they are zipped once; the parts with tags are cleaned by docxtpl's ``patch_xml``
and compiled to Jinja templates once. A render is then a Jinja render of those
parts, appended to a copy of the pre-built zip.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import Environment, StrictUndefined, Template

from service.i18n import ENGLISH, LOCALES
from service.i18n.catalog import CATALOGS
from service.i18n.formats import language_name, locale_filters
from service.rendering.filters import FILTERS, finalize
from service.text import xml_text

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_TAG = re.compile(r"\{[{%#]")
_PARAGRAPH = re.compile(r"<w:p([ >])")
_MARKED_PARAGRAPH = re.compile(r"\n<w:p([ >])")
_LISTING_CHARS = ("\n", "\t")


@dataclass(frozen=True)
class Rendered:
    """A filled document: its bytes and MIME type."""

    content: bytes
    mimetype: str


def make_environment(language: str = "en") -> Environment:
    """The Jinja environment of every form: escaping on, no silent missing variables.

    A translated template prints dates, hours and money the way its language writes them;
    ``us_date`` is not there, so a US date left in a translation fails the template lint.
    """
    env = Environment(autoescape=True, undefined=StrictUndefined, finalize=_xml_value)
    env.filters.update(FILTERS)
    locale = LOCALES[language]
    if language == ENGLISH:
        env.filters["language_name"] = language_name(locale)
    else:
        catalog = CATALOGS[language]
        del env.filters["us_date"]
        env.filters.update(locale_filters(locale, catalog.yes, catalog.no))
    return env


def _xml_value(value: Any) -> Any:
    # Every printed value passes here: stored text holding what XML cannot carry (a lone
    # surrogate, a control character) is filled with U+FFFD instead, so the document opens.
    value = finalize(value)
    return type(value)(xml_text(value)) if isinstance(value, str) else value


class CompiledTemplate:
    """One .docx template, split into a static zip and compiled Jinja parts."""

    def __init__(self, path: Path, env: Environment | None = None) -> None:
        self.path = path
        self.env = env or make_environment()
        self.sources: dict[str, str] = {}
        self._templates: dict[str, Template] = {}
        self._base = self._split(path)

    def _split(self, path: Path) -> bytes:
        self._patcher = patcher = DocxTemplate(str(path))
        out = io.BytesIO()
        with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                data = src.read(info)
                if info.filename.endswith(".xml") and _TAG.search(data.decode("utf-8", "replace")):
                    # Same cleaning docxtpl applies before handing a part to Jinja.
                    source = patcher.patch_xml(_strip_declaration_break(data.decode("utf-8")))
                    self.sources[info.filename] = source
                    marked = _PARAGRAPH.sub(r"\n<w:p\1", source)
                    self._templates[info.filename] = self.env.from_string(marked)
                else:
                    dst.writestr(info, data)
        return out.getvalue()

    def render(self, context: dict[str, Any]) -> bytes:
        """Fill the template; returns the .docx bytes."""
        return self.package(self.render_parts(context))

    def render_parts(self, context: dict[str, Any]) -> dict[str, str]:
        """The XML of every part that has tags, filled from ``context``."""
        parts = {}
        for name, template in self._templates.items():
            xml = _MARKED_PARAGRAPH.sub(r"<w:p\1", template.render(context))
            if any(ch in xml for ch in _LISTING_CHARS):
                # Line breaks and tabs typed in a value become Word breaks and tabs.
                xml = self._patcher.resolve_listing(xml)
            parts[name] = xml
        return parts

    def static_part(self, name: str) -> str:
        """A part without tags, as the template has it."""
        with zipfile.ZipFile(io.BytesIO(self._base)) as package:
            return package.read(name).decode("utf-8")

    def package(self, parts: dict[str, str]) -> bytes:
        """The pre-zipped static parts plus ``parts`` (which may replace static ones)."""
        base = self._base
        replaced = set(parts) - set(self._templates)
        if replaced:
            base = _without(base, replaced)
        out = io.BytesIO(base)
        out.seek(0, io.SEEK_END)
        with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as dst:
            for name, xml in parts.items():
                dst.writestr(name, xml)
        return out.getvalue()


def _without(package: bytes, names: set[str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            if info.filename not in names:
                dst.writestr(info, src.read(info))
    return out.getvalue()


def _strip_declaration_break(xml: str) -> str:
    # The line break after <?xml ...?> would otherwise look like a typed line break.
    head, sep, rest = xml.partition("?>")
    return head + sep + rest.lstrip("\r\n") if sep else xml
