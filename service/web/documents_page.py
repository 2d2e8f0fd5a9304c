"""The documents page: the forms an EC (a supervisor: their unit) generated, to download again."""

from __future__ import annotations

from typing import Any

from flask import render_template, request
from flask.typing import ResponseReturnValue
from marshmallow import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from schemas.history import DocumentQuerySchema
from service import case_county, history
from service.api.auth import current_user, requires
from service.auth.permissions import Action
from service.documents import flatten_errors
from service.extensions import db
from service.forms import all_forms
from service.models.document import GeneratedDocument
from service.models.user import User
from service.web.base import page_blueprint

bp = page_blueprint("documents_page", __name__)
FILTERS = ("form_id", "case_number")
FORMATS = {
    "application/pdf": "PDF",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
}


@bp.get("/documents")
@requires(Action.READ_DOCUMENTS)
def documents() -> ResponseReturnValue:
    shown = {name: request.args.get(name, "").strip() for name in FILTERS}
    errors = filter_errors(shown)
    found = [] if errors else listing(db.session, current_user(), **shown)
    choices = [("", "All forms")] + [(f.id, f"{f.number}: {f.title}") for f in all_forms()]
    page = render_template(
        "documents_list.html", documents=found, values=shown, errors=errors, choices=choices
    )
    return page, 422 if errors else 200


def filter_errors(values: dict[str, str]) -> dict[str, list[str]]:
    """What is wrong with the filters, by field: an unknown form, a malformed case number."""
    try:
        DocumentQuerySchema().load({k: v for k, v in values.items() if v})
    except ValidationError as exc:
        return flatten_errors(exc.messages)
    if values["form_id"] and values["form_id"] not in {f.id for f in all_forms()}:
        return {"form_id": ["Choose a form from the list."]}
    return {}


def listing(session: Session, viewer: User, form_id: str, case_number: str) -> list[dict[str, Any]]:
    """The documents ``viewer`` may see, newest first, with participant, format and maker."""
    found = history.find_documents(session, viewer, form_id or None, case_number or None)
    titles = {f.id: f"{f.number}: {f.title}" for f in all_forms()}
    makers = _names(session, {record.user_id for record in found})
    return [
        history.describe(record)
        | {
            "form": titles.get(record.form_id, record.form_id),
            "participant": participant_of(record),
            "format": FORMATS.get(record.mimetype, record.mimetype),
            "made_by": makers.get(record.user_id, "unknown"),
            # A county's form is not started again for a case another county serves.
            "offered": case_county.offered(session, record.form_id, record.case_number),
        }
        for record in found
    ]


def participant_of(record: GeneratedDocument) -> str | None:
    """The participant the form is about, where its input names one."""
    given = record.input or {}
    person = given.get("participant")
    if isinstance(person, dict) and person.get("name"):
        return str(person["name"])
    # The 50-20e names the case (its head of household) rather than one participant.
    return str(given["case_name"]) if given.get("case_name") else None


def _names(session: Session, user_ids: set[int]) -> dict[int, str]:
    if not user_ids:
        return {}
    rows = session.execute(select(User.id, User.display_name).where(User.id.in_(user_ids)))
    return {row[0]: row[1] for row in rows}
