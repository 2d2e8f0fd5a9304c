"""Drafts on the pages: where a fill page starts from (a draft, a past document, the example),
saving a draft without scripts, and deleting one from the forms page."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from flask import flash, redirect, request, url_for
from flask.typing import ResponseReturnValue

from service import account_facts, case_county, documents, drafts, history, prefill
from service.api.audit import note_record
from service.api.auth import current_user, requires
from service.auth.accounts import now
from service.auth.permissions import Action
from service.extensions import db
from service.forms import all_forms
from service.forms.base import FormSpec
from service.web.base import page_blueprint

bp = page_blueprint("drafts_page", __name__)


@dataclass
class Start:
    """What a fill page shows first: its payload, the draft it saves to, and a note saying so."""

    payload: dict[str, Any] | None = None
    draft_id: int | None = None
    notes: list[str] = field(default_factory=list)
    # Only the account's own details: nothing typed that "Load example" would discard.
    from_account: bool = False


def starting_point(spec: FormSpec) -> Start:
    """From ``?draft=N`` (the caller's own), ``?from_document=N`` (one they may read),
    ``?example=1``, or empty but for the account's own details."""
    draft_id, document_id = _number("draft"), _number("from_document")
    if draft_id is not None:
        draft = drafts.get(db.session, current_user(), draft_id)
        note_record("draft", draft.id)
        if draft.form_id != spec.id:
            raise drafts.DraftNotFound(draft_id)
        return Start(draft.payload, draft.id, [f"Draft “{draft.title}”, saved as you typed."])
    if document_id is not None:
        record = history.get_document(db.session, document_id, current_user())
        note_record("document", record.id)
        if record.form_id != spec.id:
            raise history.DocumentNotFound(document_id)
        case_county.require_offered(db.session, spec.id, record.case_number)
        start = prefill.from_document(spec.id, record.input)
        notes = [f"Started from document {record.id} ({record.filename}).", *start.changes]
        return Start(start.payload, None, notes)
    if request.args.get("example"):
        return Start(documents.example(spec.id))
    facts = account_facts.of(db.session, current_user())
    own = prefill.from_account(spec.id, spec.county, facts).payload
    if not own:
        return Start()
    return Start(own, None, ["Your own details are filled in from your account."], True)


def save_from_page(spec: FormSpec, payload: dict[str, Any], draft_id: str) -> Start:
    """The "Save draft" button without scripts: the posted form kept as a draft."""
    kept = drafts.normalised(spec.id, payload)
    owner, at = current_user(), now()
    if draft_id.isdigit():
        draft = drafts.update(db.session, owner, int(draft_id), kept, None, at)
    else:
        draft = drafts.create(db.session, owner, spec.id, kept, None, at)
    db.session.commit()
    note_record("draft", draft.id)
    return Start(payload, draft.id, ["Draft saved. It is listed on the Forms page."])


@bp.post("/forms/drafts/<int:draft_id>/delete")
@requires(Action.FILL_FORMS)
def delete_draft(draft_id: int) -> ResponseReturnValue:
    drafts.delete(db.session, current_user(), draft_id)
    db.session.commit()
    flash("The draft was deleted.", "status")
    return redirect(url_for("form_pages.forms"), 303)


def _number(name: str) -> int | None:
    text = request.args.get(name, "")
    return int(text) if text.isdigit() and len(text) <= 9 else None


def posted() -> Start:
    """The draft a posted fill page saves to (its ``_draft`` field), so it stays with it."""
    text = request.form.get("_draft", "")
    return Start(draft_id=int(text) if text.isdigit() and len(text) <= 9 else None)


def listing() -> list[dict[str, Any]]:
    """The caller's drafts for the forms page, with the form's number."""
    numbers = {spec.id: spec.number for spec in all_forms()}
    return [
        drafts.describe(d) | {"form": numbers.get(d.form_id, d.form_id)}
        for d in drafts.find(db.session, current_user())
    ]
