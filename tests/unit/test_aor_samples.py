"""Every AOR sample the county gave reads exactly as its expected reading says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parsers.aor import read_aor
from service.aor.reading import build_reading
from tests import aor_files
from tests.conftest import SAMPLES

# The samples' expected readings call Section E's Date Submitted "submitted".
RENAMED = {"submitted": "submitted_date"}


def _samples() -> list[Path]:
    return sorted(SAMPLES.glob("*.pdf"))


def _reading(pdf: Path) -> dict:
    return build_reading(read_aor(pdf.read_bytes()))


def test_there_are_samples_to_read():
    assert len(_samples()) >= 6


@pytest.mark.parametrize("pdf", _samples(), ids=lambda p: p.stem)
def test_each_sample_reads_as_its_expected_json(pdf):
    expected = json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))
    reading = _reading(pdf)
    for key, value in expected.items():
        if key == "rows":
            continue
        assert reading[RENAMED.get(key, key)] == value, key
    assert len(reading["rows"]) == len(expected["rows"])
    for got, want in zip(reading["rows"], expected["rows"], strict=True):
        assert {k: got[k] for k in want} == want


@pytest.mark.parametrize("pdf", _samples(), ids=lambda p: p.stem)
def test_each_sample_reads_without_a_parse_problem(pdf):
    assert read_aor(pdf.read_bytes()).problems == ()


def test_hours_are_json_numbers_whole_ones_without_a_decimal_point():
    reading = _reading(SAMPLES / "aor-101-000-grid.pdf")
    assert json.dumps(reading["totals"]) == (
        '{"scheduled": 154, "attended": 138.25, "excused": 14, "unexcused": 1.75}'
    )


def test_a_fillable_sample_is_read_from_its_live_fields_and_a_docx_one_from_its_text():
    assert read_aor((SAMPLES / "aor-101-001-fillable.pdf").read_bytes()).source == "fields"
    assert read_aor((SAMPLES / "aor-101-002-docx.pdf").read_bytes()).source == "text"


def test_the_fillable_sample_keeps_the_accents_the_page_font_could_not_show():
    document = read_aor((SAMPLES / "aor-101-001-fillable.pdf").read_bytes())
    assert document.participant_name == "Nguyễn Văn Kim"


def test_a_sunday_make_up_session_with_nothing_scheduled_is_the_only_finding_in_the_samples():
    reading = _reading(SAMPLES / "aor-101-001-fillable.pdf")
    assert [(f["code"], f["date"]) for f in reading["findings"]] == [
        ("make_up_session", "2026-01-11")
    ]


@pytest.mark.parametrize(
    ("sample", "due", "on_time"),
    [
        ("aor-101-000-grid", "2025-10-07", False),  # submitted 10/08, a day late
        ("aor-101-001-fillable", "2026-02-06", True),
        ("aor-101-004-fillable", "2026-05-28", True),  # final: Memorial Day skipped
        ("aor-101-005-docx", "2026-08-19", True),  # final, submitted on the due date
    ],
)
def test_the_samples_due_dates_count_county_working_days(sample, due, on_time):
    reading = _reading(SAMPLES / f"{sample}.pdf")
    assert (reading["due_date"], reading["on_time"]) == (due, on_time)


def test_a_fillable_sample_flattened_into_page_text_reads_like_its_live_fields():
    data = (SAMPLES / "aor-101-004-fillable.pdf").read_bytes()
    live = build_reading(read_aor(data))
    flat = build_reading(read_aor(aor_files.flattened(data)))
    # The fillable version prints the Day column; it has no field for it.
    live_rows = [{**row, "day": ""} for row in live["rows"]]
    flat_rows = [{**row, "day": ""} for row in flat["rows"]]
    assert (flat["source"], flat_rows) == ("text", live_rows)
    assert {**flat, "rows": [], "source": ""} == {**live, "rows": [], "source": ""}
