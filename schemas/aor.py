"""Schemas of the AOR endpoints: upload answers, list filters and the blank's Section A."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from schemas.fields import case_number_field, cin_field, optional_text

MONTH = validate.Regexp(r"^\d{4}-(0[1-9]|1[0-2])$", error="Use YYYY-MM.")
ACTIVITY_CODES = ("EXPRT", "JSR", "VOC", "SUB", "ABE", "CS", "OTH")


class AorUploadSchema(Schema):
    """A stored AOR: its id and file facts, with the reading's keys at the top level."""

    id = fields.Integer()
    filename = fields.String()
    size = fields.Integer()
    sha256 = fields.String()
    uploaded_at = fields.DateTime()
    superseded_by = fields.Integer(allow_none=True)
    current = fields.Boolean()
    reading = fields.Dict(metadata={"description": "the reading: header, rows, totals, findings"})


class AorListQuerySchema(Schema):
    case_number = case_number_field(load_default=None)
    report_month = fields.String(load_default=None, validate=MONTH)
    include_superseded = fields.Boolean(load_default=False)


class BlankAorQuerySchema(Schema):
    """Section A values to pre-fill; all optional."""

    participant_name = optional_text(100)
    case_number = case_number_field(load_default=None)
    cin = cin_field(load_default=None)
    cm_name = optional_text(80)
    cm_email = fields.Email(load_default=None)
    activity = fields.String(load_default=None, validate=validate.OneOf(ACTIVITY_CODES))
    provider = optional_text(120)
    worksite = optional_text(120)
    report_month = fields.String(
        load_default=None,
        validate=validate.Regexp(r"^(0[1-9]|1[0-2])/\d{4}$", error="Use MM/YYYY."),
    )
    report_type = fields.String(load_default=None, validate=validate.OneOf(("Monthly", "Final")))
    assigned_hours_week = fields.Decimal(load_default=None, validate=validate.Range(0, 168))
    activity_start = fields.Date(load_default=None)
