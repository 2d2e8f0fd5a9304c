"""Schema of the WTW 2, the Welfare-to-Work Plan and Activity Assignment (state form)."""

from __future__ import annotations

from marshmallow import fields, validate

from schemas.common import (
    HouseholdSchema,
    ParticipantSchema,
    StrictSchema,
    WorkerSchema,
    written_language_field,
)
from schemas.fields import (
    SettingId,
    case_number_field,
    cin_field,
    hours_field,
    money_field,
    one_of,
    optional_text,
    required_text,
)

PLAN_TYPES = ("initial", "amended")
# Where the other parent's weekly hours come from: typed by the EC, or their stored WTW 2.
HOURS_FROM = ("typed", "plan")
# What the 90 days of WIC 11325.21(a) run from.
PLAN_DUE_FROM = ("eligibility_determined", "required_to_participate", "job_search_completed")

# WIC 11322.6 activities as the county assigns them; which of them count as training or
# education (for the one-time reassignment of WIC 11325.22) is decided in the form's rules.
ACTIVITY_TYPES = (
    "job_search",
    "work_experience",
    "community_service",
    "subsidized_employment",
    "employment",
    "on_the_job_training",
    "vocational_training",
    "job_skills_training",
    "education_related_to_employment",
    "adult_basic_education",
    "high_school_or_ged",
    "self_initiated_program",
    "mental_health_substance_abuse_dv",
    "other",
)

MAX_ACTIVITIES = 12


class PlanActivitySchema(StrictSchema):
    """One assigned activity; employment is an activity too (the employer is the provider)."""

    type = one_of(*ACTIVITY_TYPES, required=True)
    description = optional_text(120)
    provider = required_text(120)
    location = required_text(160)
    hours_per_week = hours_field(required=True)
    days_and_times = required_text(120)
    start_date = fields.Date(required=True)
    end_date = fields.Date(load_default=None, allow_none=True)


class PlanChildSchema(StrictSchema):
    name = required_text(100)
    birth_date = fields.Date(load_default=None, allow_none=True)


class PlanChildCareSchema(StrictSchema):
    needed = fields.Boolean(required=True)
    provider = optional_text(120)
    children = fields.List(
        fields.Nested(PlanChildSchema), load_default=list, validate=validate.Length(max=10)
    )


class PlanTransportationSchema(StrictSchema):
    needed = fields.Boolean(required=True)
    mode = optional_text(80)
    monthly_amount = money_field(load_default=None, allow_none=True)


class PlanAncillaryItemSchema(StrictSchema):
    item = required_text(100)
    amount = money_field(required=True)


class PlanSupportiveServicesSchema(StrictSchema):
    child_care = fields.Nested(PlanChildCareSchema, required=True)
    transportation = fields.Nested(PlanTransportationSchema, required=True)
    ancillary = fields.List(
        fields.Nested(PlanAncillaryItemSchema), load_default=list, validate=validate.Length(max=15)
    )


class HouseholdChildSchema(StrictSchema):
    """A child in the assistance unit; the birth date decides "child under 6" (WIC 11322.8)."""

    name = required_text(100)
    birth_date = fields.Date(required=True)


class OtherParentSchema(StrictSchema):
    """The other parent of a two-parent family, whose hours count toward the combined 35."""

    name = required_text(100)
    cin = cin_field(load_default=None, allow_none=True)
    hours_from = one_of(*HOURS_FROM, load_default="typed")
    # Typed, or filled in by the service from the other parent's latest stored WTW 2.
    hours_per_week = hours_field(load_default=None, allow_none=True)
    plan_date = fields.Date(
        load_default=None, allow_none=True, metadata={"label": "Date of the other parent's plan"}
    )


class PlanHouseholdSchema(HouseholdSchema):
    """The household facts, with the dates that change them during the plan."""

    children = fields.List(
        fields.Nested(HouseholdChildSchema), load_default=list, validate=validate.Length(max=15)
    )
    expected_delivery_date = fields.Date(load_default=None, allow_none=True)
    other_parent = fields.Nested(OtherParentSchema, load_default=None, allow_none=True)


class PlanDueFromSchema(StrictSchema):
    """The event the 90 days to sign a plan run from (WIC 11325.21(a)), and its date."""

    event = one_of(*PLAN_DUE_FROM, required=True)
    date = fields.Date(required=True)


class Wtw2Schema(StrictSchema):
    """WTW 2: the activities a participant is assigned, the hours and the supportive services."""

    county = SettingId("county", "alameda", required=True)
    office = SettingId("office", "hayward", required=True)
    case_name = required_text(100)
    case_number = case_number_field(required=True)
    participant = fields.Nested(ParticipantSchema, required=True)
    language = written_language_field()
    plan_type = one_of(*PLAN_TYPES, required=True)
    plan_date = fields.Date(required=True)
    amendment_reason = optional_text(300)
    amends_plan_dated = fields.Date(load_default=None, allow_none=True)
    exempt_volunteer = fields.Boolean(load_default=False)
    appraisal_date = fields.Date(load_default=None, allow_none=True)
    plan_due_from = fields.Nested(PlanDueFromSchema, load_default=None, allow_none=True)
    late_reason = optional_text(300)
    household = fields.Nested(PlanHouseholdSchema, required=True)
    activities = fields.List(
        fields.Nested(PlanActivitySchema),
        required=True,
        validate=validate.Length(
            min=1, max=MAX_ACTIVITIES, error=f"List from 1 to {MAX_ACTIVITIES} activities."
        ),
    )
    supportive_services = fields.Nested(PlanSupportiveServicesSchema, required=True)
    training_started_before = fields.Boolean(load_default=False)
    reassignment_used = fields.Boolean(load_default=False)
    notes = optional_text(1000, multiline=True)
    ec = fields.Nested(WorkerSchema, required=True)
