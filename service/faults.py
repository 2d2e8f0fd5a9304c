"""What failed underneath a request: the database gone, or the disk full (no Flask here)."""

from __future__ import annotations

import sqlite3

from sqlalchemy import exc as sa

from service.errors import DatabaseUnavailable, DomainError, StorageFull
from service.storage.local import FULL_ERRNOS

# PostgreSQL's class 53 "insufficient resources": disk_full.
PG_DISK_FULL = "53100"


def storage_full(exc: BaseException) -> bool:
    """The disk is full: a file write's ENOSPC/EDQUOT, SQLite's SQLITE_FULL, PostgreSQL's 53100."""
    if isinstance(exc, OSError):
        return exc.errno in FULL_ERRNOS
    if isinstance(exc, sa.DBAPIError):
        orig = exc.orig
        if isinstance(orig, sqlite3.Error):
            return getattr(orig, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL
        return getattr(orig, "sqlstate", None) == PG_DISK_FULL
    return False


def database_unavailable(exc: BaseException) -> bool:
    """The database cannot be reached or used right now: a retry later may succeed.

    OperationalError is what DBAPI drivers raise for a refused or dropped connection, a
    file that cannot be opened, a lock held too long, a serialization failure.
    """
    if isinstance(exc, sa.TimeoutError):  # every pooled connection taken for pool_timeout
        return True
    if isinstance(exc, sa.DBAPIError):
        return exc.connection_invalidated or isinstance(
            exc, (sa.OperationalError, sa.InterfaceError)
        )
    return False


def as_domain_error(exc: BaseException) -> DomainError | None:
    """The answer a person gets for a fault underneath (507 before 503: SQLite's "disk is
    full" is an OperationalError too), or None for a plain bug."""
    if storage_full(exc):
        return StorageFull()
    if database_unavailable(exc):
        return DatabaseUnavailable()
    return None
