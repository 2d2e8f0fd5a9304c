"""Units and offices, the lists the admin keeps; the one-time first-run link."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.db import Base


class Office(Base):
    """A county's office, first taken from the county settings' [[offices]]."""

    __tablename__ = "office"
    __table_args__ = (UniqueConstraint("county", "code", name="uq_office_county"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    county: Mapped[str] = mapped_column(String(40))
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(100))
    retired_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), default=None)


class Unit(Base):
    """A unit of ECs under a supervisor; accounts and assignments name it by ``code``."""

    __tablename__ = "unit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    office_id: Mapped[int | None] = mapped_column(ForeignKey("office.id"), default=None)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    retired_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), default=None)

    office: Mapped[Office | None] = relationship()


class SetupToken(Base):
    """The first-run link's token; only its SHA-256 is kept, and it serves once."""

    __tablename__ = "setup_token"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), default=None)
