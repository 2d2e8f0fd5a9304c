"""Text whose font lost its Unicode map is recovered from glyph names, or marked unreadable."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pikepdf
import pytest
from pikepdf import Array, Dictionary, Name
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontFile

from parsers.aor import read_aor
from parsers.font_programs import TrueType
from parsers.glyph_names import base_name, glyph_text
from parsers.pdfium_reader import read_pages
from service.aor.reading import build_reading
from service.aor.transport import document_from_json, to_json
from tests import aor_pdfs
from tests.aor_spec import CLEAN

# fonts-dejavu-core, which scripts/system-deps.sh installs: a TrueType font with Vietnamese.
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT = "GlyphNamesDejaVu"
NAME = "Nguyễn Thị Lan"
needs_dejavu = pytest.mark.skipif(not DEJAVU.exists(), reason="fonts-dejavu-core is not installed")
_BFCHAR = re.compile(rb"<([0-9A-Fa-f]{2})>\s*<([0-9A-Fa-f]{4})>")


def _vietnamese_aor() -> bytes:
    """The clean AOR for "Nguyễn Thị Lan", drawn in DejaVu Sans that reportlab embeds."""
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(DEJAVU)))
    return aor_pdfs.pdf(replace(CLEAN.with_values(participant_name=NAME), font=FONT))


def _saved(pdf: pikepdf.Pdf) -> bytes:
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def map_lost(data: bytes, name_of: Callable[[int, str], str] | None) -> bytes:
    """``data`` with each embedded TrueType font's ToUnicode map taken out, as some re-savers
    do; when ``name_of`` is given, the font's non-ASCII codes are named in /Differences."""
    pdf = pikepdf.open(io.BytesIO(data))
    for page in pdf.pages:
        for font in page.Resources.Font.values():
            if font.Subtype != "/TrueType" or "/ToUnicode" not in font:
                continue
            pairs = _BFCHAR.findall(font.ToUnicode.read_bytes())
            letters = {int(c, 16): chr(int(u, 16)) for c, u in pairs if int(u, 16) > 0x7F}
            del font["/ToUnicode"]
            if name_of is not None and letters:
                named = [
                    (code, Name("/" + name_of(code, letters[code]))) for code in sorted(letters)
                ]
                differences = Array([item for pair in named for item in pair])
                font.Encoding = Dictionary(Type=Name.Encoding, Differences=differences)
    return _saved(pdf)


def _agl_name(_code: int, letter: str) -> str:
    return {"ị": "idotbelow"}.get(letter, f"uni{ord(letter):04X}")


def _meaningless_name(code: int, _letter: str) -> str:
    return f"g{code + 16}"


def _reading(data: bytes) -> dict:
    # Through the JSON that carries a reading out of the reader process, as an upload goes.
    return build_reading(document_from_json(to_json(read_aor(data))))


def _unclean_fields(reading: dict) -> list[str | None]:
    return [f["field"] for f in reading["findings"] if f["code"] == "text_not_clean"]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("uni1EC5", "ễ"),
        ("u1EC5", "ễ"),
        ("uni1ec5", "ễ"),
        ("ecircumflextilde", "ễ"),
        ("Nacute", "Ń"),
        ("idotbelow", "ị"),
        ("f_i", "fi"),
        ("a.sc", "a"),
    ],
)
def test_a_glyph_name_gives_its_letter_by_the_adobe_glyph_list(name, text):
    assert glyph_text(name) == text


@pytest.mark.parametrize(
    "name", ["g17", "glyph5", "cid123", ".notdef", "uniD800", "uniE000", "uni0001"]
)
def test_a_glyph_name_that_says_no_letter_gives_nothing(name):
    assert glyph_text(name) is None


def test_a_subset_tag_is_taken_off_a_font_name_and_nothing_else_is():
    assert base_name("/AAAAAA+DejaVuSans") == "DejaVuSans"
    assert base_name("Helvetica") == "Helvetica"
    assert base_name("Foo+Bar") == "Foo+Bar"


@needs_dejavu
def test_a_truetype_program_names_its_glyphs_and_maps_them_to_unicode():
    program = TrueType(DEJAVU.read_bytes())
    glyph = TTFontFile(str(DEJAVU)).charToGlyph[0x1EC5]
    assert program.names[glyph] == "uni1EC5"
    assert program.unicode_of_glyphs()[glyph] == "ễ"
    assert program.names[TTFontFile(str(DEJAVU)).charToGlyph[ord("N")]] == "N"


@needs_dejavu
def test_the_unmapped_aor_reads_today_as_control_characters():
    # The case this module is for: without the map, PDFium gives the subset's codes 1 and 2.
    words = [w.text for page in read_pages(map_lost(_vietnamese_aor(), None)) for w in page.words]
    assert "Nguy\x01n" in words and "Th\x02" in words


@needs_dejavu
def test_a_name_whose_font_lost_its_unicode_map_is_read_from_the_glyph_names():
    reading = _reading(map_lost(_vietnamese_aor(), _agl_name))
    assert reading["participant_name"] == NAME
    assert _unclean_fields(reading) == []


@needs_dejavu
def test_glyph_names_that_say_no_letter_leave_the_name_marked_unreadable():
    reading = _reading(map_lost(_vietnamese_aor(), _meaningless_name))
    assert reading["participant_name"] == "Nguy\ufffdn Th\ufffd Lan"
    assert _unclean_fields(reading) == ["participant_name"]


@needs_dejavu
def test_a_font_without_names_or_map_leaves_the_name_marked_unreadable():
    reading = _reading(map_lost(_vietnamese_aor(), None))
    assert reading["participant_name"] == "Nguy\ufffdn Th\ufffd Lan"
    assert _unclean_fields(reading) == ["participant_name"]


def _composite(program: bytes, glyphs: list[int]) -> bytes:
    """A page drawing ``glyphs`` by index in a Type0 Identity-H font with no ToUnicode map,
    as a browser prints text and a re-saver may leave it."""
    pdf = pikepdf.new()
    descriptor = Dictionary(
        Type=Name.FontDescriptor,
        FontName=Name("/AAAAAA+DejaVuSans"),
        Flags=4,
        FontBBox=[-1021, -463, 1793, 1232],
        ItalicAngle=0,
        Ascent=760,
        Descent=-240,
        CapHeight=729,
        StemV=87,
        FontFile2=pdf.make_stream(program),
    )
    cid_font = Dictionary(
        Type=Name.Font,
        Subtype=Name.CIDFontType2,
        BaseFont=Name("/AAAAAA+DejaVuSans"),
        CIDSystemInfo=Dictionary(Registry="Adobe", Ordering="Identity", Supplement=0),
        FontDescriptor=descriptor,
        CIDToGIDMap=Name.Identity,
        DW=600,
    )
    font = Dictionary(
        Type=Name.Font,
        Subtype=Name.Type0,
        BaseFont=Name("/AAAAAA+DejaVuSans"),
        Encoding=Name("/Identity-H"),
        DescendantFonts=[pdf.make_indirect(cid_font)],
    )
    page = pdf.add_blank_page()
    page.Resources = Dictionary(Font=Dictionary(F1=pdf.make_indirect(font)))
    codes = b"".join(g.to_bytes(2, "big") for g in glyphs)
    page.Contents = pdf.make_stream(b"BT /F1 12 Tf 50 700 Td <" + codes.hex().encode() + b"> Tj ET")
    return _saved(pdf)


def _hidden(program: bytes, tag: bytes) -> bytes:
    """``program`` with one table's entry in the table directory renamed, so none reads it."""
    at = program.index(tag, 12, 12 + 16 * int.from_bytes(program[4:6], "big"))
    return program[:at] + b"zzzz" + program[at + 4 :]


@needs_dejavu
@pytest.mark.parametrize("kept", ["post", "cmap"])
def test_a_composite_font_without_a_map_is_read_by_its_programs_names_or_unicode_map(kept):
    to_glyph = TTFontFile(str(DEJAVU)).charToGlyph
    program = _hidden(DEJAVU.read_bytes(), b"cmap" if kept == "post" else b"post")
    data = _composite(program, [to_glyph[ord(ch)] for ch in NAME])
    assert [w.text for w in read_pages(data)[0].words] == NAME.split()


@needs_dejavu
def test_a_composite_font_whose_program_names_nothing_is_unreadable_not_glyph_numbers():
    # reportlab's subset keeps no glyph names and no Unicode map: PDFium would give each
    # glyph's number as a character ("3DUWLFLSDQW" for "Participant"), silently wrong.
    pdf = pikepdf.open(io.BytesIO(map_lost(_vietnamese_aor(), None)))
    fonts = [f for p in pdf.pages for f in p.Resources.Font.values() if f.Subtype == "/TrueType"]
    subset = fonts[0].FontDescriptor.FontFile2.read_bytes()
    to_glyph = TrueType(subset).cmaps[(1, 0)]
    data = _composite(subset, [to_glyph[ord(ch)] for ch in "Lan"])
    assert [w.text for w in read_pages(data)[0].words] == ["\ufffd\ufffd\ufffd"]
