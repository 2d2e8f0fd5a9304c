"""Schema of the F063-41-251, Orange County's Employment Services Referral to a contractor."""

from __future__ import annotations

from marshmallow import fields, validate

from schemas.common import HouseholdSchema, ParticipantSchema, StrictSchema, WorkerSchema
from schemas.fields import (
    SettingId,
    case_number_field,
    hours_field,
    money_field,
    one_of,
    optional_text,
    required_text,
)

# The contracted activities, by the codes the county's case files use.
ACTIVITIES = {
    "EXPRT": "Experience Provides the Resources for Tomorrow (unpaid work experience)",
    "JSR": "Job Search and Job Readiness Assistance",
    "VOC": "Vocational Training",
    "SUB": "Subsidized Employment",
    "ABE": "Adult Basic Education",
    "CS": "Community Service",
    "OTH": "Other",
}
MAX_MONTHS = 36
_MONTH = validate.Regexp(r"^[0-9]{4}-(0[1-9]|1[0-2])$", error="A month is written YYYY-MM.")


class ReferralParticipantSchema(ParticipantSchema):
    language = optional_text(40)


class ConcurrentActivitySchema(StrictSchema):
    activity = required_text(80)
    provider = optional_text(120)
    hours_per_week = hours_field(required=True)


class BenefitsSchema(StrictSchema):
    """The month's benefits, which cap unpaid work experience hours (county setting)."""

    monthly_grant = money_field(required=True)
    monthly_calfresh = money_field(load_default=None, allow_none=True)


class SupportiveServicesSchema(StrictSchema):
    """Needs the contractor should know about; the EES arranges them (policy step 5)."""

    child_care = fields.Boolean(load_default=False)
    child_care_notes = optional_text(300)
    transportation = fields.Boolean(load_default=False)
    transportation_notes = optional_text(300)
    ancillary = fields.Boolean(load_default=False)
    ancillary_notes = optional_text(300)


def _no_services() -> dict:
    return {
        "child_care": False,
        "child_care_notes": None,
        "transportation": False,
        "transportation_notes": None,
        "ancillary": False,
        "ancillary_notes": None,
    }


class ReferralSchema(StrictSchema):
    """F063-41-251: the CM refers a participant to a contractor's activity."""

    case_number = case_number_field(required=True)
    participant = fields.Nested(ReferralParticipantSchema, required=True)
    case_manager = fields.Nested(WorkerSchema, required=True)
    office = SettingId("office", "santa_ana", load_default=None, allow_none=True)
    contractor_id = SettingId("contractor", "equus", required=True)
    activity = one_of(*ACTIVITIES, required=True)
    activity_other = optional_text(120)
    hours_per_week = hours_field(required=True)
    length_months = fields.Integer(
        required=True, strict=True, validate=validate.Range(min=1, max=MAX_MONTHS)
    )
    referral_date = fields.Date(required=True)
    start_date = fields.Date(required=True)
    new_wtw2_plan_date = fields.Date(load_default=None, allow_none=True)
    # Months the participant was in EXPRT before this referral: they count toward the limit.
    prior_exprt_months = fields.List(
        fields.String(validate=_MONTH), load_default=list, validate=validate.Length(max=36)
    )
    benefits = fields.Nested(BenefitsSchema, load_default=None, allow_none=True)
    concurrent_activities = fields.List(
        fields.Nested(ConcurrentActivitySchema), load_default=list, validate=validate.Length(max=8)
    )
    household = fields.Nested(HouseholdSchema, load_default=None, allow_none=True)
    assessment_attached = fields.Boolean(required=True)
    supportive_services = fields.Nested(SupportiveServicesSchema, load_default=_no_services)
    notes = optional_text(2000, multiline=True)
