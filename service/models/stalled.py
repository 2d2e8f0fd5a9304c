"""Files refused for stalling the AOR reader, kept by hash so they are refused again on sight."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, String
from sqlalchemy.orm import Mapped, mapped_column

from service.db import Base


class StalledFile(Base):
    """A file whose reading was stopped at the CPU limit; the refusal it got, to give again."""

    __tablename__ = "stalled_file"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    message: Mapped[str] = mapped_column(String(300))
    refused_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
