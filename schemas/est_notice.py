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

# What became of the compliance plan (WIC 11327.4(a)(1), (b)(1)).
COMPLIANCE_PLAN = ("agreed", "refused", "not_followed", "no_contact")


class ActivitySchema(StrictSchema):
    type = required_text(80)
    provider = optional_text(120)


class CauseDeterminationSchema(StrictSchema):
    """The cause determination (WIC 11327.4(b)(2)): the appointment the county set within the
    20 days, the one reschedule the participant may ask for, and the compliance plan."""

    appointment_date = fields.Date(load_default=None, allow_none=True)
    rescheduled_date = fields.Date(load_default=None, allow_none=True)
    compliance_plan = one_of(*COMPLIANCE_PLAN, load_default=None, allow_none=True)


def _no_determination() -> dict:
    return {"appointment_date": None, "rescheduled_date": None, "compliance_plan": None}


class EstNoticeSchema(StrictSchema):
    """42-6: noncompliance, cause determination, compliance plan or sanction, told to the EST."""

    case_number = case_number_field(required=True)
    participant = fields.Nested(ParticipantSchema, required=True)
    est = fields.Nested(WorkerSchema, required=True)
    ec = fields.Nested(WorkerSchema, required=True)
    notice_date = fields.Date(required=True)
    action = one_of(*ACTIONS, required=True)
    good_cause_found = fields.Boolean(load_default=None, allow_none=True)
    cause_determination = fields.Nested(CauseDeterminationSchema, load_default=_no_determination)
    activity = fields.Nested(ActivitySchema, required=True)
    noncompliance_dates = fields.List(
        fields.Date(), load_default=list, validate=validate.Length(max=31)
    )
    what_happened = optional_text(2000, multiline=True)
    noa_date = fields.Date(load_default=None, allow_none=True)
    sanction_effective_date = fields.Date(load_default=None, allow_none=True)
    comments = optional_text(2000, multiline=True)
