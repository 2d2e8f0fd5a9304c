"""Where originals and documents are kept: one interface, a local folder or the database."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from service.storage.base import BlobStore, MissingFile, checked, digest_of
from service.storage.database import DatabaseStore
from service.storage.local import FULL_ERRNOS, FileStore

if TYPE_CHECKING:
    from flask import Flask
    from sqlalchemy.orm import Session

__all__ = [
    "BACKENDS",
    "FULL_ERRNOS",
    "BlobStore",
    "DatabaseStore",
    "FileStore",
    "MissingFile",
    "backend_of",
    "checked",
    "digest_of",
    "store_for",
]

# "local": a folder under DATA_DIR, on this machine only; "database": rows of stored_blob.
BACKENDS = ("local", "database")
# A store's name is a folder under DATA_DIR and a value of stored_blob.store (32 at most).
NAME = re.compile(r"[a-z][a-z0-9_-]{0,31}")


def backend_of(config: Mapping[str, Any]) -> str:
    """The configured STORAGE_BACKEND ("local" when unset); ValueError for any other."""
    backend = str(config.get("STORAGE_BACKEND") or "local").strip().lower()
    if backend not in BACKENDS:
        raise ValueError(f"STORAGE_BACKEND must be one of {', '.join(BACKENDS)}, not {backend!r}")
    return backend


def store_for(
    source: Flask | Mapping[str, Any], name: str, session: Session | None = None
) -> BlobStore:
    """The store ``name`` ("aor", "documents") on the backend ``source``'s config names.

    ``source`` is the app or its config. The database backend writes in ``session``, by
    default the app context's ``db.session``: the caller commits it (see database.py).
    """
    config: Mapping[str, Any] = source if isinstance(source, Mapping) else source.config
    if not NAME.fullmatch(name):
        raise ValueError(f"not a store name: {name!r}")
    if backend_of(config) == "local":
        return FileStore(Path(config["DATA_DIR"]) / name)
    if session is None:
        # Imported here: readers and the command line import this package without Flask.
        from service.extensions import db

        session = db.session
    return DatabaseStore(session, name)
