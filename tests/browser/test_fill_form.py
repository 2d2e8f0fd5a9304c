"""An EC fills the WTW 2 in a real browser: items added and removed, checked, downloaded."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.conftest import read_docx, read_pdf

PARTICIPANT = "Marisol Quintero-Baptiste"  # fictional
BASIS = "one adult with a child under 6"  # what the rules compute for this household


@pytest.fixture
def served_pdf(server, office_pool: Any) -> Iterator[Any]:
    """The served app converts PDFs on the suite's one warm LibreOffice pool."""
    own = server.app.extensions["office"]
    server.app.extensions["office"] = office_pool
    yield server
    server.app.extensions["office"] = own


def group(scope: Page | Locator, name: str) -> Locator:
    """A fieldset by its legend (the legend may add "(required)")."""
    return scope.get_by_role("group", name=re.compile(rf"^{re.escape(name)}\b"))


def answer(scope: Page | Locator, question: str, choice: str) -> None:
    group(scope, question).get_by_label(choice, exact=True).check()


def fill_required_fields_but_the_hours(page: Page) -> None:
    answer(page, "County", "Alameda County")  # the county's lists are choices, by name
    page.get_by_label("Office").select_option(label="Hayward (Alameda County)")
    page.get_by_label("Case name").fill("QUINTERO-BAPTISTE, MARISOL")
    page.get_by_label("Case number").fill("C7M3P91")
    group(page, "Participant").get_by_label("Name").fill(PARTICIPANT)
    answer(page, "Plan type", "Initial")
    page.get_by_label(re.compile(r"^Plan date")).fill("2026-11-23")
    household = group(page, "Household")
    answer(household, "Two-parent family", "No")
    household.get_by_label("Child under six").check()
    activity = group(page, "Activity 1")
    activity.get_by_label("Type").select_option(label="Work experience")
    activity.get_by_label("Provider").fill("South Hayward Community Food Pantry")
    activity.get_by_label("Location").fill("1475 Tennyson Road, Hayward, CA 94544")
    activity.get_by_label("Days and times").fill("Mon to Fri 9:00 a.m. - 1:00 p.m.")
    activity.get_by_label("Start date").fill("2026-12-07")
    activity.get_by_label("End date").fill("2027-05-28")
    answer(group(page, "Child care"), "Needed", "No")
    answer(group(page, "Transportation"), "Needed", "No")
    ec = page.get_by_role("group", name="EC", exact=True)
    ec.get_by_label("Name").fill("Ana Rivera")
    ec.get_by_label("Worker number").fill("W2918")


def check(page: Page) -> None:
    page.get_by_role("button", name="Check", exact=True).click()
    page.wait_for_load_state()


def test_an_ec_fills_the_wtw2_checks_it_and_downloads_it_as_pdf_and_docx(
    page, signed_in, served_pdf, screenshot
):
    signed_in(page, "ec")
    expect(page.get_by_role("heading", level=1)).to_have_text("Forms")
    expect(page.get_by_role("table")).to_contain_text("F063-41-251")
    screenshot(page, "forms")
    page.get_by_role("link", name="WTW 2", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("WTW 2")
    fill_required_fields_but_the_hours(page)

    # A second activity, added from the keyboard and taken out again.
    group(page, "Activity 1").get_by_role("button", name="Remove activity 1").focus()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Add activity")).to_be_focused()
    page.keyboard.press("Enter")
    second = group(page, "Activity 2")
    expect(second.get_by_label("Type")).to_be_focused()
    second.get_by_label("Provider").fill("Eden Valley Adult School")
    second.get_by_role("button", name="Remove activity 2").click()
    expect(group(page, "Activity 2")).to_have_count(0)
    expect(page.get_by_role("button", name="Add activity")).to_be_focused()

    check(page)
    hours = group(page, "Activity 1").get_by_label("Hours per week")
    expect(page.locator("#f-activities-0-hours_per_week-error")).to_have_text(
        "Required: fill this in."
    )
    expect(page.get_by_role("alert")).to_contain_text("Activity 1 › Hours per week")
    expect(group(page, "Participant").get_by_label("Name")).to_have_value(PARTICIPANT)
    expect(group(page, "Activity 2")).to_have_count(0)

    hours.fill("12")
    check(page)
    expect(page.locator("#f-activities-error")).to_contain_text("short of the 20 hours required")
    computed = page.get_by_role("region", name="Computed values")
    expect(computed).to_contain_text("Hours a week required")
    expect(computed).to_contain_text(BASIS)
    screenshot(page, "form-errors")

    group(page, "Activity 1").get_by_label("Hours per week").fill("20")
    check(page)
    expect(page.get_by_role("status").filter(has_text="no problems found")).to_be_visible()
    expect(page.get_by_role("region", name="Computed values")).to_contain_text("11/30/2026")
    screenshot(page, "form-computed")

    with page.expect_download() as pdf_download:
        page.get_by_role("button", name="Download PDF").click()
    pdf = read_pdf(pdf_download.value.path().read_bytes())
    assert PARTICIPANT in pdf.text
    assert BASIS in pdf.text
    with page.expect_download() as docx_download:
        page.get_by_role("button", name="Download DOCX").click()
    assert docx_download.value.suggested_filename.startswith("wtw2_C7M3P91_")
    docx = read_docx(docx_download.value.path().read_bytes()).everything
    assert PARTICIPANT in docx
    assert BASIS in docx


def test_load_example_fills_the_form_with_fictional_data_ready_to_download(
    page, signed_in, example
):
    notice = example("42-6")
    signed_in(page, "ec")
    page.goto("/forms/42-6")
    page.get_by_role("link", name="Load example").click()
    expect(page.get_by_label("Case number")).to_have_value(notice["case_number"])
    dates = group(page, "Dates of noncompliance")  # the labels of issue 13, in the office's words
    expect(dates.get_by_label("Date of noncompliance 1")).to_have_value(
        notice["noncompliance_dates"][0]
    )
    # The form has a field named "action" of its own: the download button still works.
    with page.expect_download() as download:
        page.get_by_role("button", name="Download DOCX").click()
    assert notice["participant"]["name"] in read_docx(download.value.path().read_bytes()).everything
