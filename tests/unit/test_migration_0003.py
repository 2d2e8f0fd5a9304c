"""Migration 0003 on stored AORs: case numbers upper case, one organisation's file per row."""

from __future__ import annotations

import datetime as dt
import json
import os

import pytest
import sqlalchemy
from alembic import command

from service.db import alembic_config, upgrade
from tests.conftest import BACKENDS, reset_database

INSERT = sqlalchemy.text(
    "INSERT INTO aor_upload (id, sha256, filename, size, uploaded_at, case_number, cin, "
    "report_month, reading, organisation, superseded_by_id) VALUES (:id, :sha256, 'a.pdf', 1, "
    ":at, :case_number, :cin, '2026-01', :reading, :organisation, :superseded_by_id)"
)


@pytest.fixture(params=BACKENDS)
def at_0002(request, tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    if request.param == "postgresql":
        url = os.environ["TEST_DATABASE_URL"]
        reset_database(url)
    upgrade(url, "0002")
    return url


def stored(url: str, sql: str) -> list:
    engine = sqlalchemy.create_engine(url)
    with engine.begin() as connection:
        rows = connection.execute(sqlalchemy.text(sql)).all()
    engine.dispose()
    return rows


def put(url: str, *rows: dict) -> None:
    engine = sqlalchemy.create_engine(url)
    with engine.begin() as connection:
        for row in rows:
            reading = {"case_number": row["case_number"], "cin": row["cin"]}
            at = dt.datetime(2026, 2, 1, tzinfo=dt.UTC)
            connection.execute(INSERT, row | {"reading": json.dumps(reading), "at": at})
    engine.dispose()


def row(id: int, organisation: str, superseded_by_id: int | None = None) -> dict:
    return {
        "id": id,
        "sha256": f"{id:064x}",
        "case_number": " b1234567",
        "cin": "91234567a",
        "organisation": organisation,
        "superseded_by_id": superseded_by_id,
    }


def test_stored_case_numbers_and_cins_become_upper_case(at_0002):
    put(at_0002, row(1, "Coastline"))
    upgrade(at_0002)
    (case_number, cin, reading) = stored(
        at_0002, "SELECT case_number, cin, reading FROM aor_upload"
    )[0]
    assert (case_number, cin) == ("B1234567", "91234567A")
    reading = reading if isinstance(reading, dict) else json.loads(reading)
    assert (reading["case_number"], reading["cin"]) == ("B1234567", "91234567A")


def test_an_upload_another_organisation_replaced_is_current_again(at_0002):
    put(at_0002, row(2, "Coastline"), row(1, "Coastline", superseded_by_id=2))
    put(at_0002, row(3, "Equus"))
    engine = sqlalchemy.create_engine(at_0002)
    with engine.begin() as connection:
        connection.execute(
            sqlalchemy.text("UPDATE aor_upload SET superseded_by_id = 3 WHERE id = 2")
        )
    engine.dispose()
    upgrade(at_0002)
    replaced = dict(stored(at_0002, "SELECT id, superseded_by_id FROM aor_upload"))
    assert replaced == {1: 2, 2: None, 3: None}


def test_two_organisations_may_keep_the_same_file_but_one_organisation_once(at_0002):
    same = row(1, "Coastline") | {"sha256": "a" * 64}
    upgrade(at_0002)
    put(at_0002, same, same | {"id": 2, "organisation": "Equus"})
    with pytest.raises(sqlalchemy.exc.IntegrityError):
        put(at_0002, same | {"id": 3})


def test_it_goes_down_again_with_replaced_uploads_stored(at_0002):
    put(at_0002, row(2, "Coastline"), row(1, "Coastline", superseded_by_id=2))
    upgrade(at_0002)
    command.downgrade(alembic_config(at_0002), "0002")
    assert len(stored(at_0002, "SELECT id FROM aor_upload")) == 2


def test_slips_documents_and_assignments_typed_in_lower_case_become_upper_case(at_0002):
    at = dt.datetime(2026, 2, 1, tzinfo=dt.UTC)
    statements = [
        "INSERT INTO user_account (id, username, display_name, role, active, created_at, "
        "failed_logins) VALUES (1, 'ec.one', 'EC One', 'ec', true, :at, 0)",
        "INSERT INTO case_assignment (case_number, ec_id, assigned_at) VALUES "
        "('b1234567', 1, :at), ('c7654321', 1, :at), ('C7654321', 1, :at)",
        "INSERT INTO routing_slip (id, case_number, action, payload, status, created_by_id, "
        "created_at, updated_at) VALUES (1, 'b1234567', 'transfer', '{}', 'queued', 1, :at, :at)",
        "INSERT INTO generated_document (id, user_id, created_at, form_id, case_number, input, "
        "sha256, filename, mimetype, size) VALUES (1, 1, :at, 'wtw2', 'b1234567', '{}', "
        "'" + "a" * 64 + "', 'x.docx', 'application/x', 1)",
    ]
    engine = sqlalchemy.create_engine(at_0002)
    with engine.begin() as connection:
        for statement in statements:
            connection.execute(sqlalchemy.text(statement), {"at": at})
    engine.dispose()
    upgrade(at_0002)
    held = {n for (n,) in stored(at_0002, "SELECT case_number FROM case_assignment")}
    # The lower-case twin of a case already held in upper case keeps its spelling.
    assert held == {"B1234567", "C7654321", "c7654321"}
    assert stored(at_0002, "SELECT case_number FROM routing_slip") == [("B1234567",)]
    assert stored(at_0002, "SELECT case_number FROM generated_document") == [("B1234567",)]
