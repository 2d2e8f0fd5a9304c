"""The AOR inbox table and the approvals summary in a real browser, at desk and phone width."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.axe import assert_accessible

LATE = "aor-101-000-grid"  # one day of unexcused hours, submitted a day late
CLEAN = "aor-101-001-fillable"  # on time, no unexcused hours, a make-up session (a note)
PHONE = {"width": 390, "height": 844}


def sideways_scroll(page: Page) -> int:
    """How many pixels the page is wider than the window: 0 when nothing scrolls sideways."""
    return int(page.evaluate("document.documentElement.scrollWidth - window.innerWidth"))


@pytest.fixture
def waiting(server, people, example) -> int:
    """A closed files slip whose EC left one closing step unchecked: its id."""
    from service.auth import accounts
    from service.extensions import db
    from service.slips import workflow as slips

    def create() -> int:
        ec = accounts.get_user(db.session, people["ec"])
        payload = example("50-20e") | {"supervisor": None, "clerical": None}
        payload["closed_files"]["checklist"]["activities_end_dated"] = False
        return int(slips.create_slip(db.session, ec, payload)[0].id)

    slip_id: int = server.run(create)
    return slip_id


def test_the_supervisor_sees_what_to_decide_on_and_approves(page, signed_in, waiting):
    signed_in(page, "supervisor")
    slip = page.get_by_role("article", name=f"Routing slip {waiting}")
    answers = slip.get_by_role("table", name=f"What to decide on for slip {waiting}: 1 concern")
    expect(answers.get_by_role("row", name="Discontinued more than 30 days?")).to_contain_text(
        "Yes: discontinued 09/30/2026, 47 days before the slip"
    )
    expect(answers.get_by_role("row", name="Closing checklist complete?")).to_contain_text(
        "No: not checked: Activities end-dated"
    )
    expect(answers.get_by_role("row", name="Good cause or a deferral?")).to_contain_text("Neither")
    expect(answers.get_by_role("row", name="Right closed files bank?")).to_contain_text("P999")
    pdf = slip.get_by_role("link", name=f"Open slip {waiting} as PDF")
    expect(pdf).to_have_attribute("href", f"/api/v1/slips/{waiting}/document?format=pdf")
    # The 26 entries are there for who wants them, folded away.
    expect(slip.get_by_text("Case number", exact=True)).to_be_hidden()
    assert_accessible(page)

    slip.get_by_role("button", name=f"Approve slip {waiting}").click()
    expect(page.get_by_role("status")).to_have_text(
        f"Routing slip {waiting} approved; it is in the clerical queue."
    )


def test_the_inbox_table_sorts_and_filters_by_its_links_and_form(page, signed_in, arrived):
    arrived(LATE), arrived(CLEAN)
    signed_in(page, "ec")
    main_nav = page.get_by_role("navigation", name="Main")
    expect(main_nav.get_by_role("link", name="AOR inbox")).to_contain_text("2 need action")
    main_nav.get_by_role("link", name="AOR inbox").click()
    table = page.get_by_role("table", name="Latest AOR of each report")
    expect(table.get_by_role("row")).to_have_count(3)
    assert_accessible(page)

    table.get_by_role("link", name="Provider").click()
    provider = page.get_by_role("columnheader", name="Provider")
    expect(provider).to_have_attribute("aria-sort", "ascending")
    rows = page.get_by_role("table", name="Latest AOR of each report").get_by_role("row")
    expect(rows.nth(1)).to_contain_text("Coastline")
    page.get_by_role("columnheader", name="Provider").get_by_role("link").click()
    expect(page.get_by_role("columnheader", name="Provider")).to_have_attribute(
        "aria-sort", "descending"
    )

    page.get_by_label("Case number").fill("qu7p")
    page.get_by_role("button", name="Filter").click()
    expect(page.get_by_text("1 reading matches the filters.")).to_be_visible()
    table = page.get_by_role("table", name="Latest AOR of each report")
    expect(table.get_by_role("row")).to_have_count(2)
    expect(table).to_contain_text("D'Angelo, Ana-Lucía")
    # The filter kept the sort the headings chose.
    expect(page.get_by_role("columnheader", name="Provider")).to_have_attribute(
        "aria-sort", "descending"
    )
    page.get_by_role("navigation", name="Inbox states").get_by_role("link", name="Reviewed").click()
    expect(page.get_by_text("No AOR matches the filters.")).to_be_visible()
    assert "case=QU7P" in page.url
    assert_accessible(page)


@pytest.mark.parametrize("path", ["/inbox", "/approvals"])
def test_at_phone_width_the_tables_are_stacked_rows_and_nothing_scrolls_sideways(
    browser, server, signed_in, arrived, waiting, path
):
    arrived(LATE)
    context = browser.new_context(base_url=server.url, viewport=PHONE)
    try:
        page = context.new_page()
        signed_in(page, "ec" if path == "/inbox" else "supervisor")
        page.goto(path)
        table = page.locator("table.stack").first
        expect(table).to_be_visible()
        assert sideways_scroll(page) <= 0
        # Each cell a line, led by its column's name.
        cell = table.locator("td[data-label]").first
        label = cell.evaluate("td => getComputedStyle(td, '::before').content")
        assert label.strip('"').endswith(": ")
        assert_accessible(page)
    finally:
        context.close()
