"""A case's WTW 2 plans: each parent's latest, and the other parent's hours taken from theirs."""

from __future__ import annotations

import copy
from typing import Any

from sqlalchemy.orm import Session

from service import documents, history
from service.models.document import GeneratedDocument
from service.models.user import User

FORM = "wtw2"


def _person(given: dict[str, Any]) -> str:
    """Who a plan is about: the CIN where there is one, else the name as written."""
    person = given.get("participant") or {}
    cin = str(person.get("cin") or "").strip().upper()
    return cin or " ".join(str(person.get("name") or "").split()).casefold()


def _same(one: dict[str, Any], other: dict[str, Any]) -> bool:
    """The same person: by CIN where both have one, else by the name as written."""
    if one.get("cin") and other.get("cin"):
        return _person({"participant": one}) == _person({"participant": other})
    names = [" ".join(str(p.get("name") or "").split()).casefold() for p in (one, other)]
    return bool(names[0]) and names[0] == names[1]


def latest_plans(session: Session, viewer: User, case_number: str) -> list[GeneratedDocument]:
    """Each participant's latest WTW 2 in the case that ``viewer`` may see, newest first."""
    seen: set[str] = set()
    latest = []
    for record in history.find_documents(session, viewer, FORM, case_number):
        who = _person(record.input or {})
        if who and who not in seen:
            seen.add(who)
            latest.append(record)
    return latest


def describe(record: GeneratedDocument) -> dict[str, Any]:
    """A stored plan as the case view shows it: the parent, the plan date and the hours."""
    result = documents.check(FORM, record.input)
    given, computed = result.data or record.input or {}, result.evaluation.computed
    person = given.get("participant") or {}
    return {
        "document_id": record.id,
        "participant": person.get("name"),
        "cin": person.get("cin"),
        "plan_type": given.get("plan_type"),
        "plan_date": given.get("plan_date"),
        "created_at": history.describe(record)["created_at"],
        "hours_per_week": computed.get("total_hours"),
        "other_parent_hours": computed.get("other_parent_hours"),
        "requirement_hours": computed.get("requirement_hours"),
        "requirement_basis": computed.get("requirement_basis"),
    }


def case_plans(session: Session, viewer: User, case_number: str) -> dict[str, Any]:
    """Both parents' latest plans and hours, and the combined hours against the requirement."""
    plans = [describe(r) for r in latest_plans(session, viewer, case_number)]
    hours = [p["hours_per_week"] for p in plans if p["hours_per_week"] is not None]
    required = max((p["requirement_hours"] or 0 for p in plans), default=None)
    combined = sum(hours) if hours else None
    return {
        "case_number": case_number.upper(),
        "plans": plans,
        "combined_hours": combined,
        "requirement_hours": required,
        "meets_requirement": None if combined is None or not required else combined >= required,
    }


def with_other_parent_hours(session: Session, viewer: User, form_id: str, payload: Any) -> Any:
    """The payload with the other parent's hours filled in from their latest stored plan.

    Only where a WTW 2 asks for them (``hours_from: plan``); the plan is the latest the viewer
    may see for the same case, about the other parent (by CIN, else by name). Where there is
    none the hours are left empty and the form's rules say so.
    """
    other = _other_parent(form_id, payload)
    if other is None:
        return payload
    filled = copy.deepcopy(payload)
    target = filled["household"]["other_parent"]
    target["hours_per_week"] = target["plan_date"] = None
    for record in latest_plans(session, viewer, str(payload.get("case_number") or "")):
        if _same(other, (record.input or {}).get("participant") or {}):
            theirs = describe(record)
            target["hours_per_week"] = _number(theirs["hours_per_week"])
            target["plan_date"] = _iso(theirs["plan_date"])
            break
    return filled


def _other_parent(form_id: str, payload: Any) -> dict[str, Any] | None:
    if form_id.lower() != FORM or not isinstance(payload, dict) or not payload.get("case_number"):
        return None
    household = payload.get("household")
    other = household.get("other_parent") if isinstance(household, dict) else None
    if not isinstance(other, dict) or other.get("hours_from") != "plan":
        return None
    return other


def _number(value: Any) -> float | None:
    return None if value is None else float(value)


def _iso(value: Any) -> str | None:
    return value.isoformat() if hasattr(value, "isoformat") else value
