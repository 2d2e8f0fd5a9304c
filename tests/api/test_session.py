"""Browser sign-in: the session cookie, its time limits, CSRF and the sign-in rate limit."""

from __future__ import annotations

import datetime as dt

import pytest

from service.api.auth import session_ended
from service.auth import accounts
from service.extensions import db
from service.models.audit import AuditEvent
from tests.conftest import ACCOUNTS

PASSWORD = "a long enough passphrase"
EC = ACCOUNTS["ec"]["username"]
ADMIN = ACCOUNTS["admin"]["username"]


def set_passwords(app):
    """Every test account gets PASSWORD."""
    with app.app_context():
        for facts in ACCOUNTS.values():
            accounts.set_password(db.session, facts["username"], PASSWORD)
        db.session.commit()


@pytest.fixture
def passwords(app, tokens):
    set_passwords(app)


def sign_in(app, username, password=PASSWORD):
    """A test client signed in as ``username``, carrying its CSRF token as ``.csrf``."""
    browser = app.test_client()
    answer = browser.post("/api/v1/session", json={"username": username, "password": password})
    assert answer.status_code == 200, answer.json
    browser.csrf = answer.json["csrf_token"]
    return browser


def test_a_correct_password_signs_in_and_names_the_account(app, passwords):
    answer = app.test_client().post("/api/v1/session", json={"username": EC, "password": PASSWORD})
    assert answer.status_code == 200
    assert answer.json["user"]["username"] == EC
    assert answer.json["user"]["role"] == "ec"
    assert answer.json["csrf_token"]
    assert "password" not in answer.text and "hash" not in answer.text


def test_a_signed_in_browser_reaches_the_api_without_a_token(app, passwords):
    browser = sign_in(app, EC)
    assert browser.get("/api/v1/forms").status_code == 200
    me = browser.get("/api/v1/session").json
    assert me["user"]["username"] == EC
    assert me["csrf_token"]


def test_the_session_cookie_is_secure_http_only_same_site_lax_and_expires(app, passwords):
    browser = sign_in(app, EC)
    cookie = browser.get_cookie("session")
    assert cookie.secure
    assert cookie.http_only
    assert cookie.same_site == "Lax"
    lifetime = cookie.expires - dt.datetime.now(dt.UTC)
    assert dt.timedelta(minutes=29) < lifetime <= dt.timedelta(minutes=30)


def test_signing_in_starts_a_fresh_session(app, passwords):
    browser = app.test_client()
    with browser.session_transaction() as planted:
        planted["planted"] = "by someone else"
        planted["csrf_token"] = "known to an attacker"
    answer = browser.post("/api/v1/session", json={"username": EC, "password": PASSWORD})
    with browser.session_transaction() as current:
        assert "planted" not in current
        assert current["csrf_token"] != "known to an attacker"
        assert current["user_id"]
    assert answer.status_code == 200


def test_a_wrong_password_or_unknown_account_answers_401_alike(app, passwords):
    browser = app.test_client()
    wrong = browser.post("/api/v1/session", json={"username": EC, "password": "not it at all"})
    nobody = browser.post("/api/v1/session", json={"username": "no.one", "password": PASSWORD})
    assert wrong.status_code == nobody.status_code == 401
    assert wrong.json["message"] == nobody.json["message"]
    assert browser.get("/api/v1/forms").status_code == 401


def test_an_account_without_a_password_cannot_sign_in(app, tokens):
    answer = app.test_client().post("/api/v1/session", json={"username": EC, "password": "x" * 12})
    assert answer.status_code == 401


def test_five_wrong_passwords_lock_the_account_even_against_the_right_one(app, passwords):
    browser = app.test_client()
    for _ in range(accounts.MAX_FAILED_LOGINS):
        wrong = browser.post("/api/v1/session", json={"username": EC, "password": "guess again!"})
        assert wrong.status_code == 401
    right = browser.post("/api/v1/session", json={"username": EC, "password": PASSWORD})
    assert right.status_code == 401
    with app.app_context():
        assert accounts.get_user(db.session, EC).locked_until is not None


def test_too_many_sign_in_attempts_from_one_address_answer_429(app, passwords):
    browser = app.test_client()
    attempt = {"username": "no.one", "password": "guess again!"}
    for _ in range(10):
        assert browser.post("/api/v1/session", json=attempt).status_code == 401
    refused = browser.post("/api/v1/session", json=attempt)
    assert refused.status_code == 429
    assert refused.json["message"].startswith("Too many sign-in attempts")
    assert 0 < int(refused.headers["Retry-After"]) <= 60
    # The limit is per address: another office's browser may still sign in.
    elsewhere = app.test_client()
    elsewhere.environ_base["REMOTE_ADDR"] = "10.0.0.2"
    assert elsewhere.post("/api/v1/session", json=attempt).status_code == 401


def test_a_malformed_sign_in_answers_422(app, passwords):
    answer = app.test_client().post("/api/v1/session", json={"username": EC})
    assert answer.status_code == 422
    assert "password" in answer.json["errors"]


def test_signing_out_ends_the_session(app, passwords):
    browser = sign_in(app, EC)
    answer = browser.delete("/api/v1/session", headers={"X-CSRF-Token": browser.csrf})
    assert answer.status_code == 204
    assert browser.get_cookie("session") is None
    assert browser.get("/api/v1/session").status_code == 401


def test_who_is_signed_in_answers_401_without_a_session(anonymous):
    answer = anonymous.get("/api/v1/session")
    assert answer.status_code == 401
    assert answer.headers["WWW-Authenticate"].startswith("Bearer")


def test_a_bearer_caller_is_named_but_gets_no_csrf_token(client):
    me = client.get("/api/v1/session")
    assert me.status_code == 200
    assert me.json["user"]["username"] == EC
    assert me.json["csrf_token"] is None
    assert "Set-Cookie" not in me.headers


def test_a_cookie_authenticated_change_without_the_csrf_token_is_refused(app, passwords, example):
    browser = sign_in(app, EC)
    answer = browser.post("/api/v1/forms/42-6/check", json=example("42-6"))
    assert answer.status_code == 400
    assert "CSRF" in answer.json["message"]
    assert "X-CSRF-Token" in answer.json["message"]


def test_a_wrong_csrf_token_is_refused(app, passwords, example):
    browser = sign_in(app, EC)
    other = sign_in(app, ACCOUNTS["supervisor"]["username"])
    answer = browser.post(
        "/api/v1/forms/42-6/check", json=example("42-6"), headers={"X-CSRF-Token": other.csrf}
    )
    assert answer.status_code == 400
    assert "CSRF" in answer.json["message"]


def test_a_change_with_the_csrf_header_goes_through(app, passwords, example):
    browser = sign_in(app, EC)
    answer = browser.post(
        "/api/v1/forms/42-6/check", json=example("42-6"), headers={"X-CSRF-Token": browser.csrf}
    )
    assert answer.status_code == 200, answer.json


def test_an_html_form_may_send_the_csrf_token_as_a_field(app, passwords):
    browser = sign_in(app, EC)
    assert browser.delete("/api/v1/session", data={"csrf_token": browser.csrf}).status_code == 204


def test_bearer_calls_need_no_csrf_token(client, example):
    assert client.post("/api/v1/forms/42-6/check", json=example("42-6")).status_code == 200


def test_reads_need_no_csrf_token(app, passwords):
    assert sign_in(app, EC).get("/api/v1/forms/42-6/example").status_code == 200


def test_an_idle_session_ends_after_30_minutes(app, passwords):
    browser = sign_in(app, EC)
    with browser.session_transaction() as state:
        state["seen_at"] -= 29 * 60
    assert browser.get("/api/v1/session").status_code == 200  # and it counts as activity
    with browser.session_transaction() as state:
        state["seen_at"] -= 31 * 60
    answer = browser.get("/api/v1/session")
    assert answer.status_code == 401
    assert "inactivity" in answer.json["message"]
    assert browser.get("/api/v1/session").status_code == 401  # the session is gone


def test_a_busy_session_still_ends_8_hours_after_sign_in(app, passwords):
    browser = sign_in(app, EC)
    with browser.session_transaction() as state:
        state["signed_in_at"] -= 8 * 3600 + 1
    answer = browser.get("/api/v1/forms")
    assert answer.status_code == 401
    assert "time limit" in answer.json["message"]


def test_the_session_limits_are_simple_arithmetic():
    idle, limit = 1800.0, 8 * 3600.0
    assert session_ended(0, 0, 1800, idle, limit) == ""
    assert "inactivity" in session_ended(0, 0, 1801, idle, limit)
    assert "time limit" in session_ended(0, limit, limit + 1, idle, limit)


def test_disabling_an_account_ends_its_sessions(app, passwords):
    browser = sign_in(app, EC)
    with app.app_context():
        accounts.disable_user(db.session, EC)
        db.session.commit()
    assert browser.get("/api/v1/forms").status_code == 401


def test_a_new_password_ends_the_accounts_other_sessions(app, passwords):
    browser = sign_in(app, EC)
    with app.app_context():
        accounts.set_password(db.session, EC, "another long passphrase")
        db.session.commit()
    assert browser.get("/api/v1/forms").status_code == 401
    assert sign_in(app, EC, "another long passphrase").get("/api/v1/forms").status_code == 200


def test_the_audit_trail_names_who_signed_in(app, passwords):
    sign_in(app, ADMIN)
    with app.app_context():
        admin_id = accounts.get_user(db.session, ADMIN).id
        rows = db.session.query(AuditEvent).filter_by(action="session.sign_in").all()
    assert [(r.user_id, r.status) for r in rows] == [(admin_id, 200)]
