"""The pages' frame without a browser: who may open what, CSRF, HTML errors, sign-in rules."""

from __future__ import annotations

import datetime as dt

import pytest
from flask import url_for

from service.auth import accounts, lockout
from service.extensions import db
from service.models.audit import AuditEvent
from service.web.base import safe_next
from service.web.nav import NAV, entries_for
from tests.api.test_session import age_sessions, failure_limit
from tests.conftest import ACCOUNTS, PAGE_PASSWORD, csrf_of

SUP = ACCOUNTS["supervisor"]["username"]


@pytest.fixture
def passwords(app, tokens):
    with app.app_context():
        for facts in ACCOUNTS.values():
            accounts.set_password(db.session, facts["username"], PAGE_PASSWORD)
        db.session.commit()


def page_sign_in(browser, username, password=PAGE_PASSWORD, next_path=None):
    token = csrf_of(browser.get("/sign-in").text)
    url = f"/sign-in?next={next_path}" if next_path else "/sign-in"
    form = {"csrf_token": token, "username": username, "password": password}
    return browser.post(url, data=form)


def test_an_anonymous_visit_to_a_page_leads_to_sign_in_and_back(app, anonymous, passwords):
    answer = anonymous.get("/approvals")
    assert answer.status_code == 302
    assert answer.location == "/sign-in?next=/approvals"
    signed = page_sign_in(anonymous, SUP, next_path="/approvals")
    assert (signed.status_code, signed.location) == (303, "/approvals")


@pytest.mark.parametrize(
    "target", ["https://elsewhere.example", "//elsewhere.example", "/\\elsewhere", "/\t/x", "x"]
)
def test_sign_in_never_leads_off_the_site(app, anonymous, passwords, target):
    assert safe_next(target) is None
    signed = page_sign_in(anonymous, SUP, next_path=target)
    assert (signed.status_code, signed.location) == (303, "/")


def test_a_wrong_password_re_shows_the_form_with_the_username_and_a_message(anonymous, passwords):
    answer = page_sign_in(anonymous, SUP, password="not the right one")
    assert answer.status_code == 401
    assert "wrong username or password" in answer.text
    assert f'value="{SUP}"' in answer.text
    assert anonymous.get("/approvals").status_code == 302


def test_an_empty_field_is_named_beside_it(anonymous, passwords):
    answer = page_sign_in(anonymous, "", password="")
    assert answer.status_code == 422
    assert 'id="username-error">Enter your username.' in answer.text
    assert 'id="password-error">Enter your password.' in answer.text


def test_five_wrong_passwords_on_the_page_make_only_that_address_wait(app, anonymous, passwords):
    anonymous.environ_base["REMOTE_ADDR"] = "203.0.113.9"
    for _ in range(lockout.FAILURES_BEFORE_WAIT):
        assert page_sign_in(anonymous, SUP, password="guess again!").status_code == 401
    assert page_sign_in(anonymous, SUP).status_code == 401
    desk = app.test_client()
    desk.environ_base["REMOTE_ADDR"] = "10.17.4.21"
    assert page_sign_in(desk, SUP).status_code == 303


def test_the_page_and_the_api_share_one_sign_in_rate_limit(app, anonymous, passwords):
    half = failure_limit(app) // 2
    for _ in range(half):
        assert page_sign_in(anonymous, "no.one", "guess again!").status_code == 401
    attempt = {"username": "no.one", "password": "guess again!"}
    for _ in range(failure_limit(app) - half):
        assert anonymous.post("/api/v1/session", json=attempt).status_code == 401
    refused = page_sign_in(anonymous, "no.one", "guess again!")
    assert refused.status_code == 429
    assert "Too many sign-in attempts" in refused.text
    assert 'value="no.one"' in refused.text  # the form again, filled in
    assert anonymous.post("/api/v1/session", json=attempt).status_code == 429


def test_a_sign_in_form_without_its_csrf_token_is_refused(anonymous, passwords):
    answer = anonymous.post("/sign-in", data={"username": SUP, "password": PAGE_PASSWORD})
    assert answer.status_code == 422
    assert "form had expired" in answer.text
    assert anonymous.get("/approvals").status_code == 302


def test_a_page_change_without_the_csrf_token_is_refused(app, page_client):
    admin = page_client("admin")
    new = {"username": "ec.nguyen", "display_name": "Thu Nguyen", "role": "ec"}
    refused = admin.post("/admin/accounts", data=new)
    assert refused.status_code == 400
    assert refused.mimetype == "text/html"
    assert "CSRF token is missing" in refused.text
    with app.app_context(), pytest.raises(accounts.UnknownUser):
        accounts.get_user(db.session, "ec.nguyen")
    assert admin.post("/admin/accounts", data=new | {"csrf_token": admin.csrf}).status_code == 303


def test_a_role_the_page_is_not_for_gets_a_403_page(page_client):
    answer = page_client("ec").get("/admin/accounts")
    assert answer.status_code == 403
    assert answer.mimetype == "text/html"
    assert "may not manage users" in answer.text


def test_an_unknown_page_answers_a_404_page_and_the_api_stays_json(anonymous):
    page = anonymous.get("/no/such/page")
    assert (page.status_code, page.mimetype) == (404, "text/html")
    assert "<h1>Not Found</h1>" in page.text
    api = anonymous.get("/api/v1/no/such/thing")
    assert (api.status_code, api.mimetype) == (404, "application/json")


def test_a_step_someone_else_took_first_answers_a_409_page(app, page_client, example):
    from service.slips import workflow as slips

    with app.app_context():
        ec = accounts.get_user(db.session, ACCOUNTS["ec"]["username"])
        slip_id = slips.create_slip(db.session, ec, example("50-20e"))[0].id
    supervisor = page_client("supervisor")
    url = f"/approvals/{slip_id}/approve"
    assert supervisor.post(url, data={"csrf_token": supervisor.csrf}).status_code == 303
    again = supervisor.post(url, data={"csrf_token": supervisor.csrf})
    assert (again.status_code, again.mimetype) == (409, "text/html")
    assert f"Routing slip {slip_id} is queued" in again.text


def test_an_unexpected_failure_on_a_page_answers_a_500_page(app, client_as):
    def broken():
        raise RuntimeError("participant Jane Doe")

    app.add_url_rule("/broken", "broken", broken)
    answer = client_as("ec").get("/broken")
    assert (answer.status_code, answer.mimetype) == (500, "text/html")
    assert "Internal error" in answer.text
    assert "Jane Doe" not in answer.text


def test_an_ended_session_leads_to_sign_in_saying_why(app, page_client):
    supervisor = page_client("supervisor")
    age_sessions(app, idle=dt.timedelta(minutes=31))
    answer = supervisor.get("/approvals")
    assert answer.location == "/sign-in?next=/approvals"
    assert "period of inactivity" in supervisor.get(answer.location).text


def test_signing_out_from_a_page_ends_the_session(page_client):
    admin = page_client("admin")
    answer = admin.post("/sign-out", data={"csrf_token": admin.csrf})
    assert (answer.status_code, answer.location) == (303, "/sign-in")
    assert admin.get("/admin/accounts").status_code == 302


def test_a_cookie_copied_before_signing_out_from_a_page_opens_nothing(app, page_client):
    admin = page_client("admin")
    thief = app.test_client()
    thief.set_cookie("session", admin.get_cookie("session").value)
    assert thief.get("/admin/accounts").status_code == 200
    assert admin.post("/sign-out", data={"csrf_token": admin.csrf}).status_code == 303
    assert thief.get("/admin/accounts").status_code == 302


@pytest.mark.parametrize("role", list(ACCOUNTS))
def test_each_role_sees_only_its_pages_and_can_open_them(app, page_client, role):
    browser = page_client(role)
    mine = entries_for(role)
    with app.test_request_context():
        urls = {entry: url_for(entry.endpoint) for entry in NAV}
    home = browser.get("/")
    assert (home.status_code, home.location) == ((302, urls[mine[0]]) if mine else (200, None))
    page = browser.get("/", follow_redirects=True).text
    for entry in NAV:
        assert (f'href="{urls[entry]}"' in page) == (entry in mine), entry
    for entry in mine:
        assert browser.get(urls[entry]).status_code == 200, entry


def test_pages_are_audited_and_not_cached_but_the_stylesheet_is_neither(app, page_client):
    admin = page_client("admin")
    page = admin.get("/admin/accounts")
    assert page.headers["Cache-Control"] == "no-store"
    style = admin.get("/assets/web.css")
    assert style.status_code == 200
    assert style.headers.get("Cache-Control") != "no-store"
    with app.app_context():
        actions = [row.action for row in db.session.query(AuditEvent)]
    assert "admin.accounts" in actions
    assert "web.sign_in" in actions
    assert "web.static" not in actions
