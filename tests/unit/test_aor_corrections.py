"""Corrections replayed on a reading's document, and the severity of each finding."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from types import SimpleNamespace

import pytest

from parsers.aor import read_aor
from parsers.aor_model import Totals
from parsers.hours import parse_hours
from service.aor import corrected_document as cd
from service.aor import findings
from service.aor.corrections import _still_open, label, replay
from service.aor.reading import build_reading
from tests import aor_pdfs
from tests.aor_spec import CLEAN
from tests.conftest import SAMPLES


def rebuilt(reading: dict, *changes: tuple[str, object]) -> dict:
    """The reading worked out again from its document with ``changes`` applied."""
    kept = [SimpleNamespace(field=name, new_value=value) for name, value in changes]
    state = replay(reading, kept)
    return build_reading(replace(state.doc, problems=tuple(_still_open(reading, state))))


@pytest.mark.parametrize("pdf", sorted(SAMPLES.glob("*.pdf")), ids=lambda p: p.stem)
def test_a_reading_rebuilt_from_its_own_document_is_the_same_reading(pdf):
    reading = build_reading(read_aor(pdf.read_bytes()))
    assert rebuilt(reading) == reading


def test_hours_written_in_minutes_still_add_up_to_the_printed_total_when_rebuilt():
    doc = read_aor(aor_pdfs.pdf(CLEAN))
    twenty = parse_hours("7:20")
    zero = Decimal(0)
    rows = tuple(
        replace(row, scheduled=twenty, attended=twenty, excused=zero, unexcused=zero,
                excused_code=None)
        for row in doc.rows[:10]
    )  # fmt: skip
    total = parse_hours("73:20")
    doc = replace(doc, rows=rows, printed_totals=Totals(total, total, zero, zero))
    reading = build_reading(doc)
    assert reading["findings"] == [] and reading["rows"][0]["attended"] == 7.33
    assert rebuilt(reading) == reading


def test_a_genuine_decimal_hour_is_kept_as_written():
    assert cd._hours_text(7.5) == "7.5"
    assert cd._hours_text(7.33) == "7.3333"  # the reader's 7:20
    assert cd._hours_text(7.1) == "7.1"


def test_corrections_replay_in_order_naming_rows_by_date_or_number():
    reading = build_reading(read_aor(aor_pdfs.pdf(CLEAN)))
    got = rebuilt(
        reading,
        ("rows.2026-02-02.attended", 3),
        ("rows.#2.date", "2026-02-02"),  # now two rows are dated 02/02
        ("rows.#2.attended", 1),
        ("rows.2026-02-27", None),
        ("rows.2026-02-14", {"date": "2026-02-14", "scheduled": 2, "attended": 2,
                             "excused": 0, "code": None, "unexcused": 0, "note": ""}),
    )  # fmt: skip
    dates = [row["date"] for row in got["rows"]]
    assert dates[:2] == ["2026-02-02", "2026-02-02"]
    assert "2026-02-27" not in dates
    assert dates[dates.index("2026-02-14") - 1] == "2026-02-13"
    assert got["rows"][0]["attended"] == 3 and got["rows"][1]["attended"] == 1
    assert ("duplicate_date", "2026-02-02") in [(f["code"], f["date"]) for f in got["findings"]]


def test_a_finding_about_a_corrected_value_goes_and_the_others_stay():
    reading = build_reading(read_aor(aor_pdfs.pdf(CLEAN.with_values(provider="", cin="X1"))))
    assert {(f["code"], f["field"]) for f in reading["findings"]} == {
        ("missing_value", "provider"),
        ("invalid_value", "cin"),
    }
    got = rebuilt(reading, ("cin", "57916128D"))
    assert [(f["code"], f["field"]) for f in got["findings"]] == [("missing_value", "provider")]


def test_a_correction_is_labelled_as_people_name_it():
    assert label("submitted_date") == "Date submitted"
    assert label("rows.2026-02-02.attended") == "Row 02/02/2026: attended"
    assert label("rows.#3.code") == "Row 3: excused code"
    assert label("rows.2026-02-14") == "Row 02/14/2026"
    assert label("printed_totals.unexcused") == "Printed total: unexcused"


READER_CODES = ("not_a_number", "unreadable_date", "unknown_value", "missing_label",
                "missing_value", "invalid_value")  # fmt: skip
NOTES = {"make_up_session", "active_content_removed", "read_by_ocr", "holiday_not_designated"}


def test_every_finding_the_service_makes_has_a_severity_in_the_one_table():
    produced = {*READER_CODES, *findings.DERIVED, "provider_mismatch", "unknown_case_for_provider",
                "needs_review"}  # fmt: skip
    assert produced | NOTES <= set(findings.SEVERITY)
    assert {code for code, s in findings.SEVERITY.items() if s == findings.NOTE} == NOTES
    assert findings.severity("a_code_not_yet_placed") == findings.NEEDS_ACTION


def test_a_finding_stored_before_severities_gets_one_when_shown():
    stored = [
        {"code": "printed_total_mismatch", "message": "..."},
        {"code": "active_content_removed", "message": "..."},
    ]
    assert [f["severity"] for f in findings.with_severity(stored)] == ["needs_action", "note"]
    assert [f["code"] for f in findings.needing_action(stored)] == ["printed_total_mismatch"]


def test_a_make_up_session_on_an_unscheduled_day_is_a_note():
    spec = replace(CLEAN, totals=None).with_row(0, sched="0", att="2")
    [found] = build_reading(read_aor(aor_pdfs.pdf(spec)))["findings"]
    assert (found["code"], found["severity"]) == ("make_up_session", "note")
    other = replace(CLEAN, totals=None).with_row(0, sched="0", att="2", unx="1")
    codes = [f["code"] for f in build_reading(read_aor(aor_pdfs.pdf(other)))["findings"]]
    assert codes == ["hours_above_scheduled"]
