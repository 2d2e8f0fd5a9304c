"""Words and ruling lines of PDF pages read with PDFium (pypdfium2), in pdfplumber's terms.

pdfplumber (pdfminer) interprets every content stream in Python and takes about 50 ms a
page; PDFium does the same in C in about 3 ms. The words and rules come out as
pdfplumber's ``extract_words`` and ``lines``/``rects`` give them: top-left origin,
words split at spaces and at gaps wider than ``X_TOLERANCE``. A test holds the two equal
on every sample and generated AOR.
"""

from __future__ import annotations

import ctypes
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from parsers.aor_geometry import Page, Rule, Word
from parsers.glyph_names import Recovery

X_TOLERANCE = 3.0
Y_TOLERANCE = 3.0
THIN = 2.0
Char = tuple[str, float, float, float, float, float]  # text, x0, x1, top, bottom, baseline
# Fragments of one word drawn out of order touch within this many points.
TOUCHING = 0.5
# A typical font's ascent and descent in ems, for fonts that do not say theirs.
ASCENT, DESCENT = 0.9, 0.22


def read_pages(data: bytes) -> list[Page]:
    """Every page's words, ruling lines and whether it holds images."""
    document = pdfium.PdfDocument(data)
    try:
        recovery = Recovery(data)
        return [_page(document[i], i + 1, recovery) for i in range(len(document))]
    finally:
        document.close()


def _page(page: pdfium.PdfPage, number: int, recovery: Recovery) -> Page:
    width, height = page.get_size()
    text = page.get_textpage()
    try:
        words = _touching_joined(list(_words(_chars(text, height, recovery))))
    finally:
        text.close()
    result = Page(number, width, height, words)
    for kind, box in _objects(page, height):
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            result.has_images = True
        else:
            _add_rule(result, *box)
    page.close()
    return result


def _chars(text: pdfium.PdfTextPage, height: float, recovery: Recovery) -> Iterator[Char]:
    raw = text.raw
    left, right = ctypes.c_double(), ctypes.c_double()
    bottom, top = ctypes.c_double(), ctypes.c_double()
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    for index in range(text.count_chars()):
        code = pdfium_c.FPDFText_GetUnicode(raw, index)
        if pdfium_c.FPDFText_IsGenerated(raw, index) == 1 or code in (0, 0xFFFE, 0xFFFF):
            yield (" ", 0, 0, 0, 0, 0)  # a space PDFium inferred: it separates words
            continue
        # The loose box spans the font's ascent to descent, as pdfplumber's boxes do.
        rect = pdfium_c.FS_RECTF()
        pdfium_c.FPDFText_GetLooseCharBox(raw, index, rect)
        pdfium_c.FPDFText_GetCharBox(raw, index, left, right, bottom, top)
        # Words are told apart by baseline: a font without ascent and descent gets tight
        # boxes whose tops differ by glyph ("." against "@"), within one word.
        pdfium_c.FPDFText_GetCharOrigin(raw, index, origin_x, origin_y)
        box = (rect.left, rect.right, height - rect.top, height - rect.bottom)
        size = pdfium_c.FPDFText_GetFontSize(raw, index)
        if rect.top - rect.bottom < 0.85 * size:
            # PDFium fell back to the glyph's own box ("n" lower than "P"), for a font that
            # gives no ascent: gaps between words are judged against the text's height.
            box = (rect.left, rect.right, *_font_box(height - origin_y.value, size, box))
        letter = chr(code)
        if pdfium_c.FPDFText_HasUnicodeMapError(raw, index) == 1:
            # The font lost its Unicode map: PDFium gave the character code.
            letter = recovery.text(raw, index, code)
        yield (letter, *box, height - origin_y.value)


def _font_box(baseline: float, size: float, box: tuple[float, ...]) -> tuple[float, float]:
    """Top and bottom of a glyph of a font ``size`` high, as a font's ascent and descent give."""
    if size <= 0:
        return box[2], box[3]
    return baseline - ASCENT * size, baseline + DESCENT * size


def _words(chars: Iterator[Char]) -> Iterator[tuple[Word, float]]:
    current: list[Char] = []
    for char in chars:
        if char[0].isspace():
            yield from _word(current)
            current = []
            continue
        if current and _apart(current[-1], char):
            yield from _word(current)
            current = []
        current.append(char)
    yield from _word(current)


def _apart(before: Char, after: Char) -> bool:
    return (
        after[1] - before[2] > X_TOLERANCE
        or after[1] < before[1] - X_TOLERANCE
        or abs(after[5] - before[5]) > Y_TOLERANCE
    )


def _word(chars: list[Char]) -> Iterator[tuple[Word, float]]:
    """The word ``chars`` spell, with its baseline."""
    if chars:
        word = Word(
            _unswapped("".join(c[0] for c in chars)),
            min(c[1] for c in chars),
            max(c[2] for c in chars),
            min(c[3] for c in chars),
            max(c[4] for c in chars),
        )
        yield word, chars[0][5]


def _unswapped(text: str) -> str:
    """``text`` with letters whose font map had its bytes swapped put back ("昀椀nish").

    Ghostscript writes a ligature's letters into its font's map as little-endian UTF-16:
    "fi" becomes U+6600 U+6900. Only in a word that also has plain ASCII letters is such a
    character taken for a swapped one, so a word of CJK ideographs is left as it is.
    """
    swapped = [ch for ch in text if ord(ch) & 0xFF == 0 and 0x21 <= ord(ch) >> 8 < 0x7F]
    if not swapped or not any(ch.isascii() and ch.isalpha() for ch in text):
        return text
    return "".join(chr(ord(ch) >> 8) if ch in swapped else ch for ch in text)


def _touching_joined(words: list[tuple[Word, float]]) -> list[Word]:
    """Words that touch or overlap (kerned "BY") on one baseline joined into one, whatever
    order they were drawn in.

    A word processor draws a letter its font lacks ("ầ" of "Trần") from another font in a
    later text run; PDFium then gives "Tr", "n," and "ầ" apart, where pdfplumber, which
    sorts a line's characters by position, gives "Trần,".
    """
    out: list[Word] = []
    groups: list[list[tuple[Word, float]]] = []
    for item in sorted(words, key=lambda item: item[1]):
        if groups and item[1] - groups[-1][-1][1] <= TOUCHING:
            groups[-1].append(item)
        else:
            groups.append([item])
    for group in groups:
        line: list[Word] = []
        for word, _baseline in sorted(group, key=lambda item: item[0].x0):
            if line and -X_TOLERANCE <= word.x0 - line[-1].x1 <= TOUCHING:
                last = line.pop()
                top, bottom = min(last.top, word.top), max(last.bottom, word.bottom)
                word = Word(last.text + word.text, last.x0, word.x1, top, bottom)
            line.append(word)
        out += line
    return out


def _objects(page: pdfium.PdfPage, height: float) -> Iterator[tuple[int, tuple[float, ...]]]:
    """Images, and each straight segment or rectangle of the page's paths, as boxes."""
    for obj in page.get_objects(
        filter=(pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE), max_depth=4
    ):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            yield obj.type, ()
            continue
        for x0, y0, x1, y1 in _segments(obj):
            yield obj.type, (min(x0, x1), max(x0, x1), height - max(y0, y1), height - min(y0, y1))


def _segments(obj: pdfium.PdfObject) -> Iterator[tuple[float, float, float, float]]:
    """Straight pieces of a path in page space; a closed four-point path is one rectangle."""
    raw = obj.raw
    matrix = obj.get_matrix()
    points: list[tuple[float, float]] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    for index in range(pdfium_c.FPDFPath_CountSegments(raw)):
        segment = pdfium_c.FPDFPath_GetPathSegment(raw, index)
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        point = matrix.on_point(x.value, y.value)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            yield from _pieces(points)
            points = [point]
        elif kind == pdfium_c.FPDF_SEGMENT_LINETO:
            points.append(point)
        else:  # a curve is no ruling line
            points = []
    yield from _pieces(points)


def _pieces(points: list[tuple[float, float]]) -> Iterator[tuple[float, float, float, float]]:
    xs, ys = {round(p[0], 1) for p in points}, {round(p[1], 1) for p in points}
    if len(points) >= 4 and len(xs) == 2 and len(ys) == 2:
        yield min(xs), min(ys), max(xs), max(ys)  # a rectangle
        return
    for (ax, ay), (bx, by) in itertools.pairwise(points):
        yield ax, ay, bx, by


def _add_rule(page: Page, x0: float, x1: float, top: float, bottom: float) -> None:
    if x1 - x0 <= THIN:
        page.vertical.append(Rule(x0, x1, top, bottom))
    elif bottom - top <= THIN:
        page.horizontal.append(Rule(x0, x1, top, bottom))
    else:
        page.vertical += [Rule(x0, x0, top, bottom), Rule(x1, x1, top, bottom)]
        page.horizontal += [Rule(x0, x1, top, top), Rule(x0, x1, bottom, bottom)]


def form_values(data: bytes) -> dict[str, str]:
    """The value of every form field that has a widget, by full name (``form1.r01_date``)."""
    document = pdfium.PdfDocument(data)
    try:
        document.init_forms()
        form = document.formenv.raw if document.formenv else None
        values: dict[str, str] = {}
        for index in range(len(document)):
            page = document[index]
            try:
                _page_values(page, form, values)
            finally:
                page.close()
        return values
    finally:
        document.close()


def _page_values(page: pdfium.PdfPage, form: object, values: dict[str, str]) -> None:
    for index in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
        annot = pdfium_c.FPDFPage_GetAnnot(page.raw, index)
        try:
            if pdfium_c.FPDFAnnot_GetSubtype(annot) == pdfium_c.FPDF_ANNOT_WIDGET:
                name = _utf16(pdfium_c.FPDFAnnot_GetFormFieldName, form, annot)
                if name:
                    values[name] = _utf16(pdfium_c.FPDFAnnot_GetFormFieldValue, form, annot)
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)


def _utf16(function: object, form: object, annot: object) -> str:
    call: Any = function
    size = call(form, annot, None, 0)
    if size <= 2:  # just the terminating NUL
        return ""
    buffer = ctypes.create_string_buffer(size)
    call(form, annot, ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR)), size)
    # A lone surrogate is kept for the service to replace and report, not a damaged file.
    return buffer.raw[: size - 2].decode("utf-16-le", "surrogatepass")


@dataclass(frozen=True)
class PdfFacts:
    """What opening a PDF tells: its page count, and whether it has an interactive form."""

    pages: int
    has_form: bool


def document_facts(data: bytes) -> PdfFacts | None:
    """The file's facts as PDFium sees them, or None when PDFium cannot open it (damaged,
    or encrypted with a password other than the empty one)."""
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        return None
    try:
        has_form = pdfium_c.FPDF_GetFormType(document.raw) != pdfium_c.FORMTYPE_NONE
        return PdfFacts(pages=len(document), has_form=has_form)
    finally:
        document.close()
