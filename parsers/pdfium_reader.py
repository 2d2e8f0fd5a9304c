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
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from parsers.aor_geometry import Page, Rule, Word

X_TOLERANCE = 3.0
Y_TOLERANCE = 3.0
THIN = 2.0
Char = tuple[str, float, float, float, float]  # text, x0, x1, top, bottom


def read_pages(data: bytes) -> list[Page]:
    """Every page's words, ruling lines and whether it holds images."""
    document = pdfium.PdfDocument(data)
    try:
        return [_page(document[i], i + 1) for i in range(len(document))]
    finally:
        document.close()


def _page(page: pdfium.PdfPage, number: int) -> Page:
    width, height = page.get_size()
    text = page.get_textpage()
    try:
        words = list(_words(_chars(text, height)))
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


def _chars(text: pdfium.PdfTextPage, height: float) -> Iterator[Char]:
    raw = text.raw
    left, right = ctypes.c_double(), ctypes.c_double()
    bottom, top = ctypes.c_double(), ctypes.c_double()
    for index in range(text.count_chars()):
        code = pdfium_c.FPDFText_GetUnicode(raw, index)
        if pdfium_c.FPDFText_IsGenerated(raw, index) == 1 or code in (0, 0xFFFE, 0xFFFF):
            yield (" ", 0, 0, 0, 0)  # a space PDFium inferred: it separates words
            continue
        # The loose box spans the font's ascent to descent, as pdfplumber's boxes do.
        rect = pdfium_c.FS_RECTF()
        pdfium_c.FPDFText_GetLooseCharBox(raw, index, rect)
        pdfium_c.FPDFText_GetCharBox(raw, index, left, right, bottom, top)
        yield (chr(code), rect.left, rect.right, height - rect.top, height - rect.bottom)


def _words(chars: Iterator[Char]) -> Iterator[Word]:
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
        or abs(after[3] - before[3]) > Y_TOLERANCE
    )


def _word(chars: list[Char]) -> Iterator[Word]:
    if chars:
        yield Word(
            "".join(c[0] for c in chars),
            min(c[1] for c in chars),
            max(c[2] for c in chars),
            min(c[3] for c in chars),
            max(c[4] for c in chars),
        )


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
    return buffer.raw[: size - 2].decode("utf-16-le")
