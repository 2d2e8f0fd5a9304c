"""The accounts API: administrators only, and no password or token hash ever leaves it."""

from __future__ import annotations

import pytest

from service.auth import accounts, lockout
from service.extensions import db
from service.models.audit import AuditEvent
from tests.api.test_session import PASSWORD, set_passwords, sign_in
from tests.conftest import ACCOUNTS

EC = ACCOUNTS["ec"]["username"]
ADMIN = ACCOUNTS["admin"]["username"]
NEW = {"username": "ec.nguyen", "display_name": "Thu Nguyen", "role": "ec", "unit": "U17"}
CALLS = [
    ("GET", "/api/v1/users", None),
    ("POST", "/api/v1/users", NEW),
    ("POST", f"/api/v1/users/{EC}/disable", None),
    ("POST", f"/api/v1/users/{EC}/tokens", {"label": "laptop"}),
    ("PUT", f"/api/v1/users/{EC}/password", {"password": "a brand new passphrase"}),
]


@pytest.fixture(autouse=True)
def listed_unit(app):
    """Accounts pick their unit from the list the admin keeps: NEW's unit is on it."""
    from service import units

    with app.app_context():
        units.add_unit(db.session, units.UnitFacts("U17", "Unit 17"))
        db.session.commit()


@pytest.fixture
def admin(client_as):
    return client_as("admin")


@pytest.fixture
def passwords(app, tokens):
    set_passwords(app)


@pytest.mark.parametrize("role", [r for r in ACCOUNTS if r != "admin"])
@pytest.mark.parametrize(("method", "path", "body"), CALLS)
def test_only_an_administrator_manages_accounts(client_as, role, method, path, body):
    answer = client_as(role).open(path, method=method, json=body)
    assert answer.status_code == 403
    assert "manage users" in answer.json["message"]


@pytest.mark.parametrize(("method", "path", "body"), CALLS)
def test_the_accounts_api_needs_credentials(anonymous, method, path, body):
    assert anonymous.open(path, method=method, json=body).status_code == 401


def test_the_list_shows_every_account_without_hashes(admin, tokens):
    answer = admin.get("/api/v1/users")
    assert answer.status_code == 200
    assert sorted(u["username"] for u in answer.json) == sorted(
        f["username"] for f in ACCOUNTS.values()
    )
    ec = next(u for u in answer.json if u["username"] == EC)
    assert ec["tokens"][0]["label"] == "tests"
    assert "hash" not in answer.text
    assert tokens["ec"] not in answer.text


def test_an_administrator_creates_an_account(admin, app):
    answer = admin.post("/api/v1/users", json=NEW)
    assert answer.status_code == 201
    assert answer.json["username"] == NEW["username"]
    assert answer.json["has_password"] is False
    with app.app_context():
        assert accounts.get_user(db.session, NEW["username"]).unit == "U17"


def test_an_account_may_be_created_with_a_password_that_signs_in(admin, app):
    created = admin.post("/api/v1/users", json={**NEW, "password": PASSWORD})
    assert created.status_code == 201
    assert created.json["has_password"] is True
    assert "password" not in created.json
    assert sign_in(app, NEW["username"]).get("/api/v1/forms").status_code == 200


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"username": "X"}, "username"),
        ({"role": "mayor"}, "role"),
        ({"role": "contractor"}, "provider"),
        ({"password": "short"}, "password"),
        ({"username": EC}, "username"),
    ],
)
def test_an_account_the_rules_refuse_answers_422(admin, tokens, change, field):
    answer = admin.post("/api/v1/users", json={**NEW, **change})
    assert answer.status_code == 422
    assert field in answer.json["message"]


def test_unknown_fields_are_refused(admin):
    answer = admin.post("/api/v1/users", json={**NEW, "password_hash": "scrypt:..."})
    assert answer.status_code == 422


def test_a_token_is_shown_once_and_works(admin, app, anonymous):
    issued = admin.post(f"/api/v1/users/{EC}/tokens", json={"label": "laptop"})
    assert issued.status_code == 201
    token = issued.json["token"]
    assert issued.json["label"] == "laptop"
    me = anonymous.get("/api/v1/session", headers={"Authorization": f"Bearer {token}"})
    assert me.json["user"]["username"] == EC
    listed = admin.get("/api/v1/users")
    assert token not in listed.text
    assert "laptop" in listed.text


def test_disabling_an_account_revokes_its_tokens(admin, tokens, anonymous):
    answer = admin.post(f"/api/v1/users/{EC}/disable")
    assert answer.status_code == 200
    assert answer.json["active"] is False
    assert all(t["revoked_at"] for t in answer.json["tokens"])
    revoked = anonymous.get("/api/v1/forms", headers={"Authorization": f"Bearer {tokens['ec']}"})
    assert revoked.status_code == 401


def test_an_administrator_cannot_disable_their_own_account(admin):
    answer = admin.post(f"/api/v1/users/{ADMIN}/disable")
    assert answer.status_code == 422
    assert admin.get("/api/v1/users").status_code == 200


def test_setting_a_password_unlocks_the_account(admin, app, passwords):
    for _ in range(lockout.FAILURES_BEFORE_WAIT):
        app.test_client().post("/api/v1/session", json={"username": EC, "password": "wrong!"})
    answer = admin.put(f"/api/v1/users/{EC}/password", json={"password": "a brand new one"})
    assert answer.status_code == 204
    assert sign_in(app, EC, "a brand new one").get("/api/v1/forms").status_code == 200


@pytest.mark.parametrize(("method", "path", "body"), CALLS[2:])
def test_an_unknown_account_answers_404(admin, method, path, body):
    answer = admin.open(path.replace(EC, "no.one"), method=method, json=body)
    assert answer.status_code == 404


def test_a_signed_in_administrator_needs_the_csrf_token(app, passwords):
    browser = sign_in(app, ADMIN)
    assert browser.post("/api/v1/users", json=NEW).status_code == 400
    answer = browser.post("/api/v1/users", json=NEW, headers={"X-CSRF-Token": browser.csrf})
    assert answer.status_code == 201


def test_account_changes_are_audited_by_id(admin, app):
    assert admin.post("/api/v1/users", json=NEW).status_code == 201
    with app.app_context():
        user_id = accounts.get_user(db.session, NEW["username"]).id
        row = db.session.query(AuditEvent).filter_by(action="users.create_account").one()
    assert (row.record_type, row.record_id, row.status) == ("user", str(user_id), 201)
