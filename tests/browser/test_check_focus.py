"""After Check the focus is on what the answer says: the error summary, or that all is well."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.axe import assert_accessible


def check(page: Page) -> None:
    page.get_by_role("button", name="Check", exact=True).click()
    page.wait_for_load_state()


def test_after_a_check_with_problems_the_error_summary_has_the_focus(page, signed_in):
    signed_in(page, "ec")
    page.goto("/forms/wtw2")
    check(page)
    summary = page.get_by_role("alert").filter(has_text="to fix before the form can be made")
    expect(summary).to_be_focused()
    # Field errors and the rules' errors are there together, each naming how to fix it.
    expect(summary).to_contain_text("Case number: Required: fill this in.")
    expect(page.locator("#f-case_number")).to_have_attribute("required", "")
    expect(page.locator("label[for=f-case_number]")).to_contain_text("(required)")
    assert_accessible(page)


def test_after_a_check_without_problems_the_message_saying_so_has_the_focus(page, signed_in):
    signed_in(page, "ec")
    page.goto("/forms/wtw2?example=1")
    check(page)
    status = page.get_by_role("status").filter(has_text="Checked: no problems found.")
    expect(status).to_be_focused()
    assert_accessible(page)
