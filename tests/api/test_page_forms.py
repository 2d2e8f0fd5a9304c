"""The accounts and approvals pages' forms: refusals beside the field, nothing typed lost."""

from __future__ import annotations

import html

import pytest

from service.auth import accounts
from service.extensions import db
from service.models.slip import RoutingSlip
from tests.conftest import ACCOUNTS

EC = ACCOUNTS["ec"]["username"]
ADMIN = ACCOUNTS["admin"]["username"]


@pytest.fixture
def admin(page_client):
    return page_client("admin")


@pytest.fixture
def supervisor(page_client):
    return page_client("supervisor")


def test_a_short_password_is_refused_beside_that_accounts_field(app, admin):
    answer = admin.post(
        f"/admin/accounts/{EC}/password", data={"csrf_token": admin.csrf, "password": "short"}
    )
    assert answer.status_code == 422
    assert f'id="password-{EC}-error">at least 12 characters' in answer.text
    with app.app_context():
        assert accounts.get_user(db.session, EC).password_hash is None


def test_a_new_password_opens_sign_in_for_that_account(app, admin, anonymous):
    form = {"csrf_token": admin.csrf, "password": "a fresh passphrase here"}
    assert admin.post(f"/admin/accounts/{EC}/password", data=form).status_code == 303
    with app.app_context():
        assert accounts.check_password(db.session, EC, "a fresh passphrase here").username == EC


def test_an_administrator_cannot_disable_their_own_account(app, admin):
    answer = admin.post(f"/admin/accounts/{ADMIN}/disable", data={"csrf_token": admin.csrf})
    assert answer.status_code == 422
    assert "may not disable their own account" in answer.text
    with app.app_context():
        assert accounts.get_user(db.session, ADMIN).active


def test_an_over_long_token_label_is_refused_and_kept(admin):
    label = "x" * 81
    form = {"csrf_token": admin.csrf, "label": label}
    answer = admin.post(f"/admin/accounts/{EC}/tokens", data=form)
    assert answer.status_code == 422
    assert f'id="label-{EC}-error">' in answer.text
    assert f'value="{label}"' in answer.text
    assert 'id="issued-token"' not in answer.text


def test_an_unknown_account_answers_a_404_page(admin):
    answer = admin.post("/admin/accounts/nobody.here/disable", data={"csrf_token": admin.csrf})
    assert (answer.status_code, answer.mimetype) == (404, "text/html")
    assert "no account named 'nobody.here'" in html.unescape(answer.text)


def test_the_accounts_page_shows_when_each_account_last_signed_in(page_client, admin):
    page_client("clerical")
    page = admin.get("/admin/accounts").text
    clerk_row = page.split(f'id="account-{ACCOUNTS["clerical"]["username"]}"')[1].split("</tr>")[0]
    contractor_row = page.split(f'id="account-{ACCOUNTS["contractor"]["username"]}"')[1]
    assert "/20" in clerk_row  # a date such as 11/23/2026
    assert "never" in contractor_row.split("</tr>")[0]


def test_an_over_long_reason_is_refused_beside_the_field_and_kept(app, supervisor, example):
    from service.slips import workflow as slips

    with app.app_context():
        ec = accounts.get_user(db.session, EC)
        slip_id = slips.create_slip(db.session, ec, example("50-20e"))[0].id
    reason = "Check the dates. " * 80
    form = {"csrf_token": supervisor.csrf, "reason": reason}
    answer = supervisor.post(f"/approvals/{slip_id}/send-back", data=form)
    assert answer.status_code == 422
    assert f'id="reason-{slip_id}-error">' in answer.text
    assert reason.strip() in answer.text
    with app.app_context():
        assert db.session.get(RoutingSlip, slip_id).status == "pending_approval"
