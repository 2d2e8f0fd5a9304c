"""Letters a font without a Unicode map still names: its /Differences and its program's glyphs.

PDF 32000-1 section 9.10.2 reads a character's text from the font's ToUnicode map, else from
the glyph names of its encoding through the Adobe Glyph List. A re-saved file can lose the map;
PDFium then gives the character code itself (U+0001 for "ễ", a glyph index for a composite font)
and says so (``FPDFText_HasUnicodeMapError``). Such characters are looked up here in the font
dictionary's /Differences, then in the embedded program's own glyph names ('post' table, CFF
charset, Type 1 encoding) or Unicode 'cmap'. What no name recovers stays a code for the service
to mark unreadable; in a composite font it is U+FFFD, since its code is a glyph index.
"""

from __future__ import annotations

import ctypes
import hashlib
import io
import unicodedata
from collections.abc import Iterator
from typing import Any

import pypdfium2.raw as pdfium_c

from parsers.font_programs import TrueType, cff_names, type1_names

REPLACEMENT = "\ufffd"
# Unicode categories that are no letter a person wrote: controls, surrogates, private use,
# unassigned. A name giving one recovers nothing.
_NOT_TEXT = frozenset({"Cc", "Cs", "Co", "Cn"})
IDENTITY = ("/Identity-H", "/Identity-V")
# Form XObjects inside form XObjects: deeper nesting is not looked into.
MAX_DEPTH = 4
FontKey = tuple[str, str]


def glyph_text(name: str) -> str | None:
    """The text a glyph name stands for by the Adobe Glyph List and its naming rules
    (``uni1EC5``, ``u1EC5``, ``ecircumflextilde``, ``f_i``); None for a name that says
    nothing (``g17``, ``glyph5``, ``.notdef``) or that gives no letter."""
    # pdfminer's glyph list takes 150 ms to import: only a file that lost its map needs it.
    from pdfminer.encodingdb import name2unicode

    try:
        text = name2unicode(name)
    except (KeyError, ValueError, OverflowError):
        return None
    return text if _is_text(text) else None


def _is_text(text: str | None) -> bool:
    return bool(text) and all(unicodedata.category(ch) not in _NOT_TEXT for ch in text or "")


class FontText:
    """The text of one font's character codes, as its names and program give it."""

    def __init__(self, font: Any) -> None:
        self.composite = font.get("/Subtype") == "/Type0"
        self._codes: dict[int, str] = {}
        self._glyphs: dict[int, str] = {}
        self._cid_to_gid: bytes | None = None
        self.key: FontKey | None = None
        if self.composite:
            self._composite(font)
        else:
            self._simple(font)

    def text(self, code: int) -> str | None:
        if not self.composite:
            return self._codes.get(code)
        gid = code
        if self._cid_to_gid is not None:
            pair = self._cid_to_gid[2 * code : 2 * code + 2]
            gid = int.from_bytes(pair, "big") if len(pair) == 2 else 0
        return self._glyphs.get(gid)

    def _simple(self, font: Any) -> None:
        descriptor = _resolved(font.get("/FontDescriptor")) or {}
        program, kind = _program(descriptor)
        self.key = _key(font, program)
        if kind == "/FontFile2" and program is not None:
            self._codes = _truetype_codes(TrueType(program))
        elif kind == "/FontFile3" and program is not None:
            names = cff_names(program)
            self._codes = {c: t for c, n in names.items() if (t := glyph_text(n)) is not None}
        elif kind == "/FontFile" and program is not None:
            clear = _resolved(descriptor.get("/FontFile")).get("/Length1", 0)
            texts = type1_names(program, int(clear))
            self._codes = {c: t for c, t in texts.items() if _is_text(t)}
        encoding = _resolved(font.get("/Encoding"))
        if isinstance(encoding, dict):
            self._codes.update(_differences(encoding.get("/Differences")))

    def _composite(self, font: Any) -> None:
        descendants = _resolved(font.get("/DescendantFonts")) or []
        descendant = _resolved(descendants[0]) if len(descendants) else None
        if descendant is None:
            return
        descriptor = _resolved(descendant.get("/FontDescriptor")) or {}
        program, kind = _program(descriptor)
        self.key = _key(font, program)
        # A CMap other than Identity maps codes to CIDs by tables of its own; a CFF-based
        # CIDFont maps CIDs to glyphs by its charset: neither is followed here.
        if font.get("/Encoding") not in IDENTITY or kind != "/FontFile2" or program is None:
            return
        mapping = _resolved(descendant.get("/CIDToGIDMap"))
        if mapping is not None and not isinstance(mapping, str):
            self._cid_to_gid = mapping.get_data()
        self._glyphs = _glyph_texts(TrueType(program))


def _truetype_codes(program: TrueType) -> dict[int, str]:
    glyphs = _glyph_texts(program)
    codes = {code: program.glyph_of_code(code) for code in range(256)}
    return {code: glyphs[gid] for code, gid in codes.items() if gid in glyphs}


def _glyph_texts(program: TrueType) -> dict[int, str]:
    """Each glyph's text: by its name, else by the program's own Unicode map."""
    out = {gid: text for gid, text in program.unicode_of_glyphs().items() if _is_text(text)}
    named = {gid: glyph_text(name) for gid, name in program.names.items()}
    out.update({gid: text for gid, text in named.items() if text is not None})
    return out


def _differences(differences: Any) -> dict[int, str]:
    """Code to text by a /Differences array: a number, then names for that code and on."""
    out: dict[int, str] = {}
    code = 0
    for item in _resolved(differences) or []:
        item = _resolved(item)
        if isinstance(item, int):
            code = item
            continue
        text = glyph_text(str(item).lstrip("/"))
        if text is not None and 0 <= code < 256:
            out[code] = text
        code += 1
    return out


def _program(descriptor: Any) -> tuple[bytes | None, str]:
    for kind in ("/FontFile2", "/FontFile3", "/FontFile"):
        stream = _resolved(descriptor.get(kind))
        if stream is not None:
            try:
                return stream.get_data(), kind
            except Exception:  # a stream pypdf cannot decode embeds nothing readable
                return None, kind
    return None, ""


def _key(font: Any, program: bytes | None) -> FontKey:
    """How PDFium's font is matched to its dictionary: the program, else the base name."""
    if program is not None:
        return "program", hashlib.sha1(program, usedforsecurity=False).hexdigest()
    return "name", base_name(str(font.get("/BaseFont", "")))


def base_name(name: str) -> str:
    """A font's name without the leading slash or a subset's tag ("AAAAAA+DejaVuSans")."""
    name = name.lstrip("/")
    tag, plus, rest = name.partition("+")
    return rest if plus and len(tag) == 6 and tag.isupper() else name


def _resolved(value: Any) -> Any:
    return value.get_object() if hasattr(value, "get_object") else value


def document_fonts(data: bytes) -> Iterator[Any]:
    """Every font dictionary the pages of ``data`` use, forms inside them included, once."""
    import pypdf  # already loaded where a reader opened the file; not on every import

    reader = pypdf.PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        reader.decrypt("")
    seen: set[int] = set()
    for page in reader.pages:
        yield from _fonts(_resolved(page.get("/Resources")), seen, 0)


def _fonts(resources: Any, seen: set[int], depth: int) -> Iterator[Any]:
    if not isinstance(resources, dict) or depth > MAX_DEPTH:
        return
    for kind in ("/Font", "/XObject"):
        for value in (_resolved(resources.get(kind)) or {}).values():
            item = _resolved(value)
            if id(item) in seen or not isinstance(item, dict):
                continue
            seen.add(id(item))
            if kind == "/Font":
                yield item
            elif item.get("/Subtype") == "/Form":
                yield from _fonts(_resolved(item.get("/Resources")), seen, depth + 1)


class Recovery:
    """Text for the characters of one PDFium document that lost their Unicode map.

    The file's font dictionaries are read only when the first such character is met.
    """

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._fonts: dict[FontKey, list[FontText]] | None = None
        self._handles: dict[int, list[FontText]] = {}

    def text(self, textpage: Any, index: int, code: int) -> str:
        """What the character ``index`` with code ``code`` stands for, as well as can be told."""
        fonts = self._matching(textpage, index)
        found = {text for font in fonts if (text := font.text(code)) is not None}
        if len(found) == 1:
            return found.pop()
        if any(font.composite for font in fonts):
            return REPLACEMENT
        return chr(code)

    def _matching(self, textpage: Any, index: int) -> list[FontText]:
        obj = pdfium_c.FPDFText_GetTextObject(textpage, index)
        handle = pdfium_c.FPDFTextObj_GetFont(obj) if obj else None
        address = ctypes.cast(handle, ctypes.c_void_p).value if handle else None
        if address is None:
            return []
        if address not in self._handles:
            self._handles[address] = self._by_key().get(_pdfium_key(handle), [])
        return self._handles[address]

    def _by_key(self) -> dict[FontKey, list[FontText]]:
        if self._fonts is None:
            self._fonts = {}
            try:
                for font in document_fonts(self._data):
                    text = FontText(font)
                    if text.key is not None:
                        self._fonts.setdefault(text.key, []).append(text)
            except Exception:  # a damaged font dictionary recovers nothing; the codes stay
                pass
        return self._fonts


def _pdfium_key(font: Any) -> FontKey:
    if pdfium_c.FPDFFont_GetIsEmbedded(font):
        size = ctypes.c_size_t()
        pdfium_c.FPDFFont_GetFontData(font, None, 0, size)
        buffer = (ctypes.c_uint8 * size.value)()
        pdfium_c.FPDFFont_GetFontData(font, buffer, size.value, size)
        return "program", hashlib.sha1(bytes(buffer), usedforsecurity=False).hexdigest()
    length = pdfium_c.FPDFFont_GetBaseFontName(font, None, 0)
    name = ctypes.create_string_buffer(max(length, 1))
    pdfium_c.FPDFFont_GetBaseFontName(font, name, length)
    return "name", base_name(name.value.decode("latin-1"))
