"""An account's own facts for prefilling forms: its unit's office and county come from the list."""

from __future__ import annotations

from sqlalchemy.orm import Session

from service import units
from service.models.user import User
from service.prefill import AccountFacts


def of(session: Session, user: User) -> AccountFacts:
    """The facts a form may take from ``user``: accounts keep a unit, and the unit an office."""
    unit = units.find_unit(session, user.unit) if user.unit else None
    office = unit.office if unit is not None else None
    return AccountFacts(
        name=user.display_name,
        worker_number=user.worker_number,
        unit=user.unit,
        phone=user.phone,
        email=user.email,
        office=office.code if office is not None and office.retired_at is None else None,
        county=office.county if office is not None else None,
    )
