"""Document history API: the forms generated before, their input, and the same file again."""

from __future__ import annotations

from typing import Any

from flask import Response, current_app
from flask_smorest import Blueprint

from schemas.history import DocumentDetailSchema, DocumentQuerySchema, DocumentSchema
from service import history
from service.api.auth import current_user, requires
from service.api.files import attachment
from service.auth.permissions import Action
from service.extensions import db
from service.openapi import DOCX, PDF, file_response
from service.storage import BlobStore, store_for

blp = Blueprint("documents", __name__, url_prefix="/documents", description="Generated documents")
ERRORS = {"404": {"description": "Unknown, or outside the caller's reach"}}


def document_store() -> BlobStore:
    """Where generated documents are kept, by SHA-256."""
    return store_for(current_app, "documents")


@blp.route("")
@requires(Action.READ_DOCUMENTS)
@blp.arguments(DocumentQuerySchema, location="query", as_kwargs=True)
@blp.response(200, DocumentSchema(many=True))
def list_documents(**filters: Any) -> list[dict[str, Any]]:
    """List generated documents, newest first, filtered by form and case number."""
    found = history.find_documents(db.session, current_user(), **filters)
    return [history.describe(record) for record in found]


@blp.route("/<int:document_id>")
@requires(Action.READ_DOCUMENTS)
@blp.response(200, DocumentDetailSchema)
@blp.doc(responses=ERRORS)
def get_document(document_id: int) -> dict[str, Any]:
    """One generated document: who made it, when, and the validated input."""
    record = history.get_document(db.session, document_id, current_user())
    return history.describe(record, with_input=True)


@blp.route("/<int:document_id>/file")
@requires(Action.READ_DOCUMENTS)
@blp.doc(responses=ERRORS | {"200": file_response("The document as first generated", DOCX, PDF)})
def get_document_file(document_id: int) -> Response:
    """The generated document again, byte for byte, under its original filename."""
    record = history.get_document(db.session, document_id, current_user())
    return attachment(document_store().get(record.sha256), record.mimetype, record.filename)
