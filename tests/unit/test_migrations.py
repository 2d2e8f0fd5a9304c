"""Migrations apply from an empty database, and back, on SQLite and on PostgreSQL."""

from __future__ import annotations

import os

import pytest
import sqlalchemy
from alembic import command

from service.db import Base, alembic_config, upgrade
from service.models import (  # noqa: F401  (every table)
    aor,
    aor_correction,
    audit,
    document,
    session,
    slip,
    stalled,
    user,
)
from tests.conftest import BACKENDS, reset_database


@pytest.fixture(params=BACKENDS)
def empty_database(request, tmp_path) -> str:
    if request.param == "postgresql":
        url = os.environ["TEST_DATABASE_URL"]
        reset_database(url)
        return url
    return f"sqlite:///{tmp_path / 'empty.db'}"


def tables(url: str) -> set[str]:
    engine = sqlalchemy.create_engine(url)
    try:
        return set(sqlalchemy.inspect(engine).get_table_names()) - {"alembic_version"}
    finally:
        engine.dispose()


def test_migrations_build_every_table_of_the_models_from_empty(empty_database):
    upgrade(empty_database)
    assert tables(empty_database) == set(Base.metadata.tables)


def test_migrations_go_down_to_empty_and_up_again(empty_database):
    upgrade(empty_database)
    command.downgrade(alembic_config(empty_database), "base")
    assert tables(empty_database) == set()
    upgrade(empty_database)
    assert tables(empty_database) == set(Base.metadata.tables)


def test_the_models_and_the_migrations_agree(empty_database):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    upgrade(empty_database)
    engine = sqlalchemy.create_engine(empty_database)
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert differences == []
