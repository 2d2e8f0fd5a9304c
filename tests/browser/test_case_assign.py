"""A supervisor assigns cases in a real browser: a CSV, then one case by keyboard alone."""

from __future__ import annotations

import io

from playwright.sync_api import expect

from tests.browser.axe import assert_accessible

LATE = "aor-101-000-grid"  # case QU7PX4E


def test_a_supervisor_assigns_cases_from_a_csv_and_the_ec_then_sees_them(
    page, browser, server, people, signed_in, sample_pdf, screenshot
):
    def arrive() -> None:
        from service.auth import accounts
        from service.extensions import db

        token = accounts.issue_token(db.session, people["contractor"], "browser test")
        db.session.commit()
        answer = server.app.test_client().post(
            "/api/v1/aors",
            headers={"Authorization": f"Bearer {token}"},
            data={"file": (io.BytesIO(sample_pdf(LATE)), f"{LATE}.pdf")},
            content_type="multipart/form-data",
        )
        assert answer.status_code == 201, answer.get_json()

    server.run(arrive)
    ec_page = browser.new_context(base_url=server.url).new_page()
    signed_in(ec_page, "ec")
    ec_page.goto("/inbox")
    expect(ec_page.get_by_role("main")).not_to_contain_text("QU7PX4E")

    signed_in(page, "supervisor")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Cases").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Assign cases")
    assert_accessible(page)

    upload = page.get_by_role("region", name="Assign cases from a CSV file")
    wrong = b"case_number,ec\nqu7px4e,W2918\nB4-C7,ec.rivera\n"
    upload.get_by_label("CSV file").set_input_files(
        {"name": "cases.csv", "mimeType": "text/csv", "buffer": wrong}
    )
    upload.get_by_role("button", name="Upload and assign").click()
    refused = page.get_by_role("alert").filter(has_text="was not applied")
    expect(refused).to_contain_text("1 row cannot be assigned; nothing was changed")
    expect(refused.get_by_role("row", name="3")).to_contain_text('"B4-C7" is not a case number')
    assert_accessible(page)

    right = b"case_number,ec\nqu7px4e,W2918\nB4C7Q21,ec.rivera\n"
    upload.get_by_label("CSV file").set_input_files(
        {"name": "cases.csv", "mimeType": "text/csv", "buffer": right}
    )
    upload.get_by_role("button", name="Upload and assign").click()
    expect(page.get_by_role("status")).to_have_text("2 assigned, 0 reassigned, 0 unchanged.")
    listed = page.get_by_role("table", name="2 cases")
    expect(listed.get_by_role("row", name="QU7PX4E")).to_contain_text("Ana Rivera")
    screenshot(page, "case-assign")

    ec_page.reload()
    expect(ec_page.get_by_role("main")).to_contain_text("QU7PX4E")
    ec_page.context.close()


def test_one_case_is_assigned_by_keyboard_alone(page, signed_in):
    signed_in(page, "supervisor")
    page.goto("/cases/assign")
    page.get_by_label("Case number").focus()
    page.keyboard.type("h7k2m58")
    page.keyboard.press("Tab")
    expect(page.get_by_label("EC", exact=True)).to_be_focused()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Assign case")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_have_text("1 assigned, 0 reassigned, 0 unchanged.")
    expect(page.get_by_role("row", name="H7K2M58")).to_contain_text("Ana Rivera")
    assert_accessible(page)
