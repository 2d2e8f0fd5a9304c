"""`wtwforms demo` fills an empty database so the service is seen working at once."""

from __future__ import annotations

import pytest

from service.cli import main


@pytest.fixture
def data_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("WTWFORMS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    return tmp_path / "data"


def test_the_demo_fills_an_empty_database_and_the_pages_answer_with_its_data(data_dir, capsys):
    from service import create_app
    from service.extensions import db

    main(["demo"])
    out = capsys.readouterr().out
    assert "demo.ec " in out and "password: demo passphrase 2026" in out
    app = create_app({"TESTING": True, "PDF_WARM_START": False, "AOR_READERS_WARM_START": False})
    client = app.test_client()
    signed = client.post(
        "/api/v1/session", json={"username": "demo.ec", "password": "demo passphrase 2026"}
    )
    assert signed.status_code == 200
    client.environ_base["HTTP_X_CSRF_TOKEN"] = signed.json["csrf_token"]
    aors = client.get("/api/v1/aors").json
    assert {a["case_number"] for a in aors} == {"D1A2B34", "D5C6D78"}
    states = {s["status"] for s in client.get("/api/v1/slips").json}
    assert states == {"pending_approval", "sent_back", "queued", "routed"}
    inbox = client.get("/inbox")
    assert inbox.status_code == 200 and "D1A2B34" in inbox.text
    app.extensions["aor_readers"].close()
    db.engine.dispose()


def test_the_demo_refuses_a_database_that_has_accounts(data_dir, capsys):
    main(["users", "create", "admin.real", "--role", "admin"])
    with pytest.raises(SystemExit) as exit_:
        main(["demo"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["wtwforms: the database already has accounts; the demo fills only an empty one"]
