"""First run in a real browser: the console's link, the first administrator, then the Units page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_accessible

PASSWORD = "first administrator passphrase"


@pytest.fixture
def printed_token(capsys, request) -> str:
    """Start the server with the console captured; the token of the link it printed."""
    request.getfixturevalue("server")
    found = re.findall(r"/setup/([A-Za-z0-9_-]{40,})", capsys.readouterr().out)
    assert len(found) == 1
    return found[0]


def test_first_run_leads_from_the_console_link_to_the_first_administrator(printed_token, page):
    page.goto(f"/setup/{printed_token}")
    expect(page.get_by_role("heading", name="Create the first administrator")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Username").fill("admin.first")
    page.get_by_label("Full name").fill("Dana First")
    page.get_by_label("Password").fill("short")
    page.get_by_role("button", name="Create administrator").click()
    expect(page.locator("#password-error")).to_contain_text("at least 12 characters")
    expect(page.get_by_label("Full name")).to_have_value("Dana First")
    assert_accessible(page)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create administrator").click()

    expect(page.get_by_role("status")).to_contain_text("Administrator admin.first created")
    expect(page.get_by_role("banner")).to_contain_text("Dana First (Administrator)")
    assert_accessible(page)
    form = page.get_by_role("region", name="Add a unit")
    form.get_by_label("Code").fill("unit 17")
    form.get_by_label("Office").select_option(label="Hayward (Alameda)")
    form.get_by_role("button", name="Add unit").click()
    expect(page.get_by_role("row", name="U17")).to_contain_text("Hayward")
    assert_accessible(page)

    gone = page.goto(f"/setup/{printed_token}")
    assert gone is not None and gone.status == 404
