"""Schemas of the units list the admin keeps."""

from __future__ import annotations

from marshmallow import fields, validate

from schemas.common import StrictSchema
from schemas.fields import StoredDateTime


class OfficeSchema(StrictSchema):
    id = fields.Integer()
    county = fields.String()
    code = fields.String()
    name = fields.String()


class UnitSchema(StrictSchema):
    """A unit as accounts and case assignments name it (``code``)."""

    code = fields.String()
    name = fields.String()
    office = fields.Nested(OfficeSchema, allow_none=True)
    created_at = StoredDateTime()
    retired_at = StoredDateTime(allow_none=True)


class NewUnitSchema(StrictSchema):
    code = fields.String(
        required=True,
        validate=validate.Length(min=1, max=40),
        metadata={"description": 'typed in any spelling: "Unit 17", "u17" and "U17" are U17'},
    )
    name = fields.String(load_default="", validate=validate.Length(max=100))
    office_id = fields.Integer(load_default=None, allow_none=True)


class UnitQuerySchema(StrictSchema):
    retired = fields.Boolean(load_default=False, metadata={"description": "include retired"})
