"""A scan's doubtful numbers read a second time, and values OCR misreads while fairly sure."""

from __future__ import annotations

import dataclasses

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

import service  # noqa: F401  (the service package first: parsers.errors needs it)
from parsers import ocr_reread, tesseract
from parsers.aor_assemble import assemble
from parsers.aor_labels import RawAor
from parsers.aor_pdf import page_layout
from parsers.aor_text import read_text
from parsers.ocr_cells import cell_image, otsu, parse_tsv, read_cells
from parsers.ocr_checks import shape_problems
from parsers.ocr_numbers import mend_rows
from parsers.ocr_reread import PageImage, adds_up, reread_problems, reread_rows
from parsers.tesseract import OcrWord
from tests import aor_pdfs
from tests.aor_spec import CLEAN

needs_tesseract = pytest.mark.skipif(not tesseract.available(), reason="Tesseract not installed")
_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def test_otsu_splits_ink_from_paper_between_their_greys():
    image = Image.new("L", (20, 10), 230)
    image.paste(60, (0, 0, 6, 10))
    assert 60 <= otsu(image) < 230


def test_each_cell_of_tesseracts_tsv_is_its_words_joined_with_their_least_confidence():
    head = "level\tpage_num\tb\tp\tl\tw\tleft\ttop\twidth\theight\tconf\ttext"
    rows = ["5\t1\t1\t1\t1\t1\t0\t0\t9\t9\t91.5\t7", "5\t1\t1\t1\t1\t2\t9\t0\t9\t9\t80\t.5"]
    rows += ["4\t2\t1\t1\t1\t0\t0\t0\t9\t9\t-1\t", "5\t3\t1\t1\t1\t1\t0\t0\t9\t9\t96\t0"]
    assert parse_tsv("\n".join([head, *rows]), 3) == [("7.5", 80.0), ("", 0.0), ("0", 96.0)]


def test_a_row_adds_up_when_its_parts_make_its_scheduled_hours():
    assert adds_up({"sched": "4", "att": "3.5", "exc": "", "unx": ".5"})
    assert adds_up({"sched": "7:30", "att": "7.5", "exc": "-", "unx": "0"})
    assert not adds_up({"sched": "4", "att": "0", "exc": "4", "unx": "8"})
    assert not adds_up({"sched": "4", "att": "4O", "exc": "", "unx": ""})


def _small_print(text: str) -> Image.Image:
    """``text`` at 8 points scanned at 200 dpi: grey, a little blurred."""
    image = Image.new("L", (160, 40), 235)
    ImageDraw.Draw(image).text((10, 8), text, fill=40, font=ImageFont.truetype(_FONT, 22))
    return image.filter(ImageFilter.GaussianBlur(0.6))


@needs_tesseract
def test_small_printed_numbers_cut_out_and_enlarged_are_read_as_printed():
    texts = ["0", "4.00", "7:30", "12.5"]
    cells = [cell_image(_small_print(t), (10, 8, 10 + 14 * len(t), 32)) for t in texts]
    assert [text for text, _sure in read_cells(cells, 600)] == texts


def _clean_scan() -> tuple[list, list[PageImage]]:
    pdf = aor_pdfs.render(CLEAN)
    document = pdfium.PdfDocument(pdf)
    try:
        images = [
            PageImage(page.render(scale=200 / 72, grayscale=True).to_pil().convert("L"), 200)
            for page in document
        ]
    finally:
        document.close()
    return page_layout(pdf), images


def _misread(pages: list, date: str) -> tuple[list, str]:
    """``pages`` with the first number right of ``date`` read as one more than printed."""
    page = pages[0]
    start = next(w for w in page.words if w.text == date)
    word = min(
        (w for w in page.words if w.x0 > start.x1 and abs(w.middle - start.middle) < 2),
        key=lambda w: w.x0 if w.text[:1].isdigit() else 1e9,
    )
    wrong = str(int(float(word.text)) + 1)
    words = [dataclasses.replace(w, text=wrong) if w is word else w for w in page.words]
    return [dataclasses.replace(page, words=words), *pages[1:]], word.text


@needs_tesseract
def test_a_row_that_does_not_add_up_takes_the_numbers_read_again_and_is_marked():
    pages, images = _clean_scan()
    right = read_text(pages)[0]
    misread, _printed = _misread(pages, "02/10/2026")
    raw = read_text(misread)[0]
    assert not adds_up(next(r for r in raw.rows if r["date"] == "02/10/2026"))
    reread = reread_rows(misread, images, raw)
    assert reread.rows == ["02/10/2026"]
    assert read_text(reread.pages)[0].rows == right.rows
    marked = reread_problems(reread.rows, assemble(read_text(reread.pages)[0]))
    assert [(p.code, str(p.date)) for p in marked] == [("needs_review", "2026-02-10")]


def test_rows_that_add_up_are_not_read_again(monkeypatch):
    def no_ocr(*_args, **_kwargs):
        raise AssertionError("no cell is read again")

    monkeypatch.setattr(ocr_reread, "read_cells", no_ocr)
    pages, images = _clean_scan()
    reread = reread_rows(pages, images, read_text(pages)[0])
    assert reread.rows == [] and reread.pages is pages


def _word(text: str, left: int) -> OcrWord:
    return OcrWord(text, left, 100, left + 10 * len(text), 120, 95.0, 118.0, 20.0, 1)


def test_hours_whose_point_was_read_as_a_dash_or_comma_get_their_point_back():
    words = [_word("11-09", 40), _word("Mon", 200), _word("7,50", 300), _word("-50", 400)]
    assert [w.text for w in mend_rows(words)] == ["11-09", "Mon", "7.50", ".50"]


def test_a_name_or_address_ocr_can_misread_while_fairly_sure_is_marked():
    raw = RawAor("ocr", 1)
    raw.values = {
        "participant_name": "Ana Lucia Nuñez",
        "cm_name": "Dana Whitfield",
        "cm_email": "cm.l@ssa.ocgov.example",
        "prep_email": "tds@equus.example",
    }
    confidence = {"participant_name": 90.0, "cm_name": 96.0, "cm_email": 80.0, "prep_email": 80.0}
    marked = {p.field: p.message for p in shape_problems(raw, confidence)}
    assert set(marked) == {"participant_name", "cm_email"}
    assert "accent" in marked["participant_name"]
