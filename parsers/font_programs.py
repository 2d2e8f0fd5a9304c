"""Glyph names and Unicode values that an embedded font program holds, read from its bytes."""

from __future__ import annotations

import io
import struct
from collections.abc import Iterator

# The 258 glyphs a TrueType 'post' table names by index alone (Apple's TrueType Reference
# Manual, "The 'post' table", standard Macintosh glyph order).
_MAC_NAMES = (
    ".notdef .null nonmarkingreturn space exclam quotedbl numbersign dollar percent ampersand "
    "quotesingle parenleft parenright asterisk plus comma hyphen period slash zero one two three "
    "four five six seven eight nine colon semicolon less equal greater question at A B C D E F G "
    "H I J K L M N O P Q R S T U V W X Y Z bracketleft backslash bracketright asciicircum "
    "underscore grave a b c d e f g h i j k l m n o p q r s t u v w x y z braceleft bar "
    "braceright asciitilde Adieresis Aring Ccedilla Eacute Ntilde Odieresis Udieresis aacute "
    "agrave acircumflex adieresis atilde aring ccedilla eacute egrave ecircumflex edieresis "
    "iacute igrave icircumflex idieresis ntilde oacute ograve ocircumflex odieresis otilde "
    "uacute ugrave ucircumflex udieresis dagger degree cent sterling section bullet paragraph "
    "germandbls registered copyright trademark acute dieresis notequal AE Oslash infinity "
    "plusminus lessequal greaterequal yen mu partialdiff summation product pi integral "
    "ordfeminine ordmasculine Omega ae oslash questiondown exclamdown logicalnot radical florin "
    "approxequal Delta guillemotleft guillemotright ellipsis nonbreakingspace Agrave Atilde "
    "Otilde OE oe endash emdash quotedblleft quotedblright quoteleft quoteright divide lozenge "
    "ydieresis Ydieresis fraction currency guilsinglleft guilsinglright fi fl daggerdbl "
    "periodcentered quotesinglbase quotedblbase perthousand Acircumflex Ecircumflex Aacute "
    "Edieresis Egrave Iacute Icircumflex Idieresis Igrave Oacute Ocircumflex apple Ograve "
    "Uacute Ucircumflex Ugrave dotlessi circumflex tilde macron breve dotaccent ring cedilla "
    "hungarumlaut ogonek caron Lslash lslash Scaron scaron Zcaron zcaron brokenbar Eth eth "
    "Yacute yacute Thorn thorn minus multiply onesuperior twosuperior threesuperior onehalf "
    "onequarter threequarters franc Gbreve gbreve Idotaccent Scedilla scedilla Cacute cacute "
    "Ccaron ccaron dcroat"
)
MAC_GLYPHS = tuple(_MAC_NAMES.split())
# A hostile font may claim any number of mappings: no real font has more glyphs than this.
MAX_ENTRIES = 0x10000
SFNT = (b"\x00\x01\x00\x00", b"true", b"OTTO")


class TrueType:
    """A TrueType (or OpenType) program's code-to-glyph maps, Unicode map and glyph names."""

    def __init__(self, data: bytes) -> None:
        tables = dict(_tables(data))
        # (platform, encoding) -> code -> glyph index, for each cmap subtable read.
        self.cmaps: dict[tuple[int, int], dict[int, int]] = {}
        if "cmap" in tables:
            self.cmaps = dict(_cmaps(tables["cmap"]))
        self.names = _post_names(tables.get("post", b""))

    def unicode_of_glyphs(self) -> dict[int, str]:
        """Each glyph's character by the font's own Unicode map, the lowest code point first."""
        out: dict[int, str] = {}
        for key in ((3, 10), (0, 4), (3, 1), (0, 3)):
            for code, gid in sorted(self.cmaps.get(key, {}).items(), reverse=True):
                out[gid] = chr(code)
        return out

    def glyph_of_code(self, code: int) -> int | None:
        """The glyph a simple font's byte ``code`` draws: the symbolic (3,0) map, else (1,0)."""
        symbolic = self.cmaps.get((3, 0), {})
        for candidate in (code, 0xF000 + code, 0xF100 + code, 0xF200 + code):
            if symbolic.get(candidate):
                return symbolic[candidate]
        return self.cmaps.get((1, 0), {}).get(code) or None


def _tables(data: bytes) -> Iterator[tuple[str, bytes]]:
    if data[:4] not in SFNT or len(data) < 12:
        return
    (count,) = struct.unpack_from(">H", data, 4)
    for index in range(min(count, 64)):
        record = 12 + 16 * index
        if record + 16 > len(data):
            return
        tag = data[record : record + 4].decode("latin-1")
        offset, length = struct.unpack_from(">II", data, record + 8)
        yield tag, data[offset : offset + length]


def _cmaps(table: bytes) -> Iterator[tuple[tuple[int, int], dict[int, int]]]:
    if len(table) < 4:
        return
    (count,) = struct.unpack_from(">H", table, 2)
    for index in range(min(count, 32)):
        at = 4 + 8 * index
        if at + 8 > len(table):
            return
        platform, encoding, offset = struct.unpack_from(">HHI", table, at)
        try:
            yield (platform, encoding), _subtable(table, offset)
        except (struct.error, IndexError):  # a damaged subtable gives nothing
            continue


def _subtable(table: bytes, at: int) -> dict[int, int]:
    (kind,) = struct.unpack_from(">H", table, at)
    if kind == 0:
        return {code: gid for code, gid in enumerate(table[at + 6 : at + 262]) if gid}
    if kind == 6:
        first, count = struct.unpack_from(">HH", table, at + 6)
        gids = struct.unpack_from(f">{min(count, MAX_ENTRIES)}H", table, at + 10)
        return {first + n: gid for n, gid in enumerate(gids) if gid}
    if kind == 4:
        return _format4(table, at)
    if kind == 12:
        return _format12(table, at)
    return {}


def _format4(table: bytes, at: int) -> dict[int, int]:
    (doubled,) = struct.unpack_from(">H", table, at + 6)
    segments = doubled // 2
    ends = struct.unpack_from(f">{segments}H", table, at + 14)
    starts = struct.unpack_from(f">{segments}H", table, at + 16 + doubled)
    deltas = struct.unpack_from(f">{segments}h", table, at + 16 + 2 * doubled)
    ranges_at = at + 16 + 3 * doubled
    offsets = struct.unpack_from(f">{segments}H", table, ranges_at)
    out: dict[int, int] = {}
    for n, (start, end) in enumerate(zip(starts, ends, strict=True)):
        for code in range(start, min(end, 0xFFFE) + 1):
            if offsets[n]:
                where = ranges_at + 2 * n + offsets[n] + 2 * (code - start)
                (gid,) = struct.unpack_from(">H", table, where)
                gid = (gid + deltas[n]) & 0xFFFF if gid else 0
            else:
                gid = (code + deltas[n]) & 0xFFFF
            if gid:
                out[code] = gid
    return out


def _format12(table: bytes, at: int) -> dict[int, int]:
    (groups,) = struct.unpack_from(">I", table, at + 12)
    out: dict[int, int] = {}
    for n in range(min(groups, MAX_ENTRIES)):
        start, end, gid = struct.unpack_from(">III", table, at + 16 + 12 * n)
        for code in range(start, min(end, start + MAX_ENTRIES - len(out), 0x10FFFF) + 1):
            out[code] = gid + code - start
        if len(out) >= MAX_ENTRIES:
            break
    return out


def _post_names(table: bytes) -> dict[int, str]:
    """Glyph index to name from a version 2.0 'post' table (other versions name no glyphs)."""
    if table[:4] != b"\x00\x02\x00\x00" or len(table) < 34:
        return {}
    (count,) = struct.unpack_from(">H", table, 32)
    try:
        indexes = struct.unpack_from(f">{count}H", table, 34)
    except struct.error:
        return {}
    strings, at = [], 34 + 2 * count
    while at < len(table):
        size = table[at]
        strings.append(table[at + 1 : at + 1 + size].decode("latin-1"))
        at += 1 + size
    names = {}
    for gid, index in enumerate(indexes):
        if index < len(MAC_GLYPHS):
            names[gid] = MAC_GLYPHS[index]
        elif index - len(MAC_GLYPHS) < len(strings):
            names[gid] = strings[index - len(MAC_GLYPHS)]
    return names


def cff_names(data: bytes) -> dict[int, str]:
    """Byte code to glyph name from a bare CFF program (FontFile3 /Type1C) with its own
    encoding and charset; empty for one that uses the predefined ones."""
    from pdfminer.pdffont import CFFFont  # only for the rare file that needs it

    try:
        font = CFFFont("", io.BytesIO(data))
    except Exception:  # pdfminer raises many types on a program it cannot read
        return {}
    charset, encoding = font.top_dict.get(15, [0])[0], font.top_dict.get(16, [0])[0]
    # Offsets 0 to 2 name the predefined charsets and encodings, which pdfminer misreads.
    if not isinstance(charset, int) or not isinstance(encoding, int):
        return {}
    if charset <= 2 or encoding <= 1:
        return {}
    names = {gid: _text(name) for gid, name in font.gid2name.items()}
    return {code: names[gid] for code, gid in font.code2gid.items() if gid in names}


def _text(name: str | bytes) -> str:
    return name.decode("latin-1") if isinstance(name, bytes) else name


def type1_names(data: bytes, clear: int) -> dict[int, str]:
    """Byte code to character from a Type 1 program's built-in encoding (its clear-text part)."""
    from pdfminer.pdffont import Type1FontHeaderParser  # only for the rare file that needs it

    try:
        return dict(Type1FontHeaderParser(io.BytesIO(data[:clear] or data)).get_encoding())
    except Exception:  # pdfminer raises many types on a program it cannot read
        return {}
