"""Migration 0008: free-text units become one listed unit per spelling-insensitive value."""

from __future__ import annotations

import datetime as dt
import os

import pytest
import sqlalchemy

from service.db import upgrade
from tests.conftest import BACKENDS, reset_database

USER = sqlalchemy.text(
    "INSERT INTO user_account (username, display_name, role, unit, active, created_at) "
    "VALUES (:username, :username, :role, :unit, true, :at)"
)


@pytest.fixture(params=BACKENDS)
def at_0007(request, tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    if request.param == "postgresql":
        url = os.environ["TEST_DATABASE_URL"]
        reset_database(url)
    upgrade(url, "0007")
    return url


def run(url: str, sql: sqlalchemy.TextClause, rows: list[dict] | None = None) -> list:
    engine = sqlalchemy.create_engine(url)
    with engine.begin() as connection:
        result = connection.execute(sql, rows) if rows else connection.execute(sql)
        found = result.all() if result.returns_rows else []
    engine.dispose()
    return found


def test_unit_17_and_u17_become_one_unit_and_every_account_names_its_code(at_0007):
    at = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
    people = [("ec.a", "ec", "Unit 17"), ("ec.b", "ec", "U17"), ("sup.c", "supervisor", "u 22")]
    rows = [{"username": u, "role": r, "unit": unit, "at": at} for u, r, unit in people]
    run(at_0007, USER, [*rows, {"username": "clerk.d", "role": "clerical", "unit": None, "at": at}])
    upgrade(at_0007)
    units = run(at_0007, sqlalchemy.text("SELECT code, name FROM unit ORDER BY code"))
    assert [tuple(u) for u in units] == [("U17", "Unit 17"), ("U22", "Unit 22")]
    accounts = run(at_0007, sqlalchemy.text("SELECT username, unit FROM user_account"))
    assert dict(accounts) == {"ec.a": "U17", "ec.b": "U17", "sup.c": "U22", "clerk.d": None}
