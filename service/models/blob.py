"""File contents kept in the database, so every machine that reaches it reaches the files."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from service.db import Base


class StoredBlob(Base):
    """One file's bytes, named by its store ("aor", "documents", ...) and SHA-256."""

    __tablename__ = "stored_blob"

    store: Mapped[str] = mapped_column(String(32), primary_key=True)
    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
