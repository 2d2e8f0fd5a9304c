"""Work that survives, in a real browser: the session ends mid-WTW 2 and the draft comes back
whole; the warning before it ends; a question before the example replaces what was typed."""

from __future__ import annotations

import datetime as dt
import re

from playwright.sync_api import Page, expect
from sqlalchemy import select, update

from tests.browser.axe import assert_accessible
from tests.browser.conftest import PASSWORD, Served
from tests.browser.test_fill_form import answer, group

PARTICIPANT = "Marisol Quintero-Baptiste"  # fictional
SECOND_PROVIDER = "Eden Valley Adult School"
AUTOSAVE_MS = 21_000


def idle_for(server: Served, minutes: int) -> None:
    """Every session last used ``minutes`` ago, as if nobody had touched a key since."""
    from service.extensions import db
    from service.models.session import BrowserSession

    def age() -> None:
        then = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=minutes)
        db.session.execute(update(BrowserSession).values(last_seen_at=then))
        db.session.commit()

    server.run(age)


def last_seen(server: Served) -> dt.datetime:
    from service.extensions import db
    from service.models.session import BrowserSession

    def read() -> dt.datetime:
        moment = db.session.scalar(select(BrowserSession.last_seen_at))
        assert moment is not None
        return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)

    found: dt.datetime = server.run(read)
    return found


def start_the_plan(page: Page) -> None:
    answer(page, "County", "Alameda County")  # the county's lists are choices, by name
    page.get_by_label("Office").select_option(label="Hayward (Alameda County)")
    page.get_by_label("Case name").fill("QUINTERO-BAPTISTE, MARISOL")
    page.get_by_label("Case number").fill("C7M3P91")
    group(page, "Participant").get_by_label("Name").fill(PARTICIPANT)
    answer(page, "Plan type", "Initial")
    page.locator("#f-plan_date").fill("2026-11-23")
    group(page, "Household").get_by_label("Child under six").check()
    first = group(page, "Activity 1")
    first.get_by_label("Type").select_option(label="Work experience")
    first.get_by_label("Provider").fill("South Hayward Community Food Pantry")
    first.get_by_label("Hours per week").fill("12")


def sign_in_here(page: Page, username: str) -> None:
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_the_session_expires_mid_wtw2_and_the_draft_comes_back_whole(
    page, server, people, signed_in
):
    page.clock.install()
    signed_in(page, "ec")
    page.goto("/forms/wtw2")
    start_the_plan(page)
    page.clock.run_for(AUTOSAVE_MS)
    status = page.locator("#draft-status")
    expect(status).to_contain_text("Draft saved at")
    assert re.search(r"[?&]draft=\d+", page.url)

    # Typed after the last autosave: only the page holds it when the session ends.
    page.get_by_role("button", name="Add activity").click()
    second = group(page, "Activity 2")
    second.get_by_label("Type").select_option(label="Vocational training")
    second.get_by_label("Provider").fill(SECOND_PROVIDER)
    second.get_by_label("Hours per week").fill("8")
    page.get_by_label("Notes").fill("Prefers text reminders.")
    idle_for(server, minutes=31)

    page.get_by_role("button", name="Check", exact=True).click()
    page.wait_for_url(re.compile(r"/sign-in\?next="))
    assert_accessible(page)
    sign_in_here(page, people["ec"])

    page.wait_for_url(re.compile(r"/forms/wtw2\?draft=\d+$"))
    expect(status).to_contain_text("as you left it")
    expect(page.get_by_label("Case number")).to_have_value("C7M3P91")
    expect(group(page, "Participant").get_by_label("Name")).to_have_value(PARTICIPANT)
    expect(group(page, "Plan type").get_by_label("Initial", exact=True)).to_be_checked()
    expect(group(page, "Household").get_by_label("Child under six")).to_be_checked()
    expect(group(page, "Activity 1").get_by_label("Hours per week")).to_have_value("12")
    second = group(page, "Activity 2")
    expect(second.get_by_label("Type")).to_have_value("vocational_training")
    expect(second.get_by_label("Provider")).to_have_value(SECOND_PROVIDER)
    expect(second.get_by_label("Hours per week")).to_have_value("8")
    expect(page.get_by_label("Notes")).to_have_value("Prefers text reminders.")
    assert_accessible(page)

    # The form goes on from where it was: the check now runs, and the one draft is listed.
    page.get_by_role("button", name="Check", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text("problem")
    expect(second.get_by_label("Provider")).to_have_value(SECOND_PROVIDER)
    page.get_by_role("link", name="Forms", exact=True).first.click()
    drafts = page.get_by_role("table").filter(has_text="Last saved")
    expect(drafts.get_by_role("row")).to_have_count(2)
    expect(drafts).to_contain_text(f"{PARTICIPANT} · QUINTERO-BAPTISTE, MARISOL · C7M3P91")
    assert_accessible(page)


def test_a_warning_comes_before_the_session_ends_and_stay_signed_in_renews_it(
    page, server, signed_in
):
    page.clock.install()
    signed_in(page, "ec")
    page.goto("/forms/wtw2")
    page.clock.run_for(25 * 60_000 + 1_000)
    dialog = page.get_by_role("dialog", name="Your session is about to end")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("in about 5 minutes")
    stay = dialog.get_by_role("button", name="Stay signed in")
    expect(stay).to_be_focused()
    assert_accessible(page)

    idle_for(server, minutes=26)
    page.keyboard.press("Enter")
    expect(dialog).to_be_hidden()
    assert dt.datetime.now(dt.UTC) - last_seen(server) < dt.timedelta(minutes=1)


def test_load_example_asks_first_and_the_typing_is_kept_as_a_draft(page, signed_in):
    signed_in(page, "ec")
    page.goto("/forms/wtw2")
    group(page, "Participant").get_by_label("Name").fill(PARTICIPANT)
    page.get_by_role("link", name="Load example").click()
    question = page.get_by_role("dialog")
    expect(question).to_contain_text("Load the example?")
    expect(question.get_by_role("button", name="Cancel")).to_be_focused()
    assert_accessible(page)
    page.keyboard.press("Escape")
    expect(question).to_be_hidden()
    expect(group(page, "Participant").get_by_label("Name")).to_have_value(PARTICIPANT)

    page.get_by_role("link", name="Load example").click()
    page.keyboard.press("Shift+Tab")
    expect(question.get_by_role("button", name="Load example")).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"example=1"))
    expect(group(page, "Participant").get_by_label("Name")).to_have_value("Lucía M. Alvarado")

    page.get_by_role("link", name="Forms", exact=True).first.click()
    drafts = page.get_by_role("table").filter(has_text="Last saved")
    expect(drafts).to_contain_text(PARTICIPANT)
    drafts.get_by_role("button", name=re.compile("^Delete")).click()
    page.get_by_role("dialog").get_by_role("button", name="Delete draft").click()
    expect(page.get_by_role("status")).to_contain_text("The draft was deleted.")
    expect(page.get_by_text("No drafts.")).to_be_visible()
