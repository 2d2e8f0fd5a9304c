"""The contractor's AOR upload page in a real browser: choose and drop files, read each result,
upload a corrected AOR, download the blank one."""

from __future__ import annotations

import base64
import io
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from tests import aor_files
from tests.conftest import PROVIDER
from tests.referrals import refer

GRID = "aor-101-000-grid"
FILLABLE = "aor-101-001-fillable"
# The fillable sample's 01/11 make-up session, scheduled as it should have been.
FIX = {"r11_sched": "2", "tot_sched": "145"}
# The contractor's own report: the sample names another provider.
OURS = {"provider": PROVIDER}

DROP = """([files]) => {
  const transfer = new DataTransfer();
  for (const [name, encoded] of files) {
    const bytes = Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0));
    transfer.items.add(new File([bytes], name, { type: "application/pdf" }));
  }
  return transfer;
}"""


@pytest.fixture
def folder(tmp_path: Path, sample_pdf) -> Path:
    """The contractor's files: two AORs, a note that is not a PDF, and a corrected AOR."""
    (tmp_path / "grid.pdf").write_bytes(sample_pdf(GRID))
    (tmp_path / "meeting-notes.txt").write_bytes(b"Minutes of the provider meeting.")
    (tmp_path / "kim-fixed.pdf").write_bytes(
        aor_files.with_fields(sample_pdf(FILLABLE), OURS | FIX)
    )
    return tmp_path


def drop(page: Page, files: dict[str, bytes]) -> None:
    """Drop ``files`` on the drop zone, as a file manager's drag and drop does."""
    encoded = [[name, base64.b64encode(data).decode()] for name, data in files.items()]
    transfer = page.evaluate_handle(DROP, [encoded])
    page.locator("#aor-drop").dispatch_event("drop", {"dataTransfer": transfer})


def result(page: Page, filename: str):
    return page.get_by_role("listitem", name=filename, exact=True)


def test_a_contractor_uploads_several_aors_sees_each_reading_and_replaces_one(
    page, server, signed_in, folder, sample_pdf, screenshot
):
    signed_in(page, "contractor")
    refer(server.app, "FTKS5P3H", "coastline")  # Kim's case is referred to Coastline
    expect(page.get_by_role("heading", level=1)).to_have_text("Upload AORs")

    # Chosen files are sent at once: the script leaves no button to press.
    expect(page.get_by_role("button", name="Upload and read")).to_be_hidden()
    page.get_by_label("AOR PDF files").set_input_files(
        [folder / "grid.pdf", folder / "meeting-notes.txt"]
    )
    grid = result(page, "grid.pdf")
    expect(grid).to_contain_text("D'Angelo, Ana-Lucía, case QU7PX4E, September 2025")
    expect(grid.get_by_role("table", name="Totals (hours)")).to_contain_text("138.25")
    expect(grid).to_contain_text("Late: submitted 10/08/2025, due 10/07/2025.")
    expect(result(page, "meeting-notes.txt").get_by_role("alert")).to_have_text(
        "Not read: The file is not a PDF; upload the AOR as a PDF document."
    )

    kim_pdf = aor_files.with_fields(sample_pdf(FILLABLE), OURS)
    drop(page, {"kim.pdf": kim_pdf, "scan.pdf": aor_files.scanned()})
    kim = result(page, "kim.pdf")
    expect(kim.locator(".upload-findings")).to_have_text(
        "Note: 2026-01-11: 2 hours attended on a day with nothing scheduled (a make-up session)"
    )
    # The scan is kept and read by OCR in the background; the page follows it to its end.
    expect(result(page, "scan.pdf").get_by_role("alert")).to_contain_text(
        "not an Attendance and Outcome Report", timeout=60_000
    )
    expect(page.locator("#upload-recent tbody tr")).to_have_count(3)
    screenshot(page, "aor-upload")

    page.get_by_label("AOR PDF files").set_input_files(folder / "kim-fixed.pdf")
    fixed = result(page, "kim-fixed.pdf")
    expect(fixed).to_contain_text(
        "This reading replaces the earlier reading of case FTKS5P3H for January 2026"
    )
    expect(fixed).to_contain_text("No findings.")
    expect(page.locator("#upload-recent")).to_contain_text("Replaced by upload 4")


def test_the_page_offers_the_blank_fillable_aor(page, signed_in):
    signed_in(page, "contractor")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the blank fillable AOR (PDF)").click()
    blank = download.value.path().read_bytes()
    assert blank.startswith(b"%PDF-")
    fields = PdfReader(io.BytesIO(blank)).get_fields() or {}
    assert {"participant_name", "case_number", "r01_date", "r01_att", "tot_att"} <= set(fields)


def test_without_javascript_the_form_posts_every_file_and_shows_the_same_results(
    browser, server, signed_in, folder
):
    context = browser.new_context(base_url=server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        signed_in(page, "contractor")
        expect(page.locator("#aor-drop")).to_be_hidden()  # dropping needs the script
        page.get_by_label("AOR PDF files").set_input_files(
            [folder / "grid.pdf", folder / "meeting-notes.txt"]
        )
        page.get_by_role("button", name="Upload and read").click()
        expect(result(page, "grid.pdf")).to_contain_text("Late: submitted 10/08/2025")
        expect(result(page, "meeting-notes.txt")).to_contain_text("Not read: The file is not a PDF")
    finally:
        context.close()
