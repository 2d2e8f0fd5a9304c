"""Variations SPEC.md allows that the generated AORs showed the reader getting wrong, one each."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from parsers.aor import read_aor
from service.aor.reading import build_reading
from tests import aor_pdfs
from tests.aor_spec import CLEAN, AorSpec

D = Decimal
LONG_NOTE = "worked the second shift and stayed late to finish the inventory count"
EMPLOYED = {
    "outcome": "Employed",
    "employed": "Yes",
    "emp_name": "Acme Tools",
    "emp_address": "1 Main St, Irvine",
    "emp_occupation": "Stock clerk",
    "emp_hours_week": "32",
    "emp_wage": "$18.50",
    "emp_start": "02/23/2026",
}


def rows(spec: AorSpec) -> list[tuple]:
    read = read_aor(aor_pdfs.pdf(spec)).rows
    return [(r.date, r.scheduled, r.attended, r.excused, r.unexcused, r.note) for r in read]


def test_a_total_of_more_than_99_hours_written_as_hours_and_minutes_is_read():
    spec = replace(CLEAN, totals=("100:00", "73:00", "6:00", "1:00"))
    totals = read_aor(aor_pdfs.pdf(spec)).printed_totals
    assert totals is not None and totals.scheduled == D(100)


def test_a_note_wrapped_onto_three_lines_stays_with_its_own_row():
    spec = replace(CLEAN, font="Courier", size=9).with_row(3, note=LONG_NOTE)
    notes = [row[-1] for row in rows(spec)]
    assert notes[2:5] == ["", LONG_NOTE, ""]


def test_an_outcome_employed_alone_under_its_label_is_the_outcome_not_a_label():
    spec = replace(CLEAN, layout="above", columns=1, employment=True).with_values(**EMPLOYED)
    document = read_aor(aor_pdfs.pdf(spec))
    assert (document.outcome, document.employed, document.problems) == ("employed", True, ())


def test_a_table_continued_without_headings_under_the_repeated_name_keeps_its_columns():
    spec = replace(
        CLEAN,
        layout="above",
        columns=3,
        font="Times-Roman",
        size=11,
        rows_on_first_page=8,
        repeat_headings=False,
        repeat_ids=True,
    )
    assert rows(spec) == rows(CLEAN)


def test_notes_under_a_centred_heading_are_not_read_as_unexcused_hours():
    # Nothing under Unexcused on the page: only the notes are near its heading.
    spec = replace(CLEAN, totals=None, heading_align="center").with_row(16, att="4", unx="")
    got = rows(spec)
    assert [(row[4], row[5]) for row in got if row[5]] == [
        (0, "doctor's note"),
        (0, "Presidents' Day"),
        (0, "left early"),
    ]
    assert build_reading(read_aor(aor_pdfs.pdf(spec)))["findings"] == []


def test_a_dash_right_of_a_code_is_the_next_columns_zero_not_part_of_the_code():
    rows_ = tuple((*row[:6], row[6] or "-", row[7]) for row in CLEAN.rows)
    spec = replace(CLEAN, rows=rows_, heading_align="center", font="Times-Roman")
    document = read_aor(aor_pdfs.pdf(spec))
    assert [r.excused_code for r in document.rows if r.excused_code] == ["ILL", "HOL"]


def test_upper_case_labels_and_headings_without_colons_read_like_any_other():
    spec = replace(CLEAN, label_case="upper", colons=False, size=9)
    document = read_aor(aor_pdfs.pdf(spec))
    assert (document.participant_name, document.case_number) == ("Ramírez, José", "K62GSAR")
    assert document.problems == ()
    assert rows(spec) == rows(CLEAN)
