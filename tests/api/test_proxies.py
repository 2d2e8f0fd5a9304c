"""Behind a trusted proxy the client's own address is what the audit trail and limits see."""

from __future__ import annotations

import pytest

from service import create_app
from service.auth import accounts
from service.extensions import db
from service.models.audit import AuditEvent

CLIENT = "203.0.113.9"


def last_address(app) -> str | None:
    with app.app_context():
        row = db.session.query(AuditEvent).order_by(AuditEvent.id.desc()).first()
        return row.remote_addr if row is not None else None


@pytest.fixture
def behind_one_proxy(tmp_path, monkeypatch):
    """An app told, as a deployment is, that one proxy stands in front of it."""
    monkeypatch.setenv("WTWFORMS_TRUSTED_PROXIES", "1")
    settings = {"TESTING": True, "DATA_DIR": str(tmp_path / "data"), "PDF_WARM_START": False}
    app = create_app(settings | {"DATABASE_URL": f"sqlite:///{tmp_path / 'proxied.db'}"})
    with app.app_context():
        accounts.create_user(db.session, "ec.rivera", "Ana Rivera", "ec", unit="U17")
        token = accounts.issue_token(db.session, "ec.rivera", "tests")
        db.session.commit()
    yield app, token
    db.engine.dispose()


def test_behind_one_trusted_proxy_the_audit_row_has_the_forwarded_client_address(
    behind_one_proxy,
):
    app, token = behind_one_proxy
    answer = app.test_client().get(
        "/api/v1/session",
        headers={"Authorization": f"Bearer {token}", "X-Forwarded-For": CLIENT},
    )
    assert answer.status_code == 200
    assert last_address(app) == CLIENT


def test_with_no_trusted_proxy_a_forwarded_address_is_ignored(app, client_as):
    answer = client_as("ec").get("/api/v1/session", headers={"X-Forwarded-For": CLIENT})
    assert answer.status_code == 200
    assert last_address(app) == "127.0.0.1"
