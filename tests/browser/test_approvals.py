"""The supervisor's approvals page in a real browser: send one slip back, approve another."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.conftest import read_docx


@pytest.fixture
def waiting(server, people, example) -> list[int]:
    """Two closed files slips from the unit's EC, waiting for the supervisor: their ids."""
    from service.auth import accounts
    from service.extensions import db
    from service.slips import workflow as slips

    def create() -> list[int]:
        ec = accounts.get_user(db.session, people["ec"])
        made = []
        for case_number in ("H7K2M58", "B4C7Q21"):
            payload = example("50-20e") | {"case_number": case_number}
            made.append(slips.create_slip(db.session, ec, payload)[0].id)
        return made

    ids: list[int] = server.run(create)
    return ids


def test_a_supervisor_sends_one_slip_back_with_a_reason_and_approves_another(
    page, signed_in, waiting, screenshot
):
    first, second = waiting
    signed_in(page, "supervisor")
    slip = page.get_by_role("article", name=f"Routing slip {first}")
    expect(slip).to_contain_text("case H7K2M58, closed files")
    expect(slip).to_contain_text("Renée Delacroix-Yamada")
    expect(slip).to_contain_text("cash aid closed")
    screenshot(page, "approvals")

    slip.get_by_role("button", name=f"Send slip {first} back").click()
    slip = page.get_by_role("article", name=f"Routing slip {first}")
    expect(slip.locator(f"#reason-{first}-error")).to_have_text("Say what the EC should correct.")
    reason = "Discontinuance date does not match CalSAWS; check the NOA."
    slip.get_by_label(f"Reason for sending slip {first} back").fill(reason)
    slip.get_by_role("button", name=f"Send slip {first} back").click()

    expect(page.get_by_role("status")).to_have_text(
        f"Routing slip {first} sent back to its EC with your reason."
    )
    expect(page.get_by_role("article", name=f"Routing slip {first}")).to_have_count(0)
    page.get_by_role("button", name=f"Approve slip {second}").click()

    expect(page.get_by_role("status")).to_have_text(
        f"Routing slip {second} approved; it is in the clerical queue."
    )
    expect(page.get_by_role("main")).to_contain_text("No slips are waiting for your approval.")


def test_each_slip_links_to_its_printed_50_20e(page, signed_in, waiting):
    signed_in(page, "supervisor")
    with page.expect_download() as download:
        page.get_by_role("link", name=f"Download slip {waiting[0]} as DOCX").click()
    text = read_docx(download.value.path().read_bytes()).everything
    assert "H7K2M58" in text
    assert "Delacroix-Yamada" in text
