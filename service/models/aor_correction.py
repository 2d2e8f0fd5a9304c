"""Staff corrections of AOR readings: each change, and the reading as first read."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from service.db import Base


class AorOriginalReading(Base):
    """The reading an AOR had before its first correction, kept as it was read."""

    __tablename__ = "aor_original_reading"

    aor_id: Mapped[int] = mapped_column(ForeignKey("aor_upload.id"), primary_key=True)
    reading: Mapped[dict[str, Any]] = mapped_column(JSON)
    kept_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class AorCorrection(Base):
    """One value a person corrected: ``field`` names it (``cin``, ``rows.2026-03-04.attended``,
    ``rows.#3.date``, ``rows.2026-03-05`` for a whole row added or removed, ``reviewed``)."""

    __tablename__ = "aor_correction"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    aor_id: Mapped[int] = mapped_column(ForeignKey("aor_upload.id"), index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    field: Mapped[str] = mapped_column(String(80))
    old_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    new_value: Mapped[Any] = mapped_column(JSON, nullable=True)
