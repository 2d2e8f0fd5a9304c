"""From an AOR with unexcused hours to a 42-6 PDF, and the same PDF again from the documents."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.conftest import read_pdf

LATE = "aor-101-000-grid"  # 1.75 unexcused hours on 09/23/2025


def test_an_ec_prepares_the_42_6_from_an_aor_and_downloads_it_again_from_documents(
    page, signed_in, arrived, pdf_server, screenshot
):
    aor_id = arrived(LATE)
    signed_in(page, "ec")
    page.goto(f"/inbox/{aor_id}")
    page.get_by_role("link", name="Prepare 42-6 noncompliance notice").click()

    expect(
        page.get_by_role("status").filter(has_text=f"Filled in from AOR {aor_id}")
    ).to_be_visible()
    expect(page.locator("#f-case_number")).to_have_value("QU7PX4E")
    expect(page.locator("#f-participant-name")).to_have_value("D'Angelo, Ana-Lucía")
    expect(page.locator("#f-participant-cin")).to_have_value("44257992D")
    expect(page.locator("#f-action")).to_have_value("noncompliance_initiated")
    expect(page.locator("#f-noncompliance_dates-0")).to_have_value("2025-09-23")
    expect(page.locator("#f-activity-type")).to_have_value("Job Search and Readiness (JSR)")
    expect(page.locator("#f-activity-provider")).to_have_value("Coastline Career Pathways, Inc.")
    expect(page.locator("#f-ec-name")).to_have_value("Ana Rivera")
    expect(page.locator("#f-ec-worker_number")).to_have_value("W2918")
    expect(page.locator("#f-est-name")).to_have_value("")
    expect(page.locator("#f-what_happened")).to_contain_text(
        "09/23/2025: 1.75 of 7 scheduled hours unexcused"
    )
    screenshot(page, "aor-notice")

    page.locator("#f-est-name").fill("Daniel Whitaker")
    page.locator("#f-est-worker_number").fill("E4471")
    page.locator("#f-noa_date").fill("2026-11-23")
    with page.expect_download() as first:
        page.get_by_role("button", name="Download PDF").click()
    made = first.value.path().read_bytes()
    text = read_pdf(made).text
    assert "D'Angelo, Ana-Lucía" in text
    assert "09/23/2025" in text

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Documents").click()
    row = page.get_by_role("row", name="QU7PX4E")
    expect(row).to_contain_text("42-6: Employment Counselor Notice")
    expect(row).to_contain_text("D'Angelo, Ana-Lucía")
    expect(row).to_contain_text("PDF")
    expect(row).to_contain_text("Ana Rivera")
    screenshot(page, "documents")
    with page.expect_download() as again:
        row.get_by_role("link", name="Download").click()
    assert again.value.path().read_bytes() == made
