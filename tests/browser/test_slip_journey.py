"""A 50-20e from the EC's desk to the closed files bank, in a real browser and by keyboard: the
EC sends it, the supervisor sends it back, the EC corrects and resends it, the supervisor
approves it and the clerk routes it. axe-core checks each page on the way."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect

from tests.browser.axe import assert_accessible

CASE, CASE_NAME = "K62GSAR", "Lee, Dana"  # fictional
REASON = "The discontinuance date does not match CalSAWS: it is 09/30/2026."


def press(target: Locator, key: str = "Enter") -> None:
    """Reach ``target`` with the keyboard's focus and press a key on it, as a keyboard user."""
    target.focus()
    expect(target).to_be_focused()
    target.press(key)


def type_into(field: Locator, text: str) -> None:
    """Type into a field from the keyboard: select what is there, then type over it."""
    field.focus()
    field.press("ControlOrMeta+a")
    field.press_sequentially(text)


def said(page: Page) -> Locator:
    """The page's message of what just happened (other live regions may share its role)."""
    return page.locator("p.flash[role=status]")


def group(scope: Page | Locator, name: str) -> Locator:
    return scope.get_by_role("group", name=re.compile(rf"^{re.escape(name)}\b"))


def sign_out(page: Page) -> None:
    press(page.get_by_role("button", name="Sign out"))
    page.wait_for_url(re.compile(r"/sign-in"))


def fill_the_ecs_part(page: Page, discontinued: str) -> None:
    type_into(page.get_by_label("Case number"), CASE)
    type_into(page.get_by_label("Case name"), CASE_NAME)
    type_into(group(page, "Participant 1").get_by_label("Name"), "Dana Lee")
    press(group(page, "Action").get_by_label("Closed files"), "Space")
    page.get_by_label(re.compile(r"^Slip date")).fill("2026-11-16")
    sender = page.get_by_role("group", name="From EC", exact=True)
    type_into(sender.get_by_label("Name"), "Ana Rivera")
    type_into(sender.get_by_label("Worker number"), "W2918")
    type_into(sender.get_by_label("Unit"), "U17")
    press(group(sender, "Office").get_by_label("Hayward"), "Space")  # a choice, by name
    closing = page.get_by_role("group", name="Closed files", exact=True)
    press(group(closing, "Reason").get_by_label("Cash aid closed"), "Space")
    closing.get_by_label(re.compile(r"^Discontinuance date")).fill(discontinued)
    press(group(closing, "Good cause deferral").get_by_label("None"), "Space")
    press(group(closing, "Household CalFresh").get_by_label("None"), "Space")
    for box in group(closing, "Checklist").get_by_role("checkbox").all():
        press(box, "Space")


def check_with_enter(page: Page) -> None:
    """Enter in a field checks the form (its first submit button is Check)."""
    page.get_by_label("Case name").press("Enter")
    page.wait_for_load_state()


def test_a_slip_goes_from_the_ec_through_a_send_back_and_approval_to_routing(
    page, signed_in, screenshot
):
    signed_in(page, "ec")
    press(page.get_by_role("link", name="50-20e", exact=True))
    expect(page.get_by_role("heading", level=1)).to_contain_text("50-20e")
    expect(page.get_by_role("group", name="Supervisor")).to_have_count(0)
    expect(page.get_by_role("group", name="Clerical")).to_have_count(0)
    expect(page.get_by_role("button", name="Send for approval")).to_have_count(0)
    fill_the_ecs_part(page, discontinued="2026-09-28")
    check_with_enter(page)
    expect(said(page)).to_contain_text("no problems found")
    send = page.get_by_role("button", name="Send for approval")
    assert_accessible(page)
    screenshot(page, "slip-send")
    press(send)

    expect(page.get_by_role("heading", level=1)).to_have_text("My slips")
    expect(said(page)).to_contain_text(f"for case {CASE} sent")
    row = page.get_by_role("row", name=re.compile(CASE))
    expect(row).to_contain_text("Waiting for your supervisor's approval")
    slip_id = row.get_by_role("rowheader").inner_text()
    assert_accessible(page)
    sign_out(page)

    signed_in(page, "supervisor")
    slip = page.get_by_role("article", name=f"Routing slip {slip_id}")
    expect(slip).to_contain_text("09/28/2026")
    type_into(slip.get_by_label(f"Reason for sending slip {slip_id} back"), REASON)
    press(slip.get_by_role("button", name=f"Send slip {slip_id} back"))
    expect(said(page)).to_contain_text(f"Routing slip {slip_id} sent back")
    sign_out(page)

    signed_in(page, "ec")
    press(page.get_by_role("navigation", name="Main").get_by_role("link", name="My slips"))
    row = page.locator(f"#slip-{slip_id}")
    expect(row).to_contain_text("Sent back to you to correct")
    expect(row).to_contain_text(REASON)
    assert_accessible(page)
    screenshot(page, "my-slips")
    press(row.get_by_role("link", name=f"Correct and resend slip {slip_id}"))

    expect(page.get_by_role("heading", name=f"Correcting routing slip {slip_id}")).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text(REASON)
    expect(page.get_by_label("Case number")).to_have_value(CASE)
    closing = page.get_by_role("group", name="Closed files", exact=True)
    closing.get_by_label(re.compile(r"^Discontinuance date")).fill("2026-09-30")
    check_with_enter(page)
    expect(said(page)).to_contain_text("no problems found")
    assert_accessible(page)
    press(page.get_by_role("button", name="Resend for approval"))
    expect(said(page)).to_contain_text(
        f"Routing slip {slip_id} corrected and sent for approval again."
    )
    expect(page.locator(f"#slip-{slip_id}")).to_contain_text("Waiting for your supervisor's")
    sign_out(page)

    signed_in(page, "supervisor")
    slip = page.get_by_role("article", name=f"Routing slip {slip_id}")
    expect(slip).to_contain_text("09/30/2026")
    press(slip.get_by_role("button", name=f"Approve slip {slip_id}"))
    expect(said(page)).to_contain_text("it is in the clerical queue")
    sign_out(page)

    signed_in(page, "clerical")
    row = page.locator(f"#slip-{slip_id}")
    press(row.locator("summary", has_text="Record routing"))
    expect(row.get_by_label("Routed to")).to_have_value("Closed files bank P999 (Hayward)")
    type_into(row.get_by_label("Your initials"), "RD")
    press(row.get_by_role("button", name=f"Record routing of slip {slip_id}"))
    expect(said(page)).to_contain_text(f"Routing slip {slip_id} recorded")
    sign_out(page)

    signed_in(page, "ec")
    page.goto("/slips/mine")
    row = page.locator(f"#slip-{slip_id}")
    expect(row).to_contain_text("Routed")
    expect(row).to_contain_text("To Closed files bank P999 (Hayward)")
    expect(row).to_contain_text("(RD)")
