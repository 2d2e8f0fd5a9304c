"""Reading AOR PDFs however they were made: fonts, layouts, tables, fields, and bad files."""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest

from parsers import errors
from parsers.aor import read_aor
from parsers.aor_model import AorDocument
from parsers.hours import parse_hours
from service.aor.reading import build_reading
from service.errors import DomainError
from tests import aor_files, aor_pdfs
from tests.aor_spec import CLEAN, AorSpec

D = Decimal


def read(spec: AorSpec) -> AorDocument:
    return read_aor(aor_pdfs.pdf(spec))


def reading(spec: AorSpec) -> dict:
    return build_reading(read(spec))


HEADER = {
    "participant_name": "Ramírez, José",
    "case_number": "K62GSAR",
    "cin": "57916128D",
    "cm_name": "Rosa Delgado",
    "cm_email": "cm.34@ssa.ocgov.example",
    "activity": "JSR",
    "provider": "Coastline Career Pathways, Inc.",
    "worksite": "Anaheim Public Library",
    "report_month": "2026-02",
    "report_type": "monthly",
    "assigned_hours_week": 20,
    "activity_start": "2026-01-05",
    "activity_end": None,
    "outcome": "continuing",
    "employed": False,
    "employment": None,
    "comments": "Participant is doing well.\nBus pass renewed on 02/11.",
    "prepared_by": {
        "name": "Dana Whitfield",
        "title": "Talent Development Specialist",
        "phone": "(714) 555-7621",
        "email": "tds@equus.example",
    },
    "submitted_date": "2026-03-04",
    "totals": {"scheduled": 80, "attended": 73, "excused": 6, "unexcused": 1},
    "printed_totals": {"scheduled": 80, "attended": 73, "excused": 6, "unexcused": 1},
    "excused_by_code": {"ILL": 2, "HOL": 4},
    "findings": [],
}
TWO_LINE_HEADINGS = (
    ("sched", "Hours Scheduled"),
    ("att", "Hours Attended"),
    ("exc", "Excused Hours"),
    ("code", "Reason Code"),
    ("unx", "Unexcused Hours"),
)
LAYOUTS = {
    "Helvetica 8, labels beside values": CLEAN,
    "Times 10": replace(CLEAN, font="Times-Roman", size=10),
    "Courier 7": replace(CLEAN, font="Courier", size=7),
    "labels above values in ruled cells": replace(CLEAN, layout="above", ruled=True),
    "labels above values without colons": replace(CLEAN, layout="above", colons=False),
    "labels wrapped onto two lines": replace(CLEAN, wrap_labels=True),
    "wrapped labels above values": replace(CLEAN, layout="above", wrap_labels=True),
    "table continued with headings": replace(CLEAN, rows_on_first_page=8),
    "table continued without headings": replace(CLEAN, rows_on_first_page=8, repeat_headings=False),
    "Times 9, labels above, table continued bare": replace(
        CLEAN,
        layout="above",
        font="Times-Roman",
        size=9,
        rows_on_first_page=5,
        repeat_headings=False,
    ),
    "numbers right-aligned in a ruled grid": replace(CLEAN, number_align="right", ruled=True),
    "numbers right-aligned without rules": replace(CLEAN, number_align="right"),
    "headings and numbers centred without rules": replace(
        CLEAN, number_align="center", heading_align="center"
    ),
    "column headings on two lines": replace(CLEAN, headings=TWO_LINE_HEADINGS),
    "two-line headings in a ruled grid": replace(CLEAN, headings=TWO_LINE_HEADINGS, ruled=True),
    "abbreviated headings": replace(
        CLEAN, headings=(("sched", "Sched."), ("att", "Att."), ("exc", "Exc."), ("unx", "Unexc."))
    ),
    "live fillable fields": replace(CLEAN, fillable=True),
    "live fields under their labels": replace(CLEAN, fillable=True, layout="above"),
}


@pytest.mark.parametrize("spec", LAYOUTS.values(), ids=LAYOUTS.keys())
def test_an_aor_reads_the_same_whatever_its_layout(spec):
    got = reading(spec)
    assert {key: got[key] for key in HEADER} == HEADER
    assert got["rows"] == reading(CLEAN)["rows"]


def test_the_clean_aor_has_twenty_weekday_rows_with_notes_and_codes():
    rows = reading(CLEAN)["rows"]
    assert len(rows) == 20
    assert rows[6] == {
        "date": "2026-02-10",
        "day": "Tue",
        "scheduled": 4,
        "attended": 2,
        "excused": 2,
        "excused_code": "ILL",
        "unexcused": 0,
        "note": "doctor's note",
        "raw": {},
    }


def test_live_fields_and_the_same_form_flattened_read_alike():
    fillable = aor_pdfs.pdf(replace(CLEAN, fillable=True))
    live, flat = read_aor(fillable), read_aor(aor_files.flattened(fillable))
    assert (live.source, flat.source) == ("fields", "text")
    assert build_reading(flat) == {**build_reading(live), "source": "text"}


def test_a_value_shrunk_to_fit_its_box_is_read_whole():
    long_name = "Coastline Career Pathways and Workforce Development Partners, Incorporated"
    spec = replace(CLEAN, shrink_long_values=True).with_values(provider=long_name)
    document = read(spec)
    assert (document.provider, document.worksite) == (long_name, "Anaheim Public Library")


@pytest.mark.parametrize("ruled", [False, True], ids=["unruled", "ruled"])
def test_a_note_wrapped_onto_a_second_line_stays_with_its_row(ruled):
    note = "worked the second shift and stayed late to finish the inventory count"
    rows = read(replace(CLEAN, ruled=ruled).with_row(3, note=note)).rows
    assert [row.note for row in rows[2:5]] == ["", note, ""]
    assert len(rows) == 20


HOURS = replace(CLEAN, totals=None).with_row(0, sched="7:30", att="7:30")
HOURS = HOURS.with_row(1, sched="7.50", att="7.50").with_row(2, sched="8", att=".5", unx="7.5")
HOURS = HOURS.with_row(3, att="4", exc="-", unx="0").with_row(4, att="4", exc="", unx="–")


def test_hours_are_read_as_decimals_hours_and_minutes_or_dashes():
    rows = read(HOURS).rows
    got = [(r.scheduled, r.attended, r.excused, r.unexcused) for r in rows[:5]]
    assert got == [
        (D("7.5"), D("7.5"), 0, 0),
        (D("7.5"), D("7.5"), 0, 0),
        (8, D("0.5"), 0, D("7.5")),
        (4, 4, 0, 0),
        (4, 4, 0, 0),
    ]


@pytest.mark.parametrize(
    ("written", "hours"),
    [
        ("8", D(8)),
        ("7.5", D("7.5")),
        ("7.50", D("7.5")),
        (".5", D("0.5")),
        ("7:30", D("7.5")),
        ("0:45", D("0.75")),
        ("", D(0)),
        ("-", D(0)),
        ("—", D(0)),
        ("0", D(0)),
        ("7.5h", None),
        ("-1", None),
        ("7:75", None),
    ],
)
def test_hours_text_is_read_as_a_decimal_or_refused(written, hours):
    assert parse_hours(written) == hours


def test_without_a_total_row_there_are_no_printed_totals():
    assert read(HOURS).printed_totals is None
    assert reading(HOURS)["printed_totals"] is None


def test_dates_without_a_year_take_the_report_months_year():
    rows = tuple((r[0][:5], *r[1:]) for r in CLEAN.rows)
    document = read(replace(CLEAN, rows=rows))
    assert [r.date for r in document.rows][:2] == [dt.date(2026, 2, 2), dt.date(2026, 2, 3)]
    assert document.problems == ()


def test_rows_with_only_a_date_and_a_day_are_left_out():
    blank = (
        ("02/01/2026", "Sun", "", "", "", "", "", ""),
        ("02/07", "Sat", "-", "-", "", "", "", ""),
    )
    document = read(replace(CLEAN, rows=blank + CLEAN.rows))
    assert len(document.rows) == 20


def test_a_cell_that_is_not_a_number_is_kept_as_written_and_counted_as_zero():
    document = read(CLEAN.with_row(0, att="4h"))
    row = document.rows[0]
    assert (row.attended, row.raw) == (0, {"attended": "4h"})
    problem = document.problems[0]
    assert (problem.code, problem.date, problem.field) == ("not_a_number", row.date, "attended")


def test_a_missing_label_is_a_problem_naming_the_field():
    document = read(replace(CLEAN, omit_labels=frozenset({"cin"})))
    assert document.cin == ""
    assert [(p.code, p.field) for p in document.problems] == [("missing_label", "cin")]


def test_a_missing_column_is_a_missing_label():
    document = read(replace(CLEAN, omit_columns=frozenset({"code"})))
    assert ("missing_label", "column:code") in [(p.code, p.field) for p in document.problems]


@pytest.mark.parametrize(
    ("changes", "field"),
    [({"report_month": "Feb 2026"}, "report_month"), ({"prep_date": "03/40/2026"}, "prep_date")],
)
def test_an_unreadable_date_is_a_problem_naming_its_field(changes, field):
    document = read(CLEAN.with_values(**changes))
    assert ("unreadable_date", field) in [(p.code, p.field) for p in document.problems]


def test_an_unreadable_row_date_is_a_problem_for_that_row():
    document = read(CLEAN.with_row(0, date="02/30/2026"))
    assert document.rows[0].date is None
    assert [(p.code, p.field) for p in document.problems] == [("unreadable_date", "row:1")]


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("JSR - Job Search and Readiness", "JSR"),
        ("Experience Provides the Resources for Tomorrow", "EXPRT"),
        ("Community Service (CS)", "CS"),
        ("exprt", "EXPRT"),
    ],
)
def test_the_activity_is_its_code_even_when_the_long_name_is_written(written, code):
    assert read(CLEAN.with_values(activity=written)).activity == code


def test_an_unknown_activity_is_a_problem():
    document = read(CLEAN.with_values(activity="Gardening"))
    assert document.activity is None
    assert [(p.code, p.field) for p in document.problems] == [("unknown_value", "activity")]


@pytest.mark.parametrize(
    ("layout", "colons"),
    [("beside", True), ("beside", False), ("above", True), ("above", False)],
    ids=["beside, colons", "beside, no colons", "above, colons", "above, no colons"],
)
def test_employment_details_are_read_and_the_outcome_employed_is_not_taken_for_a_label(
    layout, colons
):
    spec = replace(CLEAN, employment=True, layout=layout, colons=colons).with_values(
        outcome="Employed",
        employed="Yes",
        emp_name="Acme Tools",
        emp_address="1 Main St, Irvine",
        emp_occupation="Stock clerk",
        emp_hours_week="32",
        emp_wage="$18.50",
        emp_start="02/23/2026",
    )
    document = read(spec)
    assert (document.outcome, document.employed, document.problems) == ("employed", True, ())
    assert document.employment is not None
    assert vars(document.employment) == {
        "employer_name": "Acme Tools",
        "employer_address": "1 Main St, Irvine",
        "occupation": "Stock clerk",
        "hours_week": D(32),
        "hourly_wage": D("18.50"),
        "start_date": dt.date(2026, 2, 23),
    }


def test_a_final_report_reads_its_activity_end_date():
    document = read(CLEAN.with_values(report_type="Final", activity_end="02/27/2026"))
    assert (document.report_type, document.activity_end) == ("final", dt.date(2026, 2, 27))


BAD_FILES = {
    "an empty file": (lambda: b"", errors.EmptyPdf, 422),
    "a Word document": (lambda: b"PK\x03\x04word/document.xml", errors.NotAPdf, 422),
    "a truncated upload": (lambda: aor_pdfs.pdf(CLEAN)[:3000], errors.CorruptPdf, 422),
    "damaged bytes": (lambda: b"%PDF-1.4\n1 0 obj <<\n%%EOF", errors.CorruptPdf, 422),
    "a password": (lambda: aor_files.encrypted(aor_pdfs.pdf(CLEAN)), errors.EncryptedPdf, 422),
    "a scan": (aor_files.scanned, errors.NoTextLayer, 422),
    "a letter": (aor_files.letter, errors.NotAnAor, 422),
    "21 pages": (lambda: aor_files.pages(21), errors.TooManyPages, 413),
}


@pytest.mark.parametrize(("make", "error", "status"), BAD_FILES.values(), ids=BAD_FILES.keys())
def test_a_file_that_cannot_be_read_raises_its_own_error_with_a_one_line_message(
    make, error, status
):
    with pytest.raises(error) as raised:
        read_aor(make())
    assert isinstance(raised.value, DomainError)
    assert raised.value.status == status
    assert raised.value.message and "\n" not in raised.value.message


def test_the_page_and_size_limits_are_parameters():
    data = aor_pdfs.pdf(CLEAN)
    with pytest.raises(errors.TooManyPages):
        read_aor(data, max_pages=1)
    with pytest.raises(errors.TooLarge) as raised:
        read_aor(data, max_bytes=1000)
    assert raised.value.status == 413


def test_a_pdf_locked_only_against_editing_reads_normally():
    document = read_aor(aor_files.encrypted(aor_pdfs.pdf(CLEAN), user_password=""))
    assert document.case_number == "K62GSAR"


@pytest.mark.parametrize("at", [0.2, 0.4, 0.6, 0.8])
def test_a_damaged_pdf_never_raises_a_library_error(at):
    data = bytearray(aor_pdfs.pdf(CLEAN))
    start = int(len(data) * at)
    data[start : start + 400] = b"\x00garbage)>>endobj" * 23 + b"\x00"
    with contextlib.suppress(DomainError):
        read_aor(bytes(data))


def test_a_total_row_left_blank_counts_as_no_printed_totals():
    assert read(replace(CLEAN, totals=("", "", "", ""))).printed_totals is None
    assert read(replace(CLEAN, fillable=True, totals=("", "", "", ""))).printed_totals is None
