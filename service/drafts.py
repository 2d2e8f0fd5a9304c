"""Drafts: forms kept part-filled, server-side, for their owner alone, until made or deleted."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from service.errors import DomainError, InvalidInput
from service.forms import all_forms
from service.models.draft import FormDraft
from service.models.user import User
from service.web.form_schema import form_tree
from service.web.form_values import flatten, parse

# Far more than any form typed by hand (the full WTW 2 example is about 3,000 characters).
MAX_PAYLOAD_CHARS = 100_000
# Drafts are deleted by their owner; past this many, new ones wait until some are.
MAX_DRAFTS = 100
UNTITLED = "Nothing typed yet"
SEPARATOR = " · "


class DraftNotFound(DomainError):
    """No such draft, or not the caller's: a draft is as private as a document (404 alike)."""

    status = 404

    def __init__(self, draft_id: int) -> None:
        super().__init__(f"no draft with id {draft_id}")


def normalised(form_id: str, payload: Mapping[str, Any] | None, page_fields: Any = None) -> Any:
    """The form's input as a draft keeps it: only the form's own fields, typed as the fill page
    reads them; from ``payload`` (API input) or ``page_fields`` (the page's fields by name)."""
    spec = _spec(form_id)
    nodes = form_tree(spec.schema)
    shown = page_fields if page_fields is not None else flatten(nodes, payload or {})
    kept = parse(nodes, shown)
    if len(json.dumps(kept, default=str)) > MAX_PAYLOAD_CHARS:
        raise InvalidInput({"payload": [f"A draft holds at most {MAX_PAYLOAD_CHARS} characters."]})
    return kept


def title_of(payload: Mapping[str, Any]) -> str:
    """How the drafts list names a draft: participant, case name and case number, as typed."""
    person = payload.get("participant")
    parts = [
        person.get("name") if isinstance(person, Mapping) else None,
        payload.get("case_name"),
        payload.get("case_number"),
    ]
    title = SEPARATOR.join(str(part).strip() for part in parts if part and str(part).strip())
    return title[:120] or UNTITLED


def create(
    session: Session,
    owner: User,
    form_id: str,
    payload: dict[str, Any],
    title: str | None,
    at: dt.datetime,
) -> FormDraft:
    count = session.scalar(select(func.count()).where(FormDraft.user_id == owner.id)) or 0
    if count >= MAX_DRAFTS:
        raise InvalidInput(
            {"": [f"You have {MAX_DRAFTS} drafts; delete the ones you no longer need."]}
        )
    draft = FormDraft(
        user_id=owner.id,
        form_id=_spec(form_id).id,
        title=title or title_of(payload),
        payload=payload,
        created_at=at,
        updated_at=at,
    )
    session.add(draft)
    session.flush()
    return draft


def update(
    session: Session,
    owner: User,
    draft_id: int,
    payload: dict[str, Any],
    title: str | None,
    at: dt.datetime,
) -> FormDraft:
    draft = get(session, owner, draft_id)
    draft.payload, draft.title, draft.updated_at = payload, title or title_of(payload), at
    return draft


def get(session: Session, owner: User, draft_id: int) -> FormDraft:
    """The draft, if ``owner`` made it; anyone else (a supervisor too) is told there is none."""
    draft = session.scalar(
        select(FormDraft).where(FormDraft.id == draft_id, FormDraft.user_id == owner.id)
    )
    if draft is None:
        raise DraftNotFound(draft_id)
    return draft


def find(session: Session, owner: User, form_id: str | None = None) -> Sequence[FormDraft]:
    """The owner's drafts, last saved first."""
    query = select(FormDraft).where(FormDraft.user_id == owner.id)
    if form_id:
        query = query.where(FormDraft.form_id == form_id.lower())
    query = query.order_by(FormDraft.updated_at.desc(), FormDraft.id.desc())
    return session.scalars(query).all()


def delete(session: Session, owner: User, draft_id: int) -> None:
    session.delete(get(session, owner, draft_id))


def describe(draft: FormDraft, with_payload: bool = False) -> dict[str, Any]:
    found: dict[str, Any] = {
        "id": draft.id,
        "form_id": draft.form_id,
        "title": draft.title,
        "created_at": draft.created_at,
        "updated_at": draft.updated_at,
    }
    if with_payload:
        found["payload"] = draft.payload
    return found


def _spec(form_id: str) -> Any:
    for spec in all_forms():
        if spec.id == form_id.lower():
            return spec
    known = ", ".join(spec.id for spec in all_forms())
    raise InvalidInput({"form_id": [f"Choose one of the forms: {known}."]})
