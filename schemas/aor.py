"""Schemas of the AOR endpoints: uploads, list filters, the blank's Section A, corrections."""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

from marshmallow import ValidationError, fields, validate, validates_schema

from parsers.aor_values import REPORT_TYPES
from parsers.hours import parse_hours
from schemas.common import StrictSchema
from schemas.fields import Text, case_number_field, cin_field, optional_text
from schemas.messages import PlainSchema
from service.aor.excused import EXCUSED_CODES

MONTH = validate.Regexp(r"^\d{4}-(0[1-9]|1[0-2])$", error="Use YYYY-MM.")
ACTIVITY_CODES = ("EXPRT", "JSR", "VOC", "SUB", "ABE", "CS", "OTH")
# A day has 24 hours, a month's TOTAL row at most 31 of them.
DAY_MOST = 24
TOTAL_MOST = 24 * 31
MAX_ROWS = 200


class AorUploadSchema(PlainSchema):
    """A stored AOR: its id and file facts, with the reading's keys at the top level."""

    id = fields.Integer()
    filename = fields.String()
    size = fields.Integer()
    sha256 = fields.String()
    uploaded_at = fields.DateTime()
    superseded_by = fields.Integer(allow_none=True)
    current = fields.Boolean()
    reading = fields.Dict(metadata={"description": "the reading: header, rows, totals, findings"})


class AorListQuerySchema(PlainSchema):
    case_number = case_number_field(load_default=None)
    report_month = fields.String(load_default=None, validate=MONTH)
    include_superseded = fields.Boolean(load_default=False)


class BlankAorQuerySchema(PlainSchema):
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


class Hours(fields.Field):
    """Hours as a number, or as text the AOR allows (``7.5``, ``.5``, ``7:30``), up to ``most``."""

    def __init__(self, most: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.most = most

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Decimal:
        hours = None
        if isinstance(value, int | float) and not isinstance(value, bool):
            hours = Decimal(str(value)) if math.isfinite(value) else None
        elif isinstance(value, str):
            hours = parse_hours(value)
        if hours is None or not 0 <= hours <= self.most:
            raise ValidationError(f"Give hours from 0 to {self.most}, as 7.5 or 7:30.")
        return hours


class PrintedTotalsSchema(StrictSchema):
    """The TOTAL row as it should have been read; null where the form prints nothing."""

    scheduled = Hours(TOTAL_MOST, allow_none=True)
    attended = Hours(TOTAL_MOST, allow_none=True)
    excused = Hours(TOTAL_MOST, allow_none=True)
    unexcused = Hours(TOTAL_MOST, allow_none=True)


class RowCorrectionSchema(StrictSchema):
    """One day of Section B: named by ``row`` (its number) or ``date``; a date no row has is
    a row added; ``remove`` takes the row out. ``date`` with ``row`` corrects the row's date."""

    row = fields.Integer(strict=True, validate=validate.Range(1, MAX_ROWS))
    date = fields.Date()
    scheduled = Hours(DAY_MOST)
    attended = Hours(DAY_MOST)
    excused = Hours(DAY_MOST)
    code = fields.String(
        allow_none=True,
        validate=validate.OneOf(EXCUSED_CODES, error="Use one of {choices}, or null for none."),
    )
    unexcused = Hours(DAY_MOST)
    note = Text(max_length=200)
    remove = fields.Boolean()

    @validates_schema
    def _named_and_consistent(self, data: dict[str, Any], **_: Any) -> None:
        if "row" not in data and "date" not in data:
            raise ValidationError("Name the row by its date, or by its number in 'row'.", "date")
        if data.get("remove") and set(data) - {"row", "date", "remove"}:
            raise ValidationError("A row removed takes no other values.", "remove")


class AorCorrectionSchema(StrictSchema):
    """The values of an AOR's reading that staff correct: any of Section A, the date submitted,
    the printed totals, the rows; ``reviewed`` marks the reading reviewed (or not)."""

    participant_name = Text(max_length=100)
    case_number = case_number_field()
    cin = cin_field(allow_none=True)
    cm_name = Text(max_length=80)
    cm_email = Text(max_length=120)
    activity = fields.String(allow_none=True, validate=validate.OneOf(ACTIVITY_CODES))
    provider = Text(max_length=120)
    worksite = Text(max_length=120)
    report_month = fields.String(allow_none=True, validate=MONTH)
    report_type = fields.String(
        allow_none=True, validate=validate.OneOf(REPORT_TYPES, error="Use monthly or final.")
    )
    assigned_hours_week = fields.Decimal(allow_none=True, validate=validate.Range(0, 168))
    activity_start = fields.Date(allow_none=True)
    activity_end = fields.Date(allow_none=True)
    submitted_date = fields.Date(allow_none=True)
    printed_totals = fields.Nested(PrintedTotalsSchema)
    rows = fields.List(fields.Nested(RowCorrectionSchema), validate=validate.Length(max=MAX_ROWS))
    reviewed = fields.Boolean()

    @validates_schema
    def _something(self, data: dict[str, Any], **_: Any) -> None:
        if not data:
            raise ValidationError("Give at least one value to correct, or reviewed.")
