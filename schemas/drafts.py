"""Schemas of the drafts API: a part-filled form as sent, and as answered."""

from __future__ import annotations

from typing import Any

from marshmallow import ValidationError, fields, validate, validates_schema

from schemas.common import StrictSchema
from schemas.fields import StoredDateTime, optional_text

# A page field's name is a dotted path (``activities.0.hours_per_week``); its text is what was
# typed, no longer than the longest text field a form takes, with room to spare.
FIELD_NAME = validate.Length(min=1, max=200)
FIELD_TEXT = validate.Length(max=5000)
MAX_FIELDS = 2000


class DraftContentSchema(StrictSchema):
    """What a save sends: the form's input as JSON (``payload``, any part of it), or the fill
    page's fields by name (``fields``), read as the page's own form is read. One, not both."""

    title = optional_text(120, metadata={"description": "left out: made from the payload"})
    payload = fields.Dict(
        keys=fields.String(), load_default=None, metadata={"description": "the form's input"}
    )
    # "fields" is a Schema's own attribute: the name is kept for the JSON key alone.
    page_fields = fields.Dict(
        keys=fields.String(validate=FIELD_NAME),
        values=fields.String(validate=FIELD_TEXT),
        load_default=None,
        data_key="fields",
        metadata={"description": "the fill page's fields: name (dotted path) to text"},
    )

    @validates_schema
    def one_of_payload_or_fields(self, data: dict[str, Any], **_: Any) -> None:
        if (data.get("payload") is None) == (data.get("page_fields") is None):
            raise ValidationError("Send the draft as either payload or fields.", "payload")
        if data.get("page_fields") is not None and len(data["page_fields"]) > MAX_FIELDS:
            raise ValidationError(f"At most {MAX_FIELDS} fields.", "fields")


class NewDraftSchema(DraftContentSchema):
    form_id = fields.String(required=True, validate=validate.Length(min=1, max=16))


class DraftQuerySchema(StrictSchema):
    form_id = fields.String(load_default=None, validate=validate.Length(max=16))


class DraftSchema(StrictSchema):
    """A draft as listed: which form, its title, when it was begun and last saved."""

    id = fields.Integer()
    form_id = fields.String()
    title = fields.String()
    created_at = StoredDateTime()
    updated_at = StoredDateTime()


class DraftDetailSchema(DraftSchema):
    payload = fields.Dict(metadata={"description": "the form's input as far as it was typed"})
