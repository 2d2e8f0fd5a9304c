"""Content-addressed file store in the database: every machine that reaches it reaches the files."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import delete, exists, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.sql import Executable

from service import faults  # the module: it imports this package, so it may be half-loaded
from service.errors import StorageFull
from service.models.blob import StoredBlob
from service.storage.base import MissingFile, checked, digest_of


class DatabaseStore:
    """Files kept by their SHA-256 as rows of ``stored_blob``, under the store ``name``.

    Rows are written in the caller's session, not in a transaction of their own: a request's
    file commits with the record that names it and with its audit row (api/transaction.py),
    or not at all, so a failed request leaves no file behind. (A transaction of its own would
    also wait, on SQLite, for the write lock the request's session already holds.) The caller
    commits, as it commits the row naming the digest; a worker outside a request does too.
    Two sessions storing the same bytes at once both succeed: the insert ignores a row already
    there (PostgreSQL waits for the other transaction, then does nothing). A row stored and
    then named nowhere is harmless: addressed by its content, the next put of it finds it.
    """

    def __init__(self, session: Session, name: str) -> None:
        self.session = session
        self.name = name

    def put(self, data: bytes) -> str:
        """Store ``data``; returns its SHA-256. Bytes already stored are not sent again.

        Raises StorageFull (507) when the database's disk is full.
        """
        digest = digest_of(data)
        if self.exists(digest):
            return digest
        row = {
            "store": self.name,
            "digest": digest,
            "size": len(data),
            "content": data,
            "created_at": dt.datetime.now(dt.UTC),
        }
        try:
            self._insert_new(row)
        except DBAPIError as exc:
            if faults.storage_full(exc):
                raise StorageFull() from None
            raise
        return digest

    def _insert_new(self, row: dict[str, Any]) -> None:
        dialect = self.session.get_bind().dialect.name
        statement: Executable
        if dialect == "postgresql":
            statement = postgresql.insert(StoredBlob).values(row).on_conflict_do_nothing()
        elif dialect == "sqlite":
            statement = sqlite.insert(StoredBlob).values(row).on_conflict_do_nothing()
        else:  # no portable "ignore": a savepoint keeps the caller's transaction usable
            try:
                with self.session.begin_nested():
                    self.session.add(StoredBlob(**row))
            except IntegrityError:
                pass  # stored meanwhile by another session: the same bytes
            return
        self.session.execute(statement)

    def get(self, digest: str) -> bytes:
        content = self.session.scalar(select(StoredBlob.content).where(self._is(digest)))
        if content is None:
            raise MissingFile(digest)
        return bytes(content)

    def exists(self, digest: str) -> bool:
        return bool(self.session.scalar(select(exists().where(self._is(digest)))))

    def size(self, digest: str) -> int | None:
        return self.session.scalar(select(StoredBlob.size).where(self._is(digest)))

    def delete(self, digest: str) -> None:
        self.session.execute(delete(StoredBlob).where(self._is(digest)))

    def _is(self, digest: str) -> Any:
        return (StoredBlob.store == self.name) & (StoredBlob.digest == checked(digest))
