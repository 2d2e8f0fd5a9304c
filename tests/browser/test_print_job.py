"""A long print run in a real browser: the routing page's progress bar follows the job until
the PDF's download link appears."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser import test_routing_queue
from tests.browser.axe import assert_accessible
from tests.conftest import read_pdf

waiting = test_routing_queue.waiting  # three slips in the clerical queue


def test_a_long_run_shows_its_progress_then_the_download(page, signed_in, waiting, pdf_server):
    pdf_server.app.config["PRINT_JOB_THRESHOLD"] = 2
    signed_in(page, "clerical")
    page.get_by_label("Select all").check()
    page.get_by_role("button", name="Print selected as one PDF").click()

    expect(page.get_by_role("heading", name="Printing 3 slips")).to_be_visible()
    expect(page.locator("#print-job-progress")).to_have_attribute("max", "3")
    link = page.get_by_role("link", name="Download the PDF")
    expect(link).to_be_visible(timeout=60_000)
    expect(page.locator("#print-job-status")).to_have_text("The PDF of 3 slips is ready.")
    expect(page.locator("#print-job-progress")).to_have_js_property("value", 3)
    assert_accessible(page)
    with page.expect_download() as download:
        link.click()
    pages = read_pdf(download.value.path().read_bytes()).pages
    assert len(pages) == 3
    assert "Quintero, Marisol" in pages[0] and "Lee, Dana" in pages[2]
