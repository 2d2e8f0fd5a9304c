"""Schema of the 42-6, the EC's notice to the Eligibility Services Technician of record."""

from __future__ import annotations

from marshmallow import fields, validate

from schemas.common import ParticipantSchema, StrictSchema, WorkerSchema
from schemas.fields import case_number_field, one_of, optional_text, required_text

ACTIONS = (
    "noncompliance_initiated",
    "cause_determination",
    "compliance_plan_agreed",
    "sanction_imposed",
    "sanction_cured",
)


class ActivitySchema(StrictSchema):
    type = required_text(80)
    provider = optional_text(120)


class EstNoticeSchema(StrictSchema):
    """42-6: noncompliance, cause determination, compliance plan or sanction, told to the EST."""

    case_number = case_number_field(required=True)
    participant = fields.Nested(ParticipantSchema, required=True)
    est = fields.Nested(WorkerSchema, required=True)
    ec = fields.Nested(WorkerSchema, required=True)
    notice_date = fields.Date(required=True)
    action = one_of(*ACTIONS, required=True)
    good_cause_found = fields.Boolean(load_default=None, allow_none=True)
    activity = fields.Nested(ActivitySchema, required=True)
    noncompliance_dates = fields.List(
        fields.Date(), load_default=list, validate=validate.Length(max=31)
    )
    what_happened = optional_text(2000, multiline=True)
    noa_date = fields.Date(load_default=None, allow_none=True)
    sanction_effective_date = fields.Date(load_default=None, allow_none=True)
    comments = optional_text(2000, multiline=True)
