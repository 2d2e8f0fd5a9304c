"""Reading a CSV of case assignments, and the words the upload pages sum a batch up in."""

from __future__ import annotations

import pytest

from service.case_assignments import AssignmentsRefused, Row, read_csv
from service.web.aor_batch import outcome, summary


def test_a_header_row_is_skipped_and_blank_lines_are_not_rows():
    rows = read_csv("\ufeffCase number,EC username\n\nB4C7Q21, ec.rivera \n")
    assert rows == [Row(3, "B4C7Q21", "ec.rivera")]


def test_a_first_row_holding_a_case_number_is_a_row_not_a_header():
    assert read_csv("CASE1234,ec.rivera\n") == [Row(1, "CASE1234", "ec.rivera")]


def test_a_row_without_a_second_column_keeps_its_number_for_the_message():
    assert read_csv("B4C7Q21,ec.rivera\nH7K2M58\n")[1] == Row(2, "H7K2M58", "")


def test_a_file_of_too_many_rows_is_refused(monkeypatch):
    monkeypatch.setattr("service.case_assignments.MAX_ROWS", 2)
    with pytest.raises(AssignmentsRefused, match="1 row cannot be assigned"):
        read_csv("A1234567,a\nB1234567,b\nC1234567,c\n")


def test_a_batch_is_summed_up_with_every_outcome_and_a_scan_only_when_there_is_one():
    assert summary(["read", "read", "refused", "already received"]) == (
        "2 read, 1 refused, 1 already received."
    )
    assert summary(["being read"]) == "0 read, 0 refused, 0 already received, 1 being read."


@pytest.mark.parametrize(
    ("error", "reading", "created", "polled", "expected"),
    [
        ("not a PDF", None, False, False, "refused"),
        ("", {"status": "failed"}, True, False, "refused"),
        ("", {"status": "reading"}, True, False, "being read"),
        ("", {"status": "read"}, False, False, "already received"),
        ("", {"status": "read"}, False, True, "read"),
        ("", {"status": "needs_review"}, True, False, "read"),
    ],
)
def test_each_file_has_one_outcome(error, reading, created, polled, expected):
    assert outcome(error, reading, created, polled) == expected
