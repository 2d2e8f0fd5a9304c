"""Drafts API: save a form part-filled and come back to it; each draft is its owner's alone."""

from __future__ import annotations

from typing import Any

from flask_smorest import Blueprint

from schemas.drafts import (
    DraftContentSchema,
    DraftDetailSchema,
    DraftQuerySchema,
    DraftSchema,
    NewDraftSchema,
)
from service import drafts
from service.api.audit import note_record
from service.api.auth import current_user, requires
from service.auth.accounts import now
from service.auth.permissions import Action
from service.extensions import db

blp = Blueprint("drafts", __name__, url_prefix="/drafts", description="Forms saved part-filled")
ERRORS = {"404": {"description": "Unknown, or another person's draft"}}


@blp.route("")
@requires(Action.FILL_FORMS)
@blp.arguments(DraftQuerySchema, location="query", as_kwargs=True)
@blp.response(200, DraftSchema(many=True))
def list_drafts(form_id: str | None) -> list[dict[str, Any]]:
    """List the caller's drafts, last saved first (their content: one draft at a time)."""
    return [drafts.describe(d) for d in drafts.find(db.session, current_user(), form_id)]


@blp.route("", methods=["POST"])
@requires(Action.FILL_FORMS)
@blp.arguments(NewDraftSchema)
@blp.response(201, DraftDetailSchema)
def create_draft(body: dict[str, Any]) -> dict[str, Any]:
    """Save a new draft of a form, from its payload or from the fill page's fields."""
    payload = drafts.normalised(body["form_id"], body["payload"], body["page_fields"])
    draft = drafts.create(
        db.session, current_user(), body["form_id"], payload, body["title"], now()
    )
    db.session.commit()
    note_record("draft", draft.id)
    return drafts.describe(draft, with_payload=True)


@blp.route("/<int:draft_id>")
@requires(Action.FILL_FORMS)
@blp.response(200, DraftDetailSchema)
@blp.doc(responses=ERRORS)
def get_draft(draft_id: int) -> dict[str, Any]:
    """One of the caller's drafts, with the form's input as far as it was typed."""
    return drafts.describe(drafts.get(db.session, current_user(), draft_id), with_payload=True)


@blp.route("/<int:draft_id>", methods=["PUT"])
@requires(Action.FILL_FORMS)
@blp.arguments(DraftContentSchema)
@blp.response(200, DraftDetailSchema)
@blp.doc(responses=ERRORS)
def update_draft(body: dict[str, Any], draft_id: int) -> dict[str, Any]:
    """Save a draft again: its content replaced by what is sent."""
    draft = drafts.get(db.session, current_user(), draft_id)
    payload = drafts.normalised(draft.form_id, body["payload"], body["page_fields"])
    draft = drafts.update(db.session, current_user(), draft_id, payload, body["title"], now())
    db.session.commit()
    return drafts.describe(draft, with_payload=True)


@blp.route("/<int:draft_id>", methods=["DELETE"])
@requires(Action.FILL_FORMS)
@blp.response(204)
@blp.doc(responses=ERRORS)
def delete_draft(draft_id: int) -> None:
    """Delete a draft (the form was made, or is no longer wanted)."""
    drafts.delete(db.session, current_user(), draft_id)
    db.session.commit()
