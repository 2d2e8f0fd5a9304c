"""The health check tells the truth about the database, file storage, PDF workers and queue."""

from __future__ import annotations

import errno
import socket

import pytest
from sqlalchemy import event

from service.extensions import db

HEALTH = "/api/v1/health"


def test_a_healthy_service_reports_each_part(anonymous):
    answer = anonymous.get(HEALTH)
    assert answer.status_code == 200
    body = answer.json
    assert body["status"] == "ok"
    assert body["database"] == {"up": True}
    assert body["storage"]["writable"] is True
    assert body["storage"]["free_bytes"] > 0
    assert body["pdf"]["state"] in {"idle", "unavailable"}  # test apps start no LibreOffice
    assert body["pdf"]["target"] >= 1
    assert body["queue"] == {"configured": False, "state": "not configured"}


def test_with_the_database_stopped_health_answers_503_down(anonymous):
    def refuse(*_args, **_kwargs):
        raise db.engine.dialect.loaded_dbapi.OperationalError("connection refused")

    assert anonymous.get(HEALTH).status_code == 200  # the first request resumes stored scans
    event.listen(db.engine, "do_connect", refuse)
    db.engine.dispose()
    try:
        answer = anonymous.get(HEALTH)
    finally:
        event.remove(db.engine, "do_connect", refuse)
    assert answer.status_code == 503
    assert answer.json["status"] == "down"
    assert answer.json["database"]["up"] is False
    assert anonymous.get(HEALTH).json["status"] == "ok"


def test_with_the_disk_full_health_answers_503_storage_not_writable(anonymous, monkeypatch):
    import service.health

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(service.health.tempfile, "NamedTemporaryFile", full)
    answer = anonymous.get(HEALTH)
    assert answer.status_code == 503
    assert answer.json["status"] == "down"
    assert answer.json["storage"]["writable"] is False
    assert answer.json["storage"]["error"] == "No space left on device"


def test_a_pdf_pool_short_of_its_target_is_reported_degraded(app, anonymous, monkeypatch):
    pool = app.extensions["office"]
    monkeypatch.setattr(pool, "missing", lambda: None)
    status = pool.status() | {"ready": 1, "starting": 0, "target": 2, "last_error": "killed"}
    monkeypatch.setattr(pool, "status", lambda: status)
    answer = anonymous.get(HEALTH)
    assert answer.status_code == 200
    assert answer.json["status"] == "degraded"
    assert answer.json["pdf"] == {"state": "short", "workers": 1, "starting": 0, "target": 2}


@pytest.fixture
def listening():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    yield server.getsockname()[1]
    server.close()


def test_a_configured_queue_is_reported_reachable_or_not(app, anonymous, listening):
    app.config["BROKER_URL"] = f"amqp://guest:guest@127.0.0.1:{listening}//"
    assert anonymous.get(HEALTH).json["queue"] == {"configured": True, "state": "reachable"}
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        free = probe.getsockname()[1]
    app.config["BROKER_URL"] = f"redis://127.0.0.1:{free}/0"
    answer = anonymous.get(HEALTH)
    assert answer.status_code == 200
    assert answer.json["status"] == "degraded"
    assert answer.json["queue"] == {"configured": True, "state": "unreachable"}
