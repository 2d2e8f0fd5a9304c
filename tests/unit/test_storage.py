"""Every file store keeps each file once, whole, under its SHA-256: a folder or the database."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from service.aor.history import preceding_months
from service.db import make_engine, upgrade
from service.errors import StorageFull
from service.models.blob import StoredBlob
from service.storage import BlobStore, DatabaseStore, FileStore, MissingFile, store_for
from tests.conftest import BACKENDS, reset_database

# "local" keeps files in a folder; the database backend runs on every database of the suite.
STORE_BACKENDS = ["local", *BACKENDS]
MakeStore = Callable[..., BlobStore]


def database_url(backend: str, tmp_path: Path) -> str:
    if backend == "postgresql":
        url = os.environ["TEST_DATABASE_URL"]
        reset_database(url)
    else:
        url = f"sqlite:///{tmp_path / 'blobs.db'}"
    upgrade(url)
    return url


@pytest.fixture
def engine(request, tmp_path) -> Iterator[Engine]:
    """A migrated database of the suite (``request.param``: "sqlite" or "postgresql")."""
    made = make_engine(database_url(getattr(request, "param", "sqlite"), tmp_path))
    yield made
    made.dispose()


@pytest.fixture(params=STORE_BACKENDS)
def make_store(request, tmp_path) -> Iterator[MakeStore]:
    """``make_store(name="aor")``: a store on the backend under test; each call its own
    session (as two server processes have), committed by ``commit(store)``."""
    if request.param == "local":
        yield lambda name="aor": FileStore(tmp_path / "files" / name)
        return
    made = make_engine(database_url(request.param, tmp_path))
    sessions: list[Session] = []

    def make(name: str = "aor") -> BlobStore:
        sessions.append(Session(made))
        return DatabaseStore(sessions[-1], name)

    yield make
    for session in sessions:
        session.close()
    made.dispose()


def commit(store: BlobStore) -> None:
    if isinstance(store, DatabaseStore):
        store.session.commit()


def rows(engine: Engine) -> int:
    with Session(engine) as session:
        return int(session.scalar(select(func.count()).select_from(StoredBlob)) or 0)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=4096))
def test_any_bytes_stored_come_back_byte_for_byte_under_their_sha256(make_store, data):
    store = make_store()
    digest = store.put(data)
    commit(store)
    assert digest == hashlib.sha256(data).hexdigest()
    again = make_store()
    assert again.get(digest) == data
    assert again.exists(digest)
    assert again.size(digest) == len(data)
    commit(again)  # its connection goes back to the pool for the next example


def test_the_same_content_stored_twice_is_kept_once(make_store):
    store = make_store()
    first = store.put(b"same")
    assert store.put(b"same") == first
    commit(store)
    store.delete(first)
    commit(store)
    assert not make_store().exists(first)


def test_two_processes_storing_the_same_content_at_once_both_succeed(make_store):
    stores = [make_store(), make_store()]
    start = threading.Barrier(2)
    digests: list[str] = []
    failures: list[BaseException] = []

    def put(store: BlobStore) -> None:
        try:
            start.wait()
            digests.append(store.put(b"%PDF-1.7 sent twice at once"))
            commit(store)
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=put, args=(store,)) for store in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert failures == []
    assert len(set(digests)) == 1 and len(digests) == 2
    assert make_store().get(digests[0]) == b"%PDF-1.7 sent twice at once"


def test_a_file_never_stored_is_missing(make_store):
    store = make_store()
    digest = hashlib.sha256(b"never stored").hexdigest()
    assert not store.exists(digest)
    assert store.size(digest) is None
    store.delete(digest)  # nothing to delete is no error
    with pytest.raises(MissingFile):
        store.get(digest)


def test_stores_of_different_names_keep_their_files_apart(make_store):
    aor = make_store("aor")
    digest = aor.put(b"an original")
    commit(aor)
    assert not make_store("documents").exists(digest)


@pytest.mark.parametrize("name", ["../../etc/passwd", "ABC", "a" * 63, "é" * 64])
def test_a_name_that_is_not_a_digest_is_refused_by_every_method(make_store, name):
    store = make_store()
    for method in (store.get, store.exists, store.size, store.delete):
        with pytest.raises(ValueError):
            method(name)


@pytest.mark.parametrize("engine", BACKENDS, indirect=True)
def test_a_put_waiting_on_another_sessions_uncommitted_copy_then_succeeds(engine):
    first, second = DatabaseStore(Session(engine), "aor"), DatabaseStore(Session(engine), "aor")
    first.put(b"held by the first session")
    waiting = threading.Thread(
        target=lambda: (second.put(b"held by the first session"), commit(second))
    )
    waiting.start()
    waiting.join(timeout=0.5)
    assert waiting.is_alive()  # the database makes it wait for the first transaction
    commit(first)
    waiting.join(timeout=30)
    assert not waiting.is_alive()
    assert rows(engine) == 1
    first.session.close()
    second.session.close()


@pytest.mark.parametrize("engine", BACKENDS, indirect=True)
def test_a_file_stored_by_a_transaction_rolled_back_is_not_kept(engine):
    with Session(engine) as session:
        digest = DatabaseStore(session, "documents").put(b"a request that failed")
        session.rollback()
        assert not DatabaseStore(session, "documents").exists(digest)
    assert rows(engine) == 0


def test_a_full_sqlite_database_answers_storage_full_and_keeps_nothing(engine):
    with Session(engine) as session:
        pages = session.connection().exec_driver_sql("PRAGMA page_count").scalar()
        session.connection().exec_driver_sql(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(StorageFull):
            DatabaseStore(session, "aor").put(os.urandom(64 * 1024))
        session.rollback()
    assert rows(engine) == 0


def test_postgresqls_disk_full_answers_storage_full(engine, monkeypatch):
    from psycopg.errors import DiskFull

    def full(*_args, **_kwargs):
        raise OperationalError("INSERT INTO stored_blob", {}, DiskFull("could not extend file"))

    with Session(engine) as session:
        monkeypatch.setattr(session, "execute", full)
        store = DatabaseStore(session, "aor")
        monkeypatch.setattr(store, "exists", lambda _digest: False)
        with pytest.raises(StorageFull):
            store.put(b"no room")


def test_store_for_builds_the_configured_backend(tmp_path, engine):
    with Session(engine) as session:
        local = store_for({"DATA_DIR": str(tmp_path)}, "aor", session)
        database = store_for({"STORAGE_BACKEND": "database", "DATA_DIR": "-"}, "aor", session)
    assert isinstance(local, FileStore) and local.root == tmp_path / "aor"
    assert isinstance(database, DatabaseStore) and database.name == "aor"
    with pytest.raises(ValueError):
        store_for({"STORAGE_BACKEND": "s3", "DATA_DIR": "-"}, "aor")
    with pytest.raises(ValueError):
        store_for({"DATA_DIR": str(tmp_path)}, "../elsewhere")


def test_a_local_file_is_written_once_on_disk(tmp_path):
    store = FileStore(tmp_path)
    assert store.put(b"same") == store.put(b"same")
    assert len([p for p in tmp_path.rglob("*") if p.is_file()]) == 1


def test_a_failed_local_write_leaves_no_file_behind(tmp_path, monkeypatch):
    store = FileStore(tmp_path)

    def broken_replace(self, target):
        raise OSError("disk full")

    monkeypatch.setattr(Path, "replace", broken_replace)
    with pytest.raises(OSError):
        store.put(b"half")
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


@pytest.mark.parametrize("engine", BACKENDS, indirect=True)
def test_the_health_probe_writes_and_removes_a_row_and_reports_no_free_space(engine):
    from service.health import stored_rows

    assert stored_rows(engine) == {"backend": "database", "writable": True, "free_bytes": None}
    assert rows(engine) == 0


def test_the_health_probe_reports_a_read_only_database_as_not_writable(engine):
    from service.health import stored_rows

    def read_only(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.execute("PRAGMA query_only = 1")

    event.listen(engine, "connect", read_only)
    engine.dispose()  # connections made from now on are read-only
    report = stored_rows(engine)
    assert report["writable"] is False
    assert report["error"] == "OperationalError"


def test_the_eleven_months_before_a_report_month_cross_the_year():
    # 45 CFR 261.60(b): the 12-month period is the report month and the 11 before it.
    months = preceding_months("2026-03")
    assert months[0] == "2026-02"
    assert months[2] == "2025-12"
    assert months[-1] == "2025-04"
    assert len(months) == 11
