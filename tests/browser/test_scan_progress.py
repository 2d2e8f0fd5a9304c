"""A scan on the upload page in a real browser: a progress bar while OCR reads it, then the
reading in its place."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import expect

from tests import aor_files
from tests.browser.axe import assert_accessible


def test_a_scan_shows_a_progress_bar_until_its_reading_replaces_it(
    page, server, signed_in, tmp_path: Path
):
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(aor_files.scanned())
    signed_in(page, "contractor")
    page.get_by_label("AOR PDF files").set_input_files(scan)

    item = page.get_by_role("listitem", name="scan.pdf", exact=True)
    bar = item.get_by_role("progressbar", name="Reading scan.pdf")
    expect(bar).to_be_visible()
    # Determinate: pages read out of the scan's pages, as its job counts them.
    expect(bar).to_have_attribute("max", re.compile(r"^[1-9][0-9]*$"))
    expect(bar).to_have_attribute("data-job", re.compile(r"^/api/v1/jobs/[0-9a-f-]{36}$"))
    expect(item).to_contain_text("Status: reading.")
    assert_accessible(page)
    expect(item.get_by_role("alert")).to_contain_text(
        "not an Attendance and Outcome Report", timeout=60_000
    )
    expect(item.get_by_role("progressbar")).to_have_count(0)
