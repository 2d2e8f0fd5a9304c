"""Forms API: list, describe, example, check and render."""

from __future__ import annotations

from typing import Any

from apispec import APISpec
from flask import Response
from flask_smorest import Blueprint

from schemas.api import CheckResultSchema, FormDetailSchema, FormSummarySchema, RenderQuerySchema
from service import case_plans, documents, history
from service.api.audit import note_record
from service.api.auth import current_user, requires
from service.api.files import attachment
from service.api.history import document_store
from service.api.jsonschema import form_json_schema
from service.api.request import json_body
from service.auth.permissions import Action
from service.extensions import db, office
from service.forms import all_forms, get_form
from service.openapi import DOCX, PDF, file_response, json_response

blp = Blueprint("forms", __name__, url_prefix="/forms", description="Fill the WTW forms")

FORM_BODY = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {"oneOf": [{"$ref": f"#/components/schemas/{s.id}"} for s in all_forms()]}
        }
    },
}
ERRORS = {"404": {"description": "Unknown form"}, "422": {"description": "Invalid input"}}
RENDER_ERRORS = ERRORS | {"503": {"description": "PDF output unavailable or busy (Retry-After)"}}
FILLED_FORM = file_response("The filled form as an attachment", DOCX, PDF)


def document_form_schemas(spec: APISpec) -> None:
    """Put each form's input schema in the OpenAPI components, named by the form id."""
    for form in all_forms():
        if form.id not in spec.components.schemas:
            spec.components.schema(form.id, schema=form.schema)


@blp.route("")
@requires(Action.FILL_FORMS)
@blp.response(200, FormSummarySchema(many=True))
def list_forms() -> list[Any]:
    """List the forms the service fills."""
    return [f.meta() | {"county": f.county, "description": f.description} for f in all_forms()]


@blp.route("/<form_id>")
@requires(Action.FILL_FORMS)
@blp.response(200, FormDetailSchema)
@blp.doc(responses=ERRORS)
def describe_form(form_id: str) -> dict[str, Any]:
    """Describe one form: title, county and the JSON Schema of its input."""
    form = get_form(form_id)
    return form.meta() | {
        "county": form.county,
        "description": form.description,
        "json_schema": form_json_schema(form.schema),
    }


@blp.route("/<form_id>/example")
@requires(Action.FILL_FORMS)
@blp.doc(responses=ERRORS | {"200": json_response("The form's payload", {"type": "object"})})
def form_example(form_id: str) -> dict[str, Any]:
    """A complete, valid, fictional payload for the form."""
    return documents.example(form_id)


@blp.route("/<form_id>/check", methods=["POST"])
@requires(Action.FILL_FORMS)
@blp.doc(requestBody=FORM_BODY, responses=ERRORS)
@blp.response(200, CheckResultSchema)
def check_form(form_id: str) -> tuple[dict[str, Any], int]:
    """Validate a payload: errors, warnings and the computed values."""
    payload = case_plans.with_other_parent_hours(db.session, current_user(), form_id, json_body())
    result = documents.check(form_id, payload)
    return result.as_json(), 200 if result.evaluation.ok else 422


@blp.route("/<form_id>/render", methods=["POST"])
@requires(Action.FILL_FORMS)
@blp.arguments(RenderQuerySchema, location="query", as_kwargs=True)
@blp.doc(requestBody=FORM_BODY, responses=RENDER_ERRORS | {"200": FILLED_FORM})
def render_form(form_id: str, format: str) -> Response:
    """Fill the form and return the document (DOCX or PDF); it is kept in the history."""
    return issue_document(form_id, json_body(), format)


def issue_document(form_id: str, payload: Any, fmt: str) -> Response:
    """Render the form, keep it in the history, send it: the API's and the fill page's download.

    Raises InvalidInput (the checked errors) before anything is kept.
    """
    payload = case_plans.with_other_parent_hours(db.session, current_user(), form_id, payload)
    doc = documents.render(form_id, payload, fmt=fmt, to_pdf=office.convert)
    record = history.record_document(db.session, document_store(), current_user(), doc, payload)
    note_record("document", record.id)
    response = attachment(doc.content, doc.mimetype, doc.filename)
    response.headers["Content-Location"] = f"/api/v1/documents/{record.id}/file"
    return response
