"""The administrator's accounts page in a real browser."""

from __future__ import annotations

from playwright.sync_api import expect

NEW_PASSWORD = "correct horse battery staple"


def test_an_administrator_creates_an_account_and_its_owner_signs_in_with_it(
    page, browser, server, signed_in, screenshot
):
    signed_in(page, "admin")
    form = page.get_by_role("region", name="Create an account")
    form.get_by_label("Username").fill("Bad Name")
    form.get_by_label("Full name").fill("Thu Nguyen")
    form.get_by_label("Role").select_option(label="Contractor")
    form.get_by_role("button", name="Create account").click()

    # Refused beside the field, with what was typed still there.
    expect(form.locator("#new-username-error")).to_contain_text("lower-case letters")
    expect(form.get_by_label("Username")).to_have_value("Bad Name")
    expect(form.get_by_label("Full name")).to_have_value("Thu Nguyen")
    expect(form.get_by_label("Role")).to_have_value("contractor")
    form.get_by_label("Username").fill("bayside.nguyen")
    form.get_by_role("button", name="Create account").click()

    expect(form.locator("#new-provider-error")).to_contain_text("provider organisation")
    expect(form.get_by_label("Organisation")).to_have_attribute("aria-invalid", "true")
    form.get_by_label("Organisation").fill("Bayside Training Partners")
    form.get_by_label("Password", exact=True).fill(NEW_PASSWORD)
    form.get_by_role("button", name="Create account").click()

    expect(page.get_by_role("status")).to_have_text("Account bayside.nguyen created.")
    row = page.get_by_role("row", name="bayside.nguyen")
    expect(row).to_contain_text("Thu Nguyen")
    expect(row).to_contain_text("Bayside Training Partners")
    expect(row).to_contain_text("Contractor")
    screenshot(page, "admin-accounts")

    other = browser.new_context(base_url=server.url).new_page()
    other.goto("/sign-in")
    other.get_by_label("Username").fill("bayside.nguyen")
    other.get_by_label("Password").fill(NEW_PASSWORD)
    other.get_by_role("button", name="Sign in").click()
    expect(other.get_by_role("banner")).to_contain_text("Thu Nguyen (Contractor)")
    other.context.close()


def test_an_administrator_issues_a_token_shown_once_and_disables_an_account(
    page, people, signed_in
):
    signed_in(page, "admin")
    row = page.get_by_role("row", name=people["clerical"])
    row.get_by_text("Manage").click()
    row.get_by_label("Token label").fill("front desk scanner")
    row.get_by_role("button", name="Issue API token").click()

    notice = page.get_by_role("status")
    expect(notice).to_contain_text(f"New API token for {people['clerical']}")
    token = page.locator("#issued-token").inner_text()
    assert len(token) >= 40
    response = page.request.get("/api/v1/slips", headers={"Authorization": f"Bearer {token}"})
    assert response.status == 200

    page.goto("/admin/accounts")
    expect(page.locator("#issued-token")).to_have_count(0)  # never shown again
    row = page.get_by_role("row", name=people["clerical"])
    row.get_by_text("Manage").click()
    row.get_by_role("button", name=f"Disable {people['clerical']}").click()
    # Disabling signs the person out at once: the page asks first.
    question = page.get_by_role("dialog")
    expect(question).to_contain_text(f"Disable {people['clerical']}?")
    question.get_by_role("button", name=f"Disable {people['clerical']}").click()
    expect(page.get_by_role("row", name=people["clerical"])).to_contain_text("Disabled")
    response = page.request.get("/api/v1/slips", headers={"Authorization": f"Bearer {token}"})
    assert response.status == 401
