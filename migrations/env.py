"""Alembic environment: migrations run against the URL set by service.db.alembic_config."""

from __future__ import annotations

from alembic import context

from service.db import Base, make_engine
from service.models import (  # noqa: F401  (registers tables)
    aor,
    aor_correction,
    audit,
    document,
    session,
    slip,
    user,
)

config = context.config


def run_migrations_online() -> None:
    engine = make_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run_migrations_online()
