"""Stored AOR uploads: the original file's address and its reading."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from service.db import Base


class AorUpload(Base):
    """One AOR file as one organisation sent it; its corrected upload supersedes it."""

    __tablename__ = "aor_upload"
    # The same bytes from another organisation are that organisation's own upload.
    __table_args__ = (
        UniqueConstraint("sha256", "organisation", name="uq_aor_upload_sha256_organisation"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64))
    # The copy staff download: the original without active content or attachments.
    sanitised_sha256: Mapped[str | None] = mapped_column(String(64), default=None)
    filename: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(Integer)
    uploaded_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    case_number: Mapped[str | None] = mapped_column(String(16), index=True)
    cin: Mapped[str | None] = mapped_column(String(16), index=True)
    report_month: Mapped[str | None] = mapped_column(String(7), index=True)
    provider: Mapped[str | None] = mapped_column(String(200))
    reading: Mapped[dict[str, Any]] = mapped_column(JSON)
    uploaded_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id"), index=True, default=None
    )
    # The uploader's provider organisation: contractors see their organisation's uploads.
    organisation: Mapped[str | None] = mapped_column(String(120), index=True, default=None)
    superseded_by_id: Mapped[int | None] = mapped_column(ForeignKey("aor_upload.id"), default=None)
    superseded_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    # "read" or "needs_review" once read; "reading" while a scan waits for OCR in the
    # background (``reading`` is then empty); "failed", saying why, when it could not be.
    status: Mapped[str] = mapped_column(
        String(16), default="read", server_default="read", index=True
    )
    failure: Mapped[str | None] = mapped_column(String(500), default=None)
    # A scan's OCR: each value's confidence, the review threshold, the engine; None for text.
    ocr: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
