"""Creating an account on the page: every problem said at once, the form kept, the password not."""

from __future__ import annotations

import html

import pytest

from service.auth import accounts
from service.extensions import db
from tests.conftest import ACCOUNTS

PASSWORD = "short pass"  # fictional, and too short


@pytest.fixture
def admin(page_client):
    return page_client("admin")


def test_a_new_account_with_several_problems_names_them_all_in_one_answer(admin):
    taken = ACCOUNTS["ec"]["username"]
    form = {
        "csrf_token": admin.csrf,
        "username": taken,
        "display_name": "Thu Nguyen",
        "role": "supervisor",
        "worker_number": "W 12!",
        "password": PASSWORD,
    }
    answer = admin.post("/admin/accounts", data=form)
    assert answer.status_code == 422
    page = html.unescape(answer.text)
    assert f"id=\"new-username-error\">'{taken}' is taken: choose another username." in page
    assert 'id="new-unit-error">Choose the unit this supervisor supervises.' in page
    assert 'id="new-worker_number-error">' in page
    assert 'id="new-password-error">Use at least 12 characters.' in page


def test_a_refused_account_keeps_what_was_typed_but_never_the_password(admin):
    form = {
        "csrf_token": admin.csrf,
        "username": "Bad Name",
        "display_name": "Thu Nguyen",
        "role": "ec",
        "password": PASSWORD,
    }
    answer = admin.post("/admin/accounts", data=form)
    assert answer.status_code == 422
    assert 'value="Thu Nguyen"' in answer.text and 'value="Bad Name"' in answer.text
    assert PASSWORD not in answer.text
    assert 'id="new-password" name="password" type="password"' in answer.text


def test_an_account_with_no_problem_is_still_created(app, admin):
    form = {"csrf_token": admin.csrf, "username": "ec.nguyen", "display_name": "Thu Nguyen"}
    answer = admin.post("/admin/accounts", data=form | {"role": "ec"})
    assert answer.status_code == 303
    with app.app_context():
        assert accounts.get_user(db.session, "ec.nguyen").display_name == "Thu Nguyen"
