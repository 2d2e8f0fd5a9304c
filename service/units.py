"""Units and offices as lists the admin keeps: a typed unit resolves to one listed unit."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from service.auth.accounts import AccountError, now
from service.counties import county_ids, get_county
from service.models.unit import Office, Unit
from service.models.user import CaseAssignment, User

_SEPARATORS = re.compile(r"[\s\-_.]+")
_NUMBERED = re.compile(r"^(UNIT|U)(?=\d)")


@dataclass(frozen=True)
class UnitFacts:
    """What the admin types for a unit: its code, its name and the office it sits in."""

    code: str
    name: str
    office_id: int | None = None


def unit_code(text: str) -> str:
    """The one code of a unit however it is typed: "Unit 17", "unit17", "u 17" and "U17" are
    all "U17"; a named unit ("Intake") is its name in capitals.

    Source: issue 13 (county policy: one unit list per office, "Unit 17" and "U17" are one unit).
    """
    key = _NUMBERED.sub("", _SEPARATORS.sub("", text).upper())
    key = key.removeprefix("UNIT") or key
    return f"U{key}" if key.isdigit() else key


def list_units(session: Session, *, with_retired: bool = False) -> Sequence[Unit]:
    query = select(Unit).order_by(Unit.code)
    if not with_retired:
        query = query.where(Unit.retired_at.is_(None))
    return session.scalars(query).all()


def find_unit(session: Session, text: str) -> Unit | None:
    """The unit (retired or not) that ``text`` names, whatever its spelling."""
    code = unit_code(text or "")
    return session.scalar(select(Unit).where(Unit.code == code)) if code else None


def resolve(session: Session, text: str | None) -> str | None:
    """The code of the listed, active unit ``text`` names; None for no unit."""
    if text is None or not text.strip():
        return None
    unit = find_unit(session, text)
    if unit is None or unit.retired_at is not None:
        raise AccountError(
            f"unit: no unit '{text.strip()}' in the list; an administrator adds units "
            "on the Units page"
        )
    return unit.code


def add_unit(session: Session, facts: UnitFacts) -> Unit:
    """A new unit; its code must differ, in any spelling, from every unit kept so far."""
    code, name = unit_code(facts.code), facts.name.strip()
    if not code or len(code) > 32:
        raise AccountError('code: 1 to 32 letters or digits, like "U17" or "Intake"')
    if find_unit(session, code) is not None:
        raise AccountError(f"code: there is already a unit {code}")
    _check_office(session, facts.office_id)
    default_name = f"Unit {code[1:]}" if code[1:].isdigit() else facts.code.strip()
    unit = Unit(code=code, name=name or default_name, office_id=facts.office_id, created_at=now())
    session.add(unit)
    session.flush()
    return unit


def rename_unit(session: Session, code: str, name: str, office_id: int | None) -> Unit:
    """A new name (and office) for a unit; its code, which accounts name, stays."""
    unit = _get(session, code)
    if not name.strip():
        raise AccountError('name: enter the unit\'s name, like "Unit 17 (Hayward)"')
    _check_office(session, office_id)
    unit.name, unit.office_id = name.strip()[:100], office_id
    return unit


def retire_unit(session: Session, code: str) -> Unit:
    """Retire a unit: no new account or case joins it; who is in it stays, as history does.

    A unit with active accounts is not retired, or its supervisor would see an empty unit.
    """
    unit = _get(session, code)
    members = session.scalars(
        select(User.username).where(User.unit == unit.code, User.active.is_(True))
    ).all()
    if members:
        raise AccountError(
            f"{unit.name} still has {len(members)} active account"
            f"{'' if len(members) == 1 else 's'}; move or disable them first"
        )
    unit.retired_at = unit.retired_at or now()
    return unit


def restore_unit(session: Session, code: str) -> Unit:
    unit = _get(session, code)
    unit.retired_at = None
    return unit


def case_counts(session: Session) -> dict[str, int]:
    """How many assigned cases each unit holds."""
    counts: dict[str, int] = {}
    for (unit,) in session.execute(select(CaseAssignment.unit)):
        if unit:
            counts[unit] = counts.get(unit, 0) + 1
    return counts


def list_offices(session: Session) -> Sequence[Office]:
    return session.scalars(
        select(Office).where(Office.retired_at.is_(None)).order_by(Office.county, Office.name)
    ).all()


def sync_offices(session: Session) -> None:
    """Add the offices of the county settings ([[offices]]) not kept yet; kept ones stay.
    Run at start-up (create_app), so the list holds them before any page shows it."""
    kept = {(o.county, o.code) for o in session.scalars(select(Office))}
    for county_id in county_ids():
        for office in get_county(county_id).offices:
            if (county_id, office.id) not in kept:
                session.add(Office(county=county_id, code=office.id, name=office.name))
    session.flush()


def _check_office(session: Session, office_id: int | None) -> None:
    if office_id is not None and session.get(Office, office_id) is None:
        raise AccountError("office: choose an office from the list")


def _get(session: Session, code: str) -> Unit:
    unit = find_unit(session, code)
    if unit is None:
        raise UnknownUnit(code)
    return unit


class UnknownUnit(AccountError):
    status = 404

    def __init__(self, code: str) -> None:
        super().__init__(f"no unit '{code}'")
