"""Sign-in lockout per account and address, equal refusals, and the failures-only rate limit."""

from __future__ import annotations

import datetime as dt
import hashlib
import statistics
import time

import pytest
from sqlalchemy import select

from service.auth import accounts, directory, lockout
from service.extensions import db
from service.models.session import SignInFailure
from tests.api.test_session import (
    ADMIN,
    EC,
    PASSWORD,
    failure_limit,
    from_address,
    set_passwords,
    sign_in,
)


@pytest.fixture
def passwords(app, tokens):
    set_passwords(app)


def test_five_wrong_passwords_make_that_address_wait_even_with_the_right_one(app, passwords):
    attacker = from_address(app, "203.0.113.9")
    for _ in range(lockout.FAILURES_BEFORE_WAIT):
        wrong = attacker.post("/api/v1/session", json={"username": EC, "password": "guess again!"})
        assert wrong.status_code == 401
    right = attacker.post("/api/v1/session", json={"username": EC, "password": PASSWORD})
    assert right.status_code == 401
    assert right.json["message"] == wrong.json["message"]


def test_an_outsider_cannot_lock_a_worker_out_at_their_desk(app, passwords):
    attacker = from_address(app, "203.0.113.9")
    for _ in range(3 * lockout.FAILURES_BEFORE_WAIT):
        attacker.post("/api/v1/session", json={"username": EC, "password": "guess again!"})
    attempt = {"username": EC, "password": PASSWORD}
    assert attacker.post("/api/v1/session", json=attempt).status_code == 401
    desk = sign_in(app, EC, address="10.17.4.21")
    assert desk.get("/api/v1/forms").status_code == 200


def test_the_wait_grows_from_one_minute_doubling_to_a_cap():
    waits = [lockout.wait_after(n) for n in range(1, 12)]
    minute = dt.timedelta(minutes=1)
    assert waits[:4] == [None] * 4
    assert waits[4:8] == [minute, 2 * minute, 4 * minute, 8 * minute]
    assert max(w for w in waits if w) == lockout.LONGEST_WAIT
    assert lockout.wait_after(10_000) == lockout.LONGEST_WAIT


def test_a_waiting_pair_may_try_again_once_its_wait_is_over(app, passwords):
    attacker = from_address(app, "203.0.113.9")
    for _ in range(lockout.FAILURES_BEFORE_WAIT):
        attacker.post("/api/v1/session", json={"username": EC, "password": "guess again!"})
    with app.app_context():
        row = db.session.scalars(select(SignInFailure)).one()
        assert row.address == "203.0.113.9"
        row.locked_until -= dt.timedelta(minutes=1)
        db.session.commit()
    answer = attacker.post("/api/v1/session", json={"username": EC, "password": PASSWORD})
    assert answer.status_code == 200
    with app.app_context():
        assert db.session.scalars(select(SignInFailure)).all() == []


def test_an_ipv6_client_is_counted_by_its_slash_64():
    assert lockout.client_key("2001:db8:1:2::a") == lockout.client_key("2001:db8:1:2:ffff::1")
    assert lockout.client_key("2001:db8:1:3::a") != lockout.client_key("2001:db8:1:2::a")
    assert lockout.client_key("::ffff:192.0.2.7") == "192.0.2.7"
    assert lockout.client_key(None) == "unknown"


def test_an_office_behind_one_address_signs_in_at_8_am_without_waiting(app, passwords):
    # Password hashing is slow on purpose; this test is about counting, not hashing.
    with app.app_context():
        user = accounts.get_user(db.session, EC)
        user.password_hash = (
            "pbkdf2:sha256:1$salt$"
            + hashlib.pbkdf2_hmac("sha256", PASSWORD.encode(), b"salt", 1).hex()
        )
        db.session.commit()
    office = app.test_client()
    right = {"username": EC, "password": PASSWORD}
    for _ in range(5 * failure_limit(app)):
        assert office.post("/api/v1/session", json=right).status_code == 200
    wrong = {"username": "no.one", "password": "guess again!"}
    answers = [office.post("/api/v1/session", json=wrong).status_code for _ in range(30)]
    assert answers.count(401) == failure_limit(app)
    assert answers[-1] == 429


def test_every_refusal_checks_exactly_one_password_hash(app, passwords, monkeypatch):
    with app.app_context():
        accounts.create_user(db.session, "ec.gone", "Gone", "ec", password=PASSWORD)
        accounts.disable_user(db.session, "ec.gone")
        accounts.create_user(db.session, "ec.nopass", "No Password", "ec")
        for _ in range(lockout.FAILURES_BEFORE_WAIT):
            lockout.record_failure(db.session, ADMIN, "local", accounts.now())
        db.session.commit()
    checks = []
    real = accounts.check_password_hash
    monkeypatch.setattr(accounts, "check_password_hash", lambda *a: checks.append(1) or real(*a))
    paths = {
        "unknown": ("no.one", PASSWORD),
        "no password": ("ec.nopass", PASSWORD),
        "disabled": ("ec.gone", PASSWORD),
        "waiting": (ADMIN, PASSWORD),
        "wrong": (EC, "not the password"),
    }
    messages = set()
    with app.app_context():
        for path, (username, password) in paths.items():
            checks.clear()
            with pytest.raises(accounts.AuthenticationFailed) as refused:
                accounts.check_password(db.session, username, password, "local")
            assert len(checks) == 1, path
            messages.add(refused.value.message)
        checks.clear()
        assert accounts.check_password(db.session, EC, PASSWORD, "local").username == EC
        assert len(checks) == 1
    assert len(messages) == 1


def test_a_disabled_account_is_refused_as_slowly_as_an_active_one(app, passwords):
    with app.app_context():
        accounts.create_user(db.session, "ec.gone", "Gone", "ec", password=PASSWORD)
        accounts.disable_user(db.session, "ec.gone")
        db.session.commit()

    def median(username):
        times = []
        for n in range(5):
            browser = from_address(app, f"198.51.100.{n}")
            start = time.perf_counter()
            answer = browser.post(
                "/api/v1/session", json={"username": username, "password": "x" * 12}
            )
            times.append(time.perf_counter() - start)
            assert answer.status_code == 401
        return statistics.median(times)

    disabled, active, unknown = median("ec.gone"), median(EC), median("no.one")
    # The hash check takes tens of milliseconds; skipping it would be ten times quicker.
    assert active / 3 < disabled < active * 3
    assert active / 3 < unknown < active * 3


def test_the_accounts_page_says_which_addresses_wait_without_calling_the_account_locked(
    app, passwords
):
    attacker = from_address(app, "203.0.113.9")
    for _ in range(lockout.FAILURES_BEFORE_WAIT):
        attacker.post("/api/v1/session", json={"username": EC, "password": "guess again!"})
    with app.app_context():
        states = {row.user.username: row.state for row in directory.overview(db.session)}
    assert states[EC] == "Active (wrong passwords: sign-in from 1 address waits)"
    assert states[ADMIN] == "Active"
