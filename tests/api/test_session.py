"""Browser sign-in: the session cookie, its time limits, CSRF and the sign-in rate limit."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from limits import parse_many
from sqlalchemy import func, select

from service.auth import accounts
from service.auth.sessions import Limits, ended_reason
from service.extensions import db
from service.models.audit import AuditEvent
from service.models.session import BrowserSession
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


def sign_in(app, username, password=PASSWORD, address="127.0.0.1"):
    """A test client signed in as ``username``, carrying its CSRF token as ``.csrf``."""
    browser = app.test_client()
    browser.environ_base["REMOTE_ADDR"] = address
    answer = browser.post("/api/v1/session", json={"username": username, "password": password})
    assert answer.status_code == 200, answer.json
    browser.csrf = answer.json["csrf_token"]
    return browser


def from_address(app, address):
    browser = app.test_client()
    browser.environ_base["REMOTE_ADDR"] = address
    return browser


def age_sessions(app, *, idle=dt.timedelta(0), since_sign_in=dt.timedelta(0)):
    """Move every stored session's last use and sign-in back in time."""
    with app.app_context():
        for row in db.session.scalars(select(BrowserSession)):
            row.last_seen_at -= idle
            row.created_at -= since_sign_in
        db.session.commit()


def stored_sessions(app, username=None):
    with app.app_context():
        query = select(func.count()).select_from(BrowserSession)
        if username:
            query = query.where(
                BrowserSession.user_id == accounts.get_user(db.session, username).id
            )
        return db.session.scalar(query)


def failure_limit(app):
    """The first (shortest) of the sign-in rate limits: how many failures it lets through."""
    return parse_many(app.config["SIGN_IN_RATE_LIMIT"])[0].amount


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
        assert current["sid"]
    assert answer.status_code == 200


def test_the_cookie_carries_only_a_session_id_whose_hash_alone_is_stored(app, passwords):
    browser = sign_in(app, EC)
    with browser.session_transaction() as cookie:
        assert set(cookie) <= {"sid", "csrf_token", "_permanent"}
        session_id = cookie["sid"]
    with app.app_context():
        row = db.session.scalars(select(BrowserSession)).one()
        assert row.id_hash == hashlib.sha256(session_id.encode()).hexdigest()
        assert session_id not in {row.id_hash, str(row.id)}


def test_a_copied_cookie_stops_working_once_its_session_signs_out(app, passwords):
    browser = sign_in(app, EC)
    copied = browser.get_cookie("session").value
    thief = app.test_client()
    thief.set_cookie("session", copied)
    assert thief.get("/api/v1/session").status_code == 200
    assert (
        browser.delete("/api/v1/session", headers={"X-CSRF-Token": browser.csrf}).status_code == 204
    )
    replayed = thief.get("/api/v1/session")
    assert replayed.status_code == 401
    assert thief.get("/api/v1/forms").status_code == 401
    assert stored_sessions(app) == 0


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


def test_too_many_sign_in_attempts_from_one_address_answer_429(app, passwords):
    browser = app.test_client()
    attempt = {"username": "no.one", "password": "guess again!"}
    for _ in range(failure_limit(app)):
        assert browser.post("/api/v1/session", json=attempt).status_code == 401
    refused = browser.post("/api/v1/session", json=attempt)
    assert refused.status_code == 429
    assert refused.json["message"].startswith(
        "Too many sign-in attempts from here: wait a few minutes"
    )
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
    age_sessions(app, idle=dt.timedelta(minutes=29))
    assert browser.get("/api/v1/session").status_code == 200  # and it counts as activity
    age_sessions(app, idle=dt.timedelta(minutes=31))
    answer = browser.get("/api/v1/session")
    assert answer.status_code == 401
    assert "inactivity" in answer.json["message"]
    assert browser.get("/api/v1/session").status_code == 401  # the session is gone
    assert stored_sessions(app) == 0


def test_a_busy_session_still_ends_8_hours_after_sign_in(app, passwords):
    browser = sign_in(app, EC)
    age_sessions(app, since_sign_in=dt.timedelta(hours=8, seconds=1))
    answer = browser.get("/api/v1/forms")
    assert answer.status_code == 401
    assert "time limit" in answer.json["message"]


def test_the_session_limits_are_simple_arithmetic():
    limits = Limits(idle=dt.timedelta(minutes=30), absolute=dt.timedelta(hours=8))
    start = dt.datetime(2026, 11, 23, 8, tzinfo=dt.UTC)
    assert ended_reason(start, start, start + limits.idle, limits) == ""
    later = start + limits.idle + dt.timedelta(seconds=1)
    assert "inactivity" in ended_reason(start, start, later, limits)
    end = start + limits.absolute
    assert "time limit" in ended_reason(start, end, end + dt.timedelta(seconds=1), limits)


def test_expired_sessions_are_purged_when_someone_signs_in(app, passwords):
    sign_in(app, EC)
    sign_in(app, ADMIN)
    age_sessions(app, idle=dt.timedelta(minutes=31))
    sign_in(app, ACCOUNTS["supervisor"]["username"])
    assert stored_sessions(app) == 1


def test_disabling_an_account_ends_its_sessions(app, passwords):
    browser = sign_in(app, EC)
    with app.app_context():
        accounts.disable_user(db.session, EC)
        db.session.commit()
    assert stored_sessions(app, EC) == 0
    assert browser.get("/api/v1/forms").status_code == 401


def test_the_command_line_disable_ends_the_accounts_sessions(app, passwords, monkeypatch, capsys):
    from service.cli import main

    browser = sign_in(app, EC)
    monkeypatch.setenv("WTWFORMS_DATA_DIR", app.config["DATA_DIR"])
    monkeypatch.setenv("WTWFORMS_PDF_WARM_START", "false")
    monkeypatch.setenv("DATABASE_URL", app.config["DATABASE_URL"])
    main(["users", "disable", EC])
    assert capsys.readouterr().out.strip() == f"disabled {EC}"
    assert stored_sessions(app, EC) == 0
    assert browser.get("/api/v1/forms").status_code == 401


def test_a_new_password_ends_the_accounts_other_sessions(app, passwords):
    browser = sign_in(app, EC)
    with app.app_context():
        accounts.set_password(db.session, EC, "another long passphrase")
        db.session.commit()
    assert stored_sessions(app, EC) == 0
    assert browser.get("/api/v1/forms").status_code == 401
    assert sign_in(app, EC, "another long passphrase").get("/api/v1/forms").status_code == 200


def test_the_audit_trail_names_who_signed_in(app, passwords):
    sign_in(app, ADMIN)
    with app.app_context():
        admin_id = accounts.get_user(db.session, ADMIN).id
        rows = db.session.query(AuditEvent).filter_by(action="session.sign_in").all()
    assert [(r.user_id, r.status) for r in rows] == [(admin_id, 200)]
