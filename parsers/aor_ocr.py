"""Read a scanned AOR (an image-only PDF) by OCR, through the same word-position reader as text."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from parsers import tesseract
from parsers.aor_assemble import assemble
from parsers.aor_confidence import Confidence, confidences, review_problems
from parsers.aor_geometry import Page, Rule, Word
from parsers.aor_labels import RawAor
from parsers.aor_model import AorDocument, Problem
from parsers.aor_pdf import open_pdf
from parsers.aor_text import read_text
from parsers.errors import CorruptPdf, NotAnAor
from parsers.ocr_checks import row_problems, shape_problems
from parsers.ocr_dates import mend_dates
from parsers.ocr_labels import mend_labels, restore_colons
from parsers.ocr_numbers import mend_rows
from parsers.ocr_repair import repair_points, repaired_problems
from parsers.ocr_reread import PageImage, reread_problems, reread_rows
from parsers.quiet import quiet_pdf_logs
from parsers.scan_image import clean_page

MAX_PAGES = 20
WORKERS = 2
MAX_BYTES = 10 * 1024 * 1024
# Scans of a lower resolution (a fax) are enlarged to this before they are read.
READ_DPI = 200
MIN_DPI, MAX_DPI = 100, 600
# A font's ascent and descent in ems, as a PDF's text boxes span them.
ASCENT, DESCENT = 0.9, 0.22
HANDWRITING = (
    "This AOR is a scan, read by OCR: printed and typed entries only. Handwritten entries "
    "are not read; check any handwriting against the scan."
)


@dataclass(frozen=True)
class OcrSettings:
    """``threshold``: a value read with a lower confidence (0 to 100) is marked for review."""

    threshold: float = 80.0
    dpi: int = READ_DPI
    language: str = "Latin"


@dataclass
class ScanReading:
    """The document read from a scan, each value's confidence, and how each page was levelled."""

    document: AorDocument
    confidence: Confidence
    skew: list[float] = field(default_factory=list)
    engine: str = ""

    def as_json(self) -> dict[str, object]:
        return {
            "engine": self.engine,
            "skew_degrees": [round(angle, 2) for angle in self.skew],
            **self.confidence.as_json(),
        }


def read_scan(
    data: bytes,
    settings: OcrSettings | None = None,
    max_pages: int = MAX_PAGES,
    max_bytes: int = MAX_BYTES,
    progress: Callable[[int, int], None] | None = None,
) -> ScanReading:
    """The AOR on the scanned pages of ``data``, every value with its OCR confidence;
    ``progress`` is told (pages read, pages), in this thread, once the pages are counted and
    as each page's OCR ends.

    Values read with less confidence than the settings' threshold are marked for review
    (a ``needs_review`` problem each); the note that handwriting is not read comes last.
    """
    settings = settings or OcrSettings()
    with quiet_pdf_logs():
        open_pdf(data, max_pages, max_bytes)  # the same checks as a text AOR
        images = list(_images(data))  # pdfium is not to be used from two threads
    # Each page's OCR is a process of its own: two at a time use the two cores a scan has.
    tell = progress or (lambda _done, _total: None)
    tell(0, len(images))
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        scanned = []
        for page in pool.map(lambda im: _scanned_page(im[0], im[1], im[2], settings), images):
            scanned.append(page)
            tell(len(scanned), len(images))
    pages = [page for page, _words, _skew, _image in scanned]
    conf = {id(word): c for _page, words, _skew, _image in scanned for word, c in words}
    raw, is_aor = read_text(pages)
    if not is_aor:
        raise NotAnAor()
    reread = reread_rows(pages, [image for *_rest, image in scanned], raw)
    if reread.rows:
        pages, raw = reread.pages, read_text(reread.pages)[0]
        conf |= reread.confidence
    raw.source = "ocr"
    repaired = repair_points(raw)
    document = assemble(raw)
    confidence = confidences(pages, conf, raw, document, settings.threshold)
    problems = (*document.problems, *review_problems(document, confidence, settings.threshold))
    problems += _checked(raw, repaired, document, confidence, problems)
    problems += tuple(reread_problems(reread.rows, document))
    problems += (Problem("read_by_ocr", HANDWRITING),)
    document = dataclasses.replace(document, problems=problems)
    skew = [angle for _page, _words, angle, _image in scanned]
    return ScanReading(document, confidence, skew, tesseract.version())


def _checked(
    raw: RawAor,
    repaired: list[int],
    document: AorDocument,
    confidence: Confidence,
    found: tuple[Problem, ...],
) -> tuple[Problem, ...]:
    """Review marks for values that do not fit their field or their row (none for a value
    already marked), and for each row whose lost point was put back (said in any case)."""
    marked = {(p.field, p.date) for p in found if p.code == "needs_review"}
    checks = (*shape_problems(raw, confidence.fields), *row_problems(document))
    fresh = tuple(p for p in checks if (p.field, p.date) not in marked)
    return fresh + tuple(repaired_problems(raw, repaired, document))


def _images(data: bytes) -> Iterator[tuple[int, Image.Image, float]]:
    """Each page drawn in grey at the resolution it was scanned at (within reason)."""
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise CorruptPdf() from exc
    try:
        for index in range(len(document)):
            try:
                page = document[index]
                dpi = min(max(_scanned_dpi(page), MIN_DPI), MAX_DPI)
                image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            except pdfium.PdfiumError as exc:  # a page PDFium counts but cannot load
                raise CorruptPdf() from exc
            page.close()
            yield index + 1, image, dpi
    finally:
        document.close()


def _scanned_dpi(page: pdfium.PdfPage) -> float:
    """The resolution of the page's largest image as placed on the page; 200 if none says."""
    best, dpi = 0, 200.0
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=2):
        width, height = obj.get_px_size()
        left, _bottom, right, _top = obj.get_bounds()
        if width * height > best and right > left:
            best, dpi = width * height, width / ((right - left) / 72)
    return dpi


def _scanned_page(
    number: int, image: Image.Image, dpi: float, settings: OcrSettings
) -> tuple[Page, list[tuple[Word, float]], float, PageImage]:
    """The page's words in points, as the text reader takes them, with their confidences."""
    width, height = image.width * 72 / dpi, image.height * 72 / dpi
    clean = clean_page(image, dpi)
    scale = max(settings.dpi / dpi, 1.0)
    read = clean.image
    if scale > 1.05:
        size = (round(read.width * scale), round(read.height * scale))
        read = read.resize(size, Image.Resampling.LANCZOS)
    read_dpi = round(dpi * scale)
    found = tesseract.ocr_words(read, read_dpi, psm=6, language=settings.language)
    found = restore_colons(mend_labels(mend_dates(mend_rows(found)), settings.threshold))
    points = 72 / read_dpi
    words: list[tuple[Word, float]] = []
    for w in _mended(sorted(found, key=lambda w: (w.line, w.left))):
        # Boxes from the font's ascent to its descent, as a PDF's text has them: the text
        # reader measures gaps against word heights, and a word's ink ("on", "NAME") is
        # no measure of its font.
        top, bottom = w.baseline - ASCENT * w.size, w.baseline + DESCENT * w.size
        box = Word(w.text, w.left * points, w.right * points, top * points, bottom * points)
        words.append((box, w.confidence))
    page = Page(number, width, height, [w for w, _c in words])
    px = 72 / dpi
    page.horizontal = [
        Rule(r.x0 * px, r.x1 * px, r.top * px, r.bottom * px) for r in clean.horizontal
    ]
    page.vertical = [Rule(r.x0 * px, r.x1 * px, r.top * px, r.bottom * px) for r in clean.vertical]
    return page, words, clean.skew, PageImage(read, read_dpi)


# Left of a cell's border, OCR may read the border as one of these.
_BORDERS = "|[]_"
_SIGNS = ("-", "–", "—", "&", "$", "#", "%")
# OCR cannot tell a typed apostrophe from a typographer's: the plain one is the likelier.
_QUOTES = str.maketrans("‘’“”", "''\"\"")


def _mended(words: list[tesseract.OcrWord]) -> list[tesseract.OcrWord]:
    """Words without the bits of border OCR read, and e-mail addresses OCR split at the "@"."""
    out: list[tesseract.OcrWord] = []
    for word in words:
        text = word.text.strip(_BORDERS)
        last = out[-1] if out else None
        if text == ":" and last and last.line == word.line and word.left - last.right < word.size:
            out[-1] = dataclasses.replace(last, text=last.text + ":")  # a label's colon
            continue
        if not any(ch.isalnum() for ch in text) and text not in _SIGNS:
            continue  # a speck or a bit of a border OCR took for a quote or a comma
        word = dataclasses.replace(word, text=text.translate(_QUOTES))
        if last and abs(last.baseline - word.baseline) < word.size / 3 and _split_at_at(last, word):
            word = dataclasses.replace(
                word,
                text=last.text + word.text,
                left=last.left,
                top=min(last.top, word.top),
                bottom=max(last.bottom, word.bottom),
                confidence=min(last.confidence, word.confidence),
            )
            out.pop()
        out.append(word)
    return out


def _split_at_at(before: tesseract.OcrWord, after: tesseract.OcrWord) -> bool:
    """Two pieces of one e-mail address, which OCR splits where "@" or "." leave a gap."""
    close = after.left - before.right < 0.6 * after.size
    address = "@" in before.text or "@" in after.text
    joint = before.text.endswith((".", "@")) or after.text.startswith((".", "@"))
    return close and address and joint
