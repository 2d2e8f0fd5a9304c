"""The clerical routing queue in a real browser: print two of three slips as one PDF, then
record the routing of one, a wrong value refused beside its field first."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.conftest import read_pdf

OKAFOR = {"name": "Chidi Okafor", "worker_number": "W5150", "unit": "U22", "office": "eastmont"}
CASES = {"H7K2M58": "Quintero, Marisol", "B4C7Q21": "Abernathy, Tomás", "K62GSAR": "Lee, Dana"}


@pytest.fixture
def waiting(server, people, example) -> list[int]:
    """Three transfer slips from the EC out of the unit, approved into the clerical queue."""
    from service.auth import accounts
    from service.extensions import db
    from service.slips import workflow as slips

    def create() -> list[int]:
        ec = accounts.get_user(db.session, people["ec"])
        supervisor = accounts.get_user(db.session, people["supervisor"])
        made = []
        for case_number, case_name in CASES.items():
            payload = example("50-20e") | {"supervisor": None, "clerical": None}
            payload |= {"action": "transfer", "closed_files": None, "to_ec": dict(OKAFOR)}
            payload |= {"case_number": case_number, "case_name": case_name}
            made.append(slips.create_slip(db.session, ec, payload)[0].id)
            slips.approve(db.session, made[-1], supervisor)
        return made

    ids: list[int] = server.run(create)
    return ids


def test_a_clerk_prints_two_slips_as_one_pdf_and_records_a_routing(
    page, signed_in, waiting, pdf_server, screenshot
):
    first, second, third = waiting
    signed_in(page, "clerical")
    expect(page.get_by_role("heading", level=1)).to_have_text("Routing queue")
    expect(page.get_by_role("table").first).to_contain_text("3 slips waiting")

    page.get_by_role("button", name="Print selected as one PDF").click()
    expect(page.locator("#print-error")).to_have_text(
        "Select the slips to print first: none is selected."
    )
    page.get_by_label("Select all").check()
    page.get_by_label(f"Select slip {second}, case B4C7Q21").uncheck()
    expect(page.get_by_label(f"Select slip {third}, case K62GSAR")).to_be_checked()
    expect(page.get_by_label("Select all")).not_to_be_checked()
    with page.expect_download() as download:
        page.get_by_role("button", name="Print selected as one PDF").click()
    pages = read_pdf(download.value.path().read_bytes()).pages
    assert len(pages) == 2
    assert "Quintero, Marisol" in pages[0] and "Lee, Dana" in pages[1]

    row = page.locator(f"#slip-{first}")
    row.locator("summary", has_text="Record routing").click()
    expect(row.get_by_label("Routed to")).to_have_value("Chidi Okafor (W5150), U22, Eastmont")
    row.get_by_label("Your initials").fill("R.D.")
    row.get_by_role("button", name=f"Record routing of slip {first}").click()
    row = page.locator(f"#slip-{first}")
    expect(row.locator(f"#initials-{first}-error")).to_have_text(
        "Initials are letters only, like LT."
    )
    expect(row.get_by_label("Your initials")).to_have_value("R.D.")
    screenshot(page, "routing-queue")
    row.get_by_label("Your initials").fill("RD")
    row.get_by_role("button", name=f"Record routing of slip {first}").click()

    expect(page.get_by_role("status")).to_contain_text(f"Routing slip {first} recorded")
    expect(page.locator(f"#slip-{first}")).to_have_count(0)
    expect(page.get_by_role("table").first).to_contain_text("2 slips waiting")
    expect(page.locator(f"#routed-{first}")).to_contain_text("RD")
