"""Scanned AORs read by OCR: levelled and cleaned pages, numbers and labels mended, every value
with a confidence, and the uncertain ones marked for review."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pypdfium2 as pdfium
import pytest
from PIL import Image

import service  # noqa: F401  (the service package first: parsers.errors needs it)
from parsers import tesseract
from parsers.aor_assemble import assemble
from parsers.aor_confidence import Confidence, confidences, look_alike, review_problems
from parsers.aor_labels import RawAor
from parsers.aor_model import AorRow
from parsers.aor_ocr import HANDWRITING, read_scan
from parsers.aor_pdf import page_layout
from parsers.aor_text import read_text
from parsers.errors import NotAnAor
from parsers.ocr_checks import row_problems, shape_problems
from parsers.ocr_dates import mend_dates
from parsers.ocr_labels import mend_labels, restore_colons
from parsers.ocr_numbers import mend_rows
from parsers.ocr_repair import repair_points, repaired_problems
from parsers.scan_image import clean_page, skew
from parsers.tesseract import OcrWord
from tests import aor_pdfs
from tests.aor_spec import CLEAN
from tests.scan_score import score
from tests.scans import Scanner, scan, scanned_aor

needs_tesseract = pytest.mark.skipif(not tesseract.available(), reason="Tesseract not installed")
# Generated office scans the suite reads (bench/aor_scans.py reads many more).
SEEDS = (100528507, 100528516, 100528523)


def _word(text: str, left: int, line: int = 1, confidence: float = 95.0) -> OcrWord:
    return OcrWord(text, left, 100, left + 10 * len(text), 120, confidence, 118.0, 20.0, line)


def _clean_text_pages(spec=CLEAN):
    """The words and rules of a drawn AOR, as OCR would give them had it read every word."""
    pages = page_layout(aor_pdfs.render(spec))
    conf = {id(word): 96.0 for page in pages for word in page.words}
    return pages, conf


def _confidence_of(pages, conf):
    raw, _ = read_text(pages)
    document = assemble(raw)
    return document, confidences(pages, conf, raw, document, 80.0)


def test_every_value_read_carries_the_confidence_of_its_least_sure_word():
    pages, conf = _clean_text_pages()
    case_word = next(w for w in pages[0].words if w.text == "K62GSAR")
    conf[id(case_word)] = 42.0
    document, confidence = _confidence_of(pages, conf)
    assert confidence.fields["case_number"] == 40.0  # the level under which it changed
    assert confidence.fields["participant_name"] == 95.0
    assert all(value == 95.0 for value in confidence.rows)
    marked = review_problems(document, confidence, 80.0)
    assert [(p.code, p.field) for p in marked] == [("needs_review", "case_number")]


def test_a_row_with_a_doubtful_number_is_marked_for_review_by_its_date():
    pages, conf = _clean_text_pages()
    row_line = next(w for w in pages[0].words if w.text == "02/10/2026")
    doubtful = next(w for w in pages[0].words if w.text == "ILL" and abs(w.top - row_line.top) < 2)
    conf[id(doubtful)] = 55.0
    document, confidence = _confidence_of(pages, conf)
    marked = review_problems(document, confidence, 80.0)
    assert [(p.code, p.date) for p in marked] == [("needs_review", dt.date(2026, 2, 10))]
    assert "2026-02-10" in marked[0].message and "check it against the scan" in marked[0].message


def test_a_look_alike_is_read_where_its_word_was_but_compares_unequal():
    assert look_alike("Case Number: 7.5") == "cASE nUMBER: ７.５"
    assert look_alike("7.5") != "7.5"


def test_a_weekday_that_does_not_fit_its_date_is_marked_for_review():
    row = AorRow(dt.date(2026, 2, 10), Decimal(4), Decimal(4), Decimal(0), Decimal(0), day="Wed")
    document = dataclasses.replace(_clean_document(), rows=(row,))
    confidence = Confidence(80.0, rows=[95.0])
    marked = review_problems(document, confidence, 80.0)
    assert [p.date for p in marked] == [dt.date(2026, 2, 10)]
    assert "not the date's weekday" in marked[0].message


def _clean_document():
    return assemble(read_text(page_layout(aor_pdfs.render(CLEAN)))[0])


def test_the_numbers_of_a_row_are_mended_where_only_one_reading_fits():
    words = [
        _word("1", 40),
        _word("1/04/2024", 58),
        _word("Mon", 200),
        _word("$.25", 300),
        _word("7:30,", 400),
        _word("`", 500),
        _word("bus", 600),
        _word("Phone:", 40, line=2),
        _word("$18.50", 200, line=2),
    ]
    mended = {w.text for w in mend_rows(words)}
    assert {"11/04/2024", "5.25", "7:30", "bus", "$18.50"} <= mended
    assert not mended & {"1", "$.25", "7:30,", "`"}  # a mark where a cell is empty is nothing


def test_a_misread_label_word_is_put_right_and_a_value_word_is_not():
    words = [
        _word("sase", 40, confidence=60.0),
        _word("number:", 100),
        _word("Monthly", 300, confidence=60.0),
        _word("Casey", 500, confidence=99.0),
    ]
    mended = mend_labels(words, 80.0)
    assert [w.text for w in mended] == ["case", "number:", "Monthly", "Casey"]
    assert mended[0].confidence < 80.0  # were it a value's word, it is checked


def test_a_label_that_lost_its_colon_gets_it_back_on_a_page_of_colons():
    line = [
        _word("Participant", 40),
        _word("Name:", 160),
        _word("Case", 600),
        _word("Number", 650),
        _word("CIN:", 1200),
        _word("Provider:", 40, line=2),
    ]
    assert [w.text for w in restore_colons(line)][3] == "Number:"


def test_a_date_whose_slashes_ocr_misread_is_written_with_slashes():
    words = [_word("0628:2025", 40), _word("10:2025", 200), _word("61417859", 400)]
    words += [_word("12.5", 600), _word("13:2025", 800)]
    assert [w.text for w in mend_dates(words)] == [
        "06/28/2025",
        "10/2025",
        "61417859",  # no month in front of a year: a CIN that lost its letter, not a date
        "12.5",
        "13:2025",
    ]


def test_a_row_date_read_with_a_colon_before_its_weekday_is_a_date():
    words = [_word("07:02", 40), _word("Wed", 200), _word("10:30", 300), _word("o", 400)]
    assert [w.text for w in mend_rows(words)] == ["07/02", "Wed", "10:30", "0"]


def test_a_lost_decimal_point_is_put_back_only_where_the_row_adds_up_one_way():
    raw = RawAor("ocr", 1)
    raw.rows = [
        {"date": "07/06", "sched": "5.25", "att": "4.75", "exc": "", "unx": "5"},
        {"date": "07/07", "sched": "525", "att": "5.25", "exc": "", "unx": ""},
        {"date": "07/08", "sched": "4", "att": "3", "exc": "", "unx": "5"},  # no point fits
        {"date": "07/09", "sched": "4", "att": "4", "exc": "", "unx": ""},
    ]
    assert repair_points(raw) == [0, 1]
    assert raw.rows[0]["unx"] == ".5" and raw.rows[1]["sched"] == "5.25"
    assert raw.rows[2]["unx"] == "5"


def test_a_repaired_row_is_marked_for_review_by_its_date():
    raw = RawAor("ocr", 1, rows=[{"date": "02/10/2026", "sched": "4", "att": "35", "unx": ".5"}])
    changed = repair_points(raw)
    document = dataclasses.replace(_clean_document(), rows=(_row_of("02/10/2026"),))
    marked = repaired_problems(raw, changed, document)
    assert [(p.code, p.date) for p in marked] == [("needs_review", dt.date(2026, 2, 10))]


def _row_of(date_text: str) -> AorRow:
    day = dt.datetime.strptime(date_text, "%m/%d/%Y").date()
    return AorRow(day, Decimal(4), Decimal("3.5"), Decimal(0), Decimal("0.5"), date_text=date_text)


def test_a_value_that_misfits_its_field_or_holds_a_label_is_marked_for_review():
    raw = RawAor("ocr", 1)
    raw.values = {
        "participant_name": "and Activity Case Number: CIN:",
        "cm_email": "cm.93@ssa.ocgov:example",
        "provider": "Coastline Career Pathways,",
        "worksite": "Anaheim Public Library",
        "prep_email": "tds@equus.example",
        "case_number": "BKQNTKAQKA",
        "cin": "91234567A",
    }
    confidence = {"case_number": 90.0, "cin": 95.0}
    marked = {p.field for p in shape_problems(raw, confidence)}
    assert marked == {"participant_name", "cm_email", "provider", "case_number"}


def test_a_row_whose_note_starts_with_a_stray_number_or_runs_backwards_is_marked():
    rows = (
        dataclasses.replace(_row_of("02/10/2026"), note="0 doctor's note"),
        _row_of("02/11/2026"),
        _row_of("02/09/2026"),
    )
    document = dataclasses.replace(_clean_document(), rows=rows)
    assert [p.date for p in row_problems(document)] == [dt.date(2026, 2, 10), dt.date(2026, 2, 9)]


def test_a_label_read_as_one_hyphened_word_is_split_into_its_words():
    words = [_word("CASE-NUMBER:", 40, confidence=46.0), _word("TCM", 300, confidence=28.0)]
    mended = mend_labels(words, 80.0)
    assert [w.text for w in mended] == ["CASE", "NUMBER:", "CM"]
    assert mended[0].right < mended[1].left


def test_a_heading_read_with_an_accent_is_the_heading_however_sure_ocr_was():
    words = [_word("Attendėd", 40, confidence=91.0), _word("José", 200, confidence=60.0)]
    words.append(_word("DÀY", 300, confidence=95.0))
    assert [w.text for w in mend_labels(words, 80.0)] == ["Attended", "José", "DAY"]


def test_a_lone_speck_on_a_row_is_no_cell():
    words = [_word("10/18/2024", 40), _word("Fri", 200), _word("1.5", 300), _word("å", 500)]
    words.append(_word("a", 600, confidence=40.0))
    assert [w.text for w in mend_rows(words)] == ["10/18/2024", "Fri", "1.5"]


def test_a_page_turned_on_the_glass_is_levelled():
    image = _page_image()
    turned = image.rotate(-1.2, resample=Image.Resampling.BICUBIC, fillcolor=255)
    assert skew(turned) == pytest.approx(1.2, abs=0.15)
    assert clean_page(turned, 200).skew == pytest.approx(1.2, abs=0.15)


def _page_image() -> Image.Image:
    document = pdfium.PdfDocument(aor_pdfs.render(CLEAN))
    try:
        return document[0].render(scale=200 / 72, grayscale=True).to_pil().convert("L")
    finally:
        document.close()


@pytest.mark.parametrize("seed", SEEDS)
@needs_tesseract
def test_a_generated_office_scan_is_read_with_nothing_silently_wrong(seed):
    spec, data = scanned_aor(seed)
    reading = read_scan(data)
    result = score(spec, reading.document)
    assert result.silent == []
    assert result.totals_exact
    assert reading.document.source == "ocr"
    assert reading.confidence.as_json()["confidence"]["fields"]


@needs_tesseract
def test_a_scan_read_says_that_handwriting_is_not_read():
    _, data = scanned_aor(SEEDS[0])
    problems = read_scan(data).document.problems
    assert problems[-1].code == "read_by_ocr" and problems[-1].message == HANDWRITING


@needs_tesseract
def test_a_poor_scan_has_its_doubtful_values_marked_for_review():
    poor = Scanner(noise=45.0, speckles=3000, quality=20, blur=1.1)
    spec, data = scanned_aor(SEEDS[1], poor)
    reading = read_scan(data)
    marked = [p for p in reading.document.problems if p.code == "needs_review"]
    assert marked
    assert score(spec, reading.document).silent == []


@needs_tesseract
def test_a_scanned_page_that_is_no_aor_is_refused_as_not_an_aor():
    from io import BytesIO

    from reportlab.pdfgen.canvas import Canvas

    buffer = BytesIO()
    canvas = Canvas(buffer)
    canvas.setFont("Helvetica", 12)
    canvas.drawString(72, 700, "Minutes of the staff meeting held on Tuesday")
    canvas.save()
    with pytest.raises(NotAnAor):
        read_scan(scan(buffer.getvalue(), seed=1))


def test_without_tesseract_a_scan_is_refused_saying_ocr_is_not_installed(monkeypatch):
    monkeypatch.setattr(tesseract.shutil, "which", lambda _name: None)
    with pytest.raises(tesseract.OcrUnavailable, match="Tesseract, is not installed"):
        tesseract.ocr_words(Image.new("L", (10, 10), 255), 200)
