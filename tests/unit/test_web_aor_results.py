"""How the AOR upload page words a reading: hours, months, and whether it came in on time."""

from __future__ import annotations

import pytest

from service.errors import InvalidInput
from service.web.aor_results import check_batch, due_line, hours, month_name, sentence


@pytest.mark.parametrize(
    ("value", "shown"), [(7, "7"), (138.25, "138.25"), (6.5, "6.5"), (140, "140"), (None, "–")]
)
def test_hours_read_as_people_write_them(value, shown):
    assert hours(value) == shown


def test_a_report_month_is_named():
    assert month_name("2026-01") == "January 2026"
    assert month_name(None) == "(no report month read)"


@pytest.mark.parametrize(
    ("submitted", "on_time", "line"),
    [
        ("2026-02-04", True, "On time: submitted 02/04/2026, due 02/06/2026."),
        ("2026-02-09", False, "Late: submitted 02/09/2026, due 02/06/2026."),
        (None, None, "Due 02/06/2026; the form gives no submission date."),
    ],
)
def test_the_due_date_line_says_whether_the_aor_came_in_time(submitted, on_time, line):
    assert due_line("2026-02-06", submitted, on_time) == line


def test_no_due_date_without_a_report_month():
    assert due_line(None, "2026-02-04", None).startswith("No due date")


def test_the_readers_messages_become_sentences():
    assert sentence("the file is empty; upload the AOR again") == (
        "The file is empty; upload the AOR again."
    )


@pytest.mark.parametrize(
    ("count", "message"),
    [(0, "Choose one or more AOR PDF files."), (11, "Upload at most 10 files at a time; 11")],
)
def test_a_post_needs_one_to_ten_files(count, message):
    with pytest.raises(InvalidInput) as refused:
        check_batch(count, 10)
    assert refused.value.errors["files"][0].startswith(message)
    check_batch(10, 10)
