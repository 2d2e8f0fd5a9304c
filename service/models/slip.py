"""50-20e routing slips as a workflow, with every step recorded on the slip."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.db import Base


class RoutingSlip(Base):
    """A 50-20e: created by an EC, approved by a supervisor when it goes to closed files,
    then routed by clerical staff."""

    __tablename__ = "routing_slip"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_number: Mapped[str] = mapped_column(String(16), index=True)
    action: Mapped[str] = mapped_column(String(24))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(24), index=True)
    unit: Mapped[str | None] = mapped_column(String(32), index=True, default=None)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"), default=None)
    approved_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    sent_back_reason: Mapped[str | None] = mapped_column(Text, default=None)
    routed_to: Mapped[str | None] = mapped_column(String(80), default=None)
    routed_on: Mapped[dt.date | None] = mapped_column(Date, default=None)
    routed_initials: Mapped[str | None] = mapped_column(String(8), default=None)
    routed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"), default=None)

    events: Mapped[list[SlipEvent]] = relationship(
        back_populates="slip", order_by="SlipEvent.id", cascade="all, delete-orphan"
    )


class SlipEvent(Base):
    """One step on a slip: created, submitted, approved, sent back, resubmitted, routed."""

    __tablename__ = "slip_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slip_id: Mapped[int] = mapped_column(ForeignKey("routing_slip.id"), index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    step: Mapped[str] = mapped_column(String(24))
    note: Mapped[str | None] = mapped_column(Text, default=None)

    slip: Mapped[RoutingSlip] = relationship(back_populates="events")
