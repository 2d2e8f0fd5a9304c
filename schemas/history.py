"""Schemas of the document history endpoints: list filters and the records they answer."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from schemas.fields import case_number_field
from schemas.messages import PlainSchema


class DocumentQuerySchema(PlainSchema):
    form_id = fields.String(load_default=None, validate=validate.Length(max=16))
    case_number = case_number_field(load_default=None)


class DocumentSchema(Schema):
    """A generated document: who made it, when, for which form and case, and its file."""

    id = fields.Integer()
    form_id = fields.String()
    case_number = fields.String(allow_none=True)
    user_id = fields.Integer()
    created_at = fields.DateTime()
    filename = fields.String()
    mimetype = fields.String()
    size = fields.Integer()
    sha256 = fields.String()


class DocumentDetailSchema(DocumentSchema):
    input = fields.Dict(metadata={"description": "the validated payload, as it was sent"})
