"""Signing in and out in a real browser: wrong password, the way back to the page asked for,
the keyboard alone, and signing out."""

from __future__ import annotations

from playwright.sync_api import expect

from service.web.nav import entries_for
from tests.browser.conftest import PASSWORD


def test_a_wrong_password_is_refused_and_the_right_one_leads_back_to_the_page_asked_for(
    page, people, screenshot
):
    page.goto("/admin/accounts")
    expect(page).to_have_url("/sign-in?next=/admin/accounts")
    page.get_by_label("Username").fill(people["admin"])
    page.get_by_label("Password").fill("not the password at all")
    page.get_by_role("button", name="Sign in").click()

    expect(page.get_by_role("alert")).to_contain_text("wrong username or password")
    expect(page.get_by_label("Username")).to_have_value(people["admin"])  # kept for the retry
    screenshot(page, "sign-in")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    expect(page).to_have_url("/admin/accounts")
    expect(page.get_by_role("heading", level=1)).to_have_text("Accounts")
    expect(page.get_by_role("banner")).to_contain_text("Kim Park (Administrator)")


def test_signing_out_ends_the_session(page, signed_in):
    signed_in(page, "supervisor")
    expect(page).to_have_url("/approvals")
    page.get_by_role("button", name="Sign out").click()

    expect(page).to_have_url("/sign-in")
    expect(page.get_by_role("status")).to_have_text("You have signed out.")
    page.goto("/approvals")
    expect(page).to_have_url("/sign-in?next=/approvals")


def test_signing_in_works_with_the_keyboard_alone(page, people):
    page.goto("/sign-in")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()
    page.keyboard.press("Tab")  # the product name, leading home
    page.keyboard.press("Tab")
    expect(page.get_by_label("Username")).to_be_focused()
    page.keyboard.type(people["supervisor"])
    page.keyboard.press("Tab")
    expect(page.get_by_label("Password")).to_be_focused()
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")

    expect(page).to_have_url("/approvals")
    # The supervisor's pages, Approvals first (their home); the other pages follow it.
    labels = [entry.label for entry in entries_for("supervisor")]
    assert labels[0] == "Approvals"
    expect(page.get_by_role("navigation", name="Main").get_by_role("link")).to_have_text(labels)
