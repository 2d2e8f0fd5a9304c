"""The contractor's upload page in a real browser: files go as soon as they are chosen, the batch
is summed up for screen readers too, and a past reading reopens from the table."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import expect

from tests.browser.axe import assert_accessible
from tests.referrals import refer

GRID = "aor-101-000-grid"  # Coastline's report: case QU7PX4E


def test_chosen_files_are_read_at_once_and_the_batch_is_summed_up(
    page, server, signed_in, sample_pdf, tmp_path: Path
):
    refer(server.app, "QU7PX4E", "coastline")
    (tmp_path / "grid.pdf").write_bytes(sample_pdf(GRID))
    (tmp_path / "grid-copy.pdf").write_bytes(sample_pdf(GRID))
    (tmp_path / "notes.txt").write_bytes(b"Minutes of the provider meeting.")
    signed_in(page, "contractor")

    page.get_by_label("AOR PDF files").set_input_files(tmp_path / "grid.pdf")
    summary = page.get_by_role("status").filter(has_text="refused")
    expect(summary).to_have_text("1 read, 0 refused, 0 already received.")

    # A second choice is its own batch: the copy is the same file, the note is no PDF.
    page.get_by_label("AOR PDF files").set_input_files(
        [tmp_path / "grid-copy.pdf", tmp_path / "notes.txt"]
    )
    expect(summary).to_have_text("0 read, 1 refused, 1 already received.")
    expect(page.get_by_role("listitem", name="grid-copy.pdf", exact=True)).to_contain_text(
        "This file was already received"
    )
    assert_accessible(page)


def test_a_past_reading_reopens_from_the_recent_uploads_table(
    page, server, signed_in, sample_pdf, tmp_path: Path
):
    (tmp_path / "grid.pdf").write_bytes(sample_pdf(GRID))
    signed_in(page, "contractor")
    page.get_by_label("AOR PDF files").set_input_files(tmp_path / "grid.pdf")
    # Not referred to Coastline: the page says so beside the reading.
    expect(page.get_by_role("listitem", name="grid.pdf", exact=True)).to_contain_text(
        "Your organisation has no referral on record for case QU7PX4E."
    )
    page.reload()
    table = page.get_by_role("table", name="The latest 1, newest first")
    table.get_by_role("link", name="grid.pdf (upload 1)").click()
    reading = page.get_by_role("listitem", name="grid.pdf", exact=True)
    expect(reading).to_contain_text("D'Angelo, Ana-Lucía, case QU7PX4E, September 2025")
    expect(reading.get_by_role("table", name="Totals (hours)")).to_contain_text("138.25")
    assert_accessible(page)
