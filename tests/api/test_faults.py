"""Faults underneath (database stopped, disk full, audit row lost): honest answers, no half work."""

from __future__ import annotations

import errno
import logging
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select

from service.extensions import db
from service.models.audit import AuditEvent
from service.models.document import GeneratedDocument
from service.models.slip import RoutingSlip

RENDER = "/api/v1/forms/42-6/render"
SLIPS = "/api/v1/slips"
# A fictional name that must never reach the log.
NAME = "Zorblat Quimby"


@pytest.fixture
def database_down(app):
    """Stop the database as a server restart would: pooled connections dropped, new ones
    refused. ``database_down.stop()`` then ``database_down.start()``."""
    engine = db.engine
    dbapi = engine.dialect.loaded_dbapi

    def refuse(*_args, **_kwargs):
        raise dbapi.OperationalError("connection refused (the test stopped the database)")

    class Switch:
        def stop(self) -> None:
            event.listen(engine, "do_connect", refuse)
            engine.dispose()

        def start(self) -> None:
            event.remove(engine, "do_connect", refuse)

    switch = Switch()
    yield switch
    if event.contains(engine, "do_connect", refuse):
        switch.start()


@pytest.fixture
def audit_insert_fails(app):
    """The database dies just as the audit row is written: that INSERT raises."""
    dbapi = db.engine.dialect.loaded_dbapi

    def fail(_conn, _cursor, statement, *_args):
        if statement.lstrip().upper().startswith("INSERT INTO AUDIT_EVENT"):
            raise dbapi.OperationalError("server closed the connection unexpectedly")

    event.listen(db.engine, "before_cursor_execute", fail)
    yield
    event.remove(db.engine, "before_cursor_execute", fail)


def count(app: Any, model: Any) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model)) or 0


def payload_with_name(example: Any) -> dict[str, Any]:
    payload = example("42-6")
    payload["participant"]["name"] = NAME
    return payload


def test_with_the_database_stopped_every_call_answers_503_with_retry_after(
    client, example, database_down
):
    database_down.stop()
    for answer in (
        client.get("/api/v1/documents"),
        client.post(RENDER, json=example("42-6")),
        client.get("/api/v1/aors"),
    ):
        assert answer.status_code == 503
        assert answer.headers["Retry-After"] == "5"
        assert "database is unavailable" in answer.json["message"]


def test_an_outage_logs_one_line_per_failed_request_without_traceback_or_participant_data(
    client, example, database_down, caplog
):
    database_down.stop()
    with caplog.at_level(logging.DEBUG):
        for _ in range(5):
            assert client.post(RENDER, json=payload_with_name(example)).status_code == 503
    noted = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(noted) == 5, [r.getMessage() for r in noted]
    assert all(r.exc_info is None for r in noted)
    assert all("database unavailable" in r.getMessage() for r in noted)
    assert NAME not in caplog.text


def test_the_service_recovers_by_itself_when_the_database_returns(app, client, database_down):
    database_down.stop()
    assert client.get("/api/v1/documents").status_code == 503
    database_down.start()
    assert client.get("/api/v1/documents").status_code == 200


def test_pooled_connections_broken_by_a_database_restart_are_replaced_unseen(app, client):
    opened = []
    db.engine.dispose()
    event.listen(db.engine, "connect", lambda dbapi_conn, _rec: opened.append(dbapi_conn))
    assert client.get("/api/v1/documents").status_code == 200
    assert opened
    for connection in opened:  # what a restarted server does to every open connection
        connection.close()
    assert client.get("/api/v1/documents").status_code == 200


def test_a_page_says_the_database_is_unavailable_in_html(page_client, database_down):
    browser = page_client("ec")
    database_down.stop()
    answer = browser.get("/documents")
    assert answer.status_code == 503
    assert answer.mimetype == "text/html"
    assert "database is unavailable" in answer.text


def test_a_document_whose_audit_row_cannot_be_written_is_not_kept(
    app, client, example, audit_insert_fails
):
    answer = client.post(RENDER, json=example("42-6"))
    assert answer.status_code == 503
    assert count(app, GeneratedDocument) == 0


def test_a_slip_whose_audit_row_cannot_be_written_is_not_kept(
    app, client, example, audit_insert_fails
):
    closing = example("50-20e") | {"supervisor": None, "clerical": None}
    assert client.post(SLIPS, json=closing).status_code == 503
    assert count(app, RoutingSlip) == 0


def test_a_kept_document_and_its_audit_row_are_written_together(app, client, example):
    before = count(app, AuditEvent)
    assert client.post(RENDER, json=example("42-6")).status_code == 200
    with app.app_context():
        document = db.session.scalars(select(GeneratedDocument)).one()
        row = db.session.scalars(select(AuditEvent).where(AuditEvent.id > before)).one()
    assert (row.record_type, row.record_id, row.status) == ("document", str(document.id), 200)


def test_a_refusal_stays_a_refusal_when_its_audit_row_cannot_be_written(
    client, example, audit_insert_fails
):
    assert client.get("/api/v1/documents/4242").status_code == 404
    invalid = example("42-6") | {"case_number": ""}
    assert client.post(RENDER, json=invalid).status_code == 422


def test_an_upload_stored_and_then_failing_keeps_nothing_and_answers_503(
    app, upload, sample_pdf, audit_insert_fails
):
    answer = upload(sample_pdf("aor-101-000-grid"))
    assert answer.status_code == 503
    from service.models.aor import AorUpload

    assert count(app, AorUpload) == 0


def fail_writes_with(monkeypatch: pytest.MonkeyPatch, number: int) -> None:
    """Every file write in the store fails as a full disk (or quota) makes it fail."""
    import service.storage.local

    def full(_fd):
        raise OSError(number, "No space left on device")

    monkeypatch.setattr(service.storage.local.os, "fsync", full)


@pytest.mark.parametrize("number", [errno.ENOSPC, errno.EDQUOT])
def test_a_full_disk_answers_507_leaving_no_file_and_no_row(
    app, client, example, monkeypatch, number
):
    fail_writes_with(monkeypatch, number)
    answer = client.post(RENDER, json=example("42-6"))
    assert answer.status_code == 507
    assert "Storage is full" in answer.json["message"]
    assert count(app, GeneratedDocument) == 0
    root = Path(app.config["DATA_DIR"]) / "documents"
    assert not [p for p in root.rglob("*") if p.is_file()]


def test_with_the_disk_full_stored_documents_can_still_be_read(app, client, example, monkeypatch):
    kept = client.post(RENDER, json=example("42-6"))
    fail_writes_with(monkeypatch, errno.ENOSPC)
    assert client.post(RENDER, json=payload_with_name(example)).status_code == 507
    again = client.get(kept.headers["Content-Location"])
    assert again.status_code == 200
    assert again.data == kept.data
    assert client.get("/api/v1/documents").status_code == 200


def test_a_database_out_of_space_answers_507_and_keeps_no_row(app, client, example):
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's page limit stands in for a full disk")
    with db.engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar()

    def cap(dbapi_conn, _rec):
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")

    db.engine.dispose()
    event.listen(db.engine, "connect", cap)
    answers = []
    for number in range(60):  # the free space left in the last pages runs out
        payload = example("42-6")
        payload["participant"]["name"] = f"Test Person {number:03d}"
        answers.append(client.post(RENDER, json=payload).status_code)
        if answers[-1] != 200:
            break
    event.remove(db.engine, "connect", cap)
    db.engine.dispose()
    assert answers[-1] == 507, answers
    assert count(app, GeneratedDocument) == len(answers) - 1
