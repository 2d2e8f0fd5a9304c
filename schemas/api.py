"""Schemas of the API's own requests and answers (the forms' inputs have their own modules)."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from schemas.messages import PlainSchema

FORMATS = ("docx", "pdf")


class FormSummarySchema(Schema):
    id = fields.String(metadata={"example": "wtw2"})
    title = fields.String()
    number = fields.String()
    revision = fields.String()
    county = fields.String(allow_none=True, metadata={"description": "null for a state form"})
    description = fields.String()


class FormDetailSchema(FormSummarySchema):
    json_schema = fields.Dict(metadata={"description": "JSON Schema of the form's input"})


class WarningSchema(Schema):
    field = fields.String()
    message = fields.String()


class CheckResultSchema(Schema):
    form = fields.String()
    valid = fields.Boolean()
    message = fields.String(metadata={"description": "present when the input is invalid"})
    errors = fields.Dict(
        keys=fields.String(),
        values=fields.List(fields.String()),
        metadata={"description": "failing field path → messages"},
    )
    warnings = fields.List(fields.Nested(WarningSchema))
    computed = fields.Dict(metadata={"description": "values the rules computed"})


class RenderQuerySchema(PlainSchema):
    format = fields.String(load_default="docx", validate=validate.OneOf(FORMATS))
