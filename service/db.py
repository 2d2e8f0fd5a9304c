"""The database: SQLAlchemy 2 engine and sessions, migrated by Alembic."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config as AlembicConfig
from flask import Flask, g, has_app_context
from sqlalchemy import MetaData, create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import DeclarativeBase, Session, SessionTransaction, sessionmaker

from service.private import private_file

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


# A server that does not answer is reported (503) after this long, not after TCP gives up.
CONNECT_TIMEOUT = 5
# Session.info keys of a request's deferred commit (see RequestSession).
DEFERRED, MARK, AFTER_COMMIT = "wtwforms_deferred", "wtwforms_mark", "wtwforms_after_commit"


def make_engine(url: str) -> Engine:
    """An engine; SQLite gets foreign keys and a busy timeout so concurrent writers wait.

    pool_pre_ping tests a pooled connection before use, so the service recovers by itself
    when a database that was stopped or restarted answers again.
    """
    if url.startswith("sqlite"):
        _private_sqlite_files(url)
        engine = create_engine(url, connect_args={"timeout": 30}, pool_pre_ping=True)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    connect_args = {} if "connect_timeout" in url else {"connect_timeout": CONNECT_TIMEOUT}
    return create_engine(url, pool_pre_ping=True, connect_args=connect_args)


def _private_sqlite_files(url: str) -> None:
    """Create the database file 0600 before SQLite does (it would use the umask, often
    0644); SQLite gives its -wal and -shm files the database file's mode."""
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    path = Path(database)
    if not path.parent.is_dir():
        return  # SQLite says what is wrong with the path
    private_file(path)
    for extra in ("-wal", "-shm", "-journal"):
        companion = path.with_name(path.name + extra)
        if companion.exists():
            private_file(companion)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def upgrade(url: str, revision: str = "head") -> None:
    """Apply the Alembic migrations to the database at ``url``."""
    command.upgrade(alembic_config(url), revision)


def alembic_config(url: str) -> AlembicConfig:
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


class RequestSession(Session):
    """A session whose commits a request may defer to its end (Database.defer_commits).

    Deferred, ``commit()`` flushes and marks a savepoint: what the view committed so far.
    Database.commit_request then commits it together with the request's audit row, so the
    change and its record happen both or neither; work after the last mark is dropped, as an
    uncommitted change always was.
    """

    def commit(self) -> None:
        if not self.info.get(DEFERRED):
            super().commit()
            return
        self.flush()
        if _writing(self):
            self.info[MARK] = self.begin_nested()


def _writing(session: Session) -> bool:
    """Whether the database holds an open transaction for the session (something was written).

    pysqlite begins one only before a write; a SAVEPOINT outside it would begin its own,
    and releasing that would commit.
    """
    if not session.in_transaction():
        return False
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return True
    return bool(connection.connection.dbapi_connection.in_transaction)  # type: ignore[union-attr]


class Database:
    """Flask extension: one session per request, closed at the end of it."""

    def __init__(self) -> None:
        self._engine: Engine | None = None
        self._factory: sessionmaker[Session] | None = None

    def init_app(self, app: Flask) -> None:
        url = app.config["DATABASE_URL"]
        if app.config.get("AUTO_MIGRATE", True):
            upgrade(url)
        self._engine = make_engine(url)
        self._factory = sessionmaker(self._engine, class_=RequestSession, expire_on_commit=False)
        app.extensions["wtwforms_db"] = self
        app.teardown_appcontext(self._close)

    @property
    def engine(self) -> Engine:
        assert self._engine is not None, "Database.init_app was not called"
        return self._engine

    @property
    def session(self) -> Session:
        if "db_session" not in g:
            assert self._factory is not None, "Database.init_app was not called"
            g.db_session = self._factory()
        session: Session = g.db_session
        return session

    def defer_commits(self) -> None:
        """From now on this request's commits wait for commit_request (or rollback_request)."""
        self.session.info[DEFERRED] = True

    def commit_request(self, *rows: Base) -> None:
        """Commit what the request's view committed, with ``rows``; then run after_commit's."""
        session = self.session
        session.info[DEFERRED] = False
        mark: SessionTransaction | None = session.info.pop(MARK, None)
        if mark is not None and mark.is_active:
            mark.rollback()  # what the view changed after its last commit
        else:
            session.rollback()  # the view committed nothing (or rolled it back itself)
        session.add_all(rows)
        session.commit()
        for callback in session.info.pop(AFTER_COMMIT, []):
            callback()

    def rollback_request(self) -> None:
        """Undo all the request's view did, committed or not; its after_commit's never run."""
        session = self.session
        session.info[DEFERRED] = False
        session.info.pop(MARK, None)
        session.info.pop(AFTER_COMMIT, None)
        session.rollback()

    def after_commit(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` once the request's change is committed (at once when not deferred):
        work handed to another thread must find the rows the request wrote."""
        session = g.get("db_session") if has_app_context() else None
        if session is not None and session.info.get(DEFERRED):
            session.info.setdefault(AFTER_COMMIT, []).append(callback)
        else:
            callback()

    def _close(self, _exc: BaseException | None) -> None:
        session = g.pop("db_session", None)
        if session is not None:
            session.close()
