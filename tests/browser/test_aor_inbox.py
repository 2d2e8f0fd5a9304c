"""The EC's AOR inbox in a real browser: the latest readings, what needs attention, one in full."""

from __future__ import annotations

from playwright.sync_api import expect

from parsers.aor import read_aor

LATE = "aor-101-000-grid"  # one day of unexcused hours, submitted a day late
CLEAN = "aor-101-001-fillable"  # on time, no unexcused hours, a make-up session (a note)


def test_an_ec_sees_a_late_report_with_unexcused_hours_and_opens_it(
    page, signed_in, arrived, sample_pdf, screenshot
):
    late, clean = arrived(LATE), arrived(CLEAN)
    signed_in(page, "ec")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="AOR inbox").click()

    table = page.get_by_role("table", name="Latest AOR of each report")
    entry = table.get_by_role("row", name="D'Angelo, Ana-Lucía")
    expect(entry).to_contain_text("QU7PX4E")
    expect(entry).to_contain_text("September 2025")
    flags = entry.get_by_role("list", name="What needs attention")
    expect(flags).to_contain_text("Late: submitted 10/08/2025, due 10/07/2025 (1 day late)")
    expect(flags).to_contain_text("1.75 unexcused hours on 09/23/2025")
    expect(flags).to_contain_text("Short of the month's required hours by 1.75 h (unexcused hours)")
    other = table.get_by_role("row", name="Nguyễn Văn Kim")
    expect(other).to_contain_text("FTKS5P3H")
    expect(other).to_contain_text("January 2026")
    # That Coastline sent Equus's report for a case not referred to it; its make-up session is
    # a note, shown but not counted.
    expect(other).to_contain_text("2 findings to check with the provider")
    expect(other).to_contain_text("1 note, nothing to act on")
    expect(other).not_to_contain_text("Late:")
    screenshot(page, "aor-inbox")

    entry.get_by_role("link", name="D'Angelo, Ana-Lucía").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"AOR {late}: D'Angelo, Ana-Lucía, September 2025"
    )
    rows = page.get_by_role("table", name="Daily attendance")
    expect(rows.get_by_role("row", name="09/23/2025")).to_contain_text("1.75 unexcused")
    totals = "Total of the rows (computed) 154 138.25 14 1.75"
    expect(rows.get_by_role("row", name=totals)).to_be_visible()
    expect(
        rows.get_by_role("row", name="Total printed on the AOR 154 138.25 14 1.75")
    ).to_be_visible()
    expect(page.get_by_role("link", name="Prepare 42-6 noncompliance notice")).to_be_visible()
    screenshot(page, "aor-detail")

    with page.expect_download() as download:
        page.get_by_role("link", name="Download the PDF").click()
    assert download.value.suggested_filename.endswith(".pdf")
    # A copy without active content, saying the same; the original is for supervisors.
    assert read_aor(download.value.path().read_bytes()) == read_aor(sample_pdf(LATE))
    assert clean != late


def test_an_ec_corrects_a_misread_row_marks_the_reading_reviewed_and_sees_the_record(
    page, signed_in, arrived, screenshot
):
    late = arrived(LATE)
    signed_in(page, "ec")
    page.goto(f"/inbox/{late}")
    page.get_by_role("link", name="Correct the reading").click()
    form = page.locator("#correct")
    form.get_by_label("Row 17 (09/23/2025): attended").fill("7")
    form.get_by_label("Row 17 (09/23/2025): unexcused").fill("0")
    form.get_by_label("Row 17 (09/23/2025): unexcused").press("Tab")
    form.get_by_role("button", name="Save corrections").click()

    expect(page.get_by_role("status").first).to_contain_text("Corrections saved")
    flags = page.get_by_role("list", name="What needs attention")
    expect(flags).not_to_contain_text("unexcused hours on")
    expect(flags).to_contain_text("Corrected by staff (2 values)")
    record = page.get_by_role("table", name="Corrections")
    expect(record.get_by_role("row", name="Row 09/23/2025: unexcused")).to_contain_text(
        "1.75 0 1.75 Ana Rivera"
    )
    expect(page.get_by_role("link", name="Prepare 42-6 noncompliance notice")).to_have_count(0)

    page.get_by_role("button", name="Mark the reading reviewed").click()
    expect(flags).to_contain_text("Reviewed by Ana Rivera on")
    screenshot(page, "aor-corrected")
