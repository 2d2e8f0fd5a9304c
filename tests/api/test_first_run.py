"""First run: a one-time link on the console opens "Create the first administrator", here only."""

from __future__ import annotations

import re

import pytest

from service.auth import accounts
from service.extensions import db
from service.models.audit import AuditEvent
from tests.conftest import csrf_of

LINK = re.compile(r"http://127\.0\.0\.1:8000/setup/([A-Za-z0-9_-]{40,})")
ADMIN = {"username": "admin.first", "display_name": "Dana First", "password": "a long passphrase"}


@pytest.fixture
def fresh(tmp_path, capsys):
    """A new service on an empty database, and the token its start-up printed."""
    from service import create_app

    settings = {
        "TESTING": True,
        "DATA_DIR": str(tmp_path / "data"),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'first.db'}",
        "PDF_WARM_START": False,
        "AOR_READERS_WARM_START": False,
    }
    app = create_app(settings)
    printed = capsys.readouterr().out
    yield app, LINK.findall(printed), printed, settings
    app.extensions["aor_readers"].close()
    db.engine.dispose()


def submit(client, token, form):
    """Fill the page's form as a browser does: with the page's CSRF token."""
    page = client.get(f"/setup/{token}")
    fields = form | ({"csrf_token": csrf_of(page.text)} if page.status_code == 200 else {})
    return client.post(f"/setup/{token}", data=fields)


def test_start_up_prints_one_link_while_no_account_exists(fresh):
    _app, tokens, printed, _ = fresh
    assert len(tokens) == 1
    assert printed.count("/setup/") == 1
    assert "first administrator" in printed


def test_the_link_opens_the_page_from_this_machine_only(fresh):
    app, [token], _, _ = fresh
    here = app.test_client().get(f"/setup/{token}")
    assert here.status_code == 200
    assert "Create the first administrator" in here.text
    elsewhere = app.test_client().get(f"/setup/{token}", environ_base={"REMOTE_ADDR": "10.1.2.3"})
    assert elsewhere.status_code == 404
    relayed = app.test_client().get(f"/setup/{token}", headers={"X-Forwarded-For": "10.1.2.3"})
    assert relayed.status_code == 404


def test_an_unknown_token_is_not_found(fresh):
    app, _, _, _ = fresh
    assert app.test_client().get("/setup/not-the-token").status_code == 404


def test_the_first_administrator_is_created_audited_and_the_page_is_gone_for_good(fresh):
    app, [token], _, _ = fresh
    client = app.test_client()
    made = submit(client, token, ADMIN)
    assert made.status_code == 303
    assert made.location.endswith("/admin/units")
    with app.app_context():
        user = accounts.get_user(db.session, "admin.first")
        assert (user.role, user.display_name) == ("admin", "Dana First")
        audit = db.session.query(AuditEvent).filter_by(action="first_run.create_admin").one()
        assert (audit.record_type, audit.record_id, audit.status) == ("user", str(user.id), 303)
    assert client.get("/admin/units").status_code == 200  # signed in as the new admin
    again = submit(app.test_client(), token, ADMIN | {"username": "admin.second"})
    assert again.status_code == 404
    assert app.test_client().get(f"/setup/{token}").status_code == 404


def test_no_link_is_printed_once_an_account_exists(fresh, capsys):
    from service import create_app

    app, [token], _, settings = fresh
    submit(app.test_client(), token, ADMIN)
    restarted = create_app(settings)
    assert "/setup/" not in capsys.readouterr().out
    restarted.extensions["aor_readers"].close()


def test_the_password_rules_of_every_account_apply_and_the_token_survives_a_refusal(fresh):
    app, [token], _, _ = fresh
    client = app.test_client()
    short = submit(client, token, ADMIN | {"password": "short"})
    assert short.status_code == 422
    assert "at least 12 characters" in short.text
    assert 'value="Dana First"' in short.text
    empty = submit(client, token, ADMIN | {"password": ""})
    assert empty.status_code == 422
    assert submit(client, token, ADMIN).status_code == 303
