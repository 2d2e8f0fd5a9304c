"""Schema of the 42-176, the Program Support Team meeting summary."""

from __future__ import annotations

from marshmallow import fields, validate

from schemas.common import ParticipantSchema, StrictSchema, WorkerSchema
from schemas.fields import case_number_field, one_of, optional_text, required_text

MEETING_TYPES = ("initial", "follow_up")
MEETING_METHODS = ("phone", "video", "in_person", "email")
ROLES = ("ec", "service_provider", "cds_i", "job_developer", "participant", "other")
# The handbook's agenda (section II.B), in its order.
AGENDA_TOPICS = (
    "purpose",
    "supportive_services",
    "goal_achievement",
    "opportunities_changes",
    "job_opportunities",
    "wen_cs",
    "wtw2_amendments",
    "goal_revision",
)


class AttendeeSchema(StrictSchema):
    role = one_of(*ROLES, required=True)
    other_role = optional_text(60)
    name = required_text(80)
    organization = optional_text(120)


class BarrierSchema(StrictSchema):
    """One barrier the OCAT appraisal identified, with the provider's recommendation."""

    barrier = required_text(200)
    recommendation = optional_text(400)


class GoalSchema(StrictSchema):
    """One goal from the CW 2.0 interview, with the plan to reach it."""

    goal = required_text(200)
    plan = optional_text(400)


class ProviderSummarySchema(StrictSchema):
    """The service provider's upfront activity summary, sent to the EC before the meeting."""

    prepared_by = optional_text(80)
    barriers = fields.List(
        fields.Nested(BarrierSchema), load_default=list, validate=validate.Length(max=12)
    )
    goals = fields.List(
        fields.Nested(GoalSchema), load_default=list, validate=validate.Length(max=12)
    )
    recommendations_for_ec = optional_text(2000, multiline=True)


class TopicSchema(StrictSchema):
    discussed = fields.Boolean(load_default=False)
    notes = optional_text(1000, multiline=True)


def _topic() -> fields.Nested:
    return fields.Nested(TopicSchema, load_default=lambda: {"discussed": False, "notes": None})


class AgendaSchema(StrictSchema):
    purpose = _topic()
    supportive_services = _topic()
    goal_achievement = _topic()
    opportunities_changes = _topic()
    job_opportunities = _topic()
    wen_cs = _topic()
    wtw2_amendments = _topic()
    goal_revision = _topic()


class SupervisorSchema(StrictSchema):
    name = optional_text(80)
    initials = optional_text(6)
    date = fields.Date(load_default=None, allow_none=True)


class PstSummarySchema(StrictSchema):
    """42-176: who met, what the provider summarised, what was discussed, and sign-off."""

    case_number = case_number_field(required=True)
    participant = fields.Nested(ParticipantSchema, required=True)
    meeting_date = fields.Date(required=True)
    meeting_type = one_of(*MEETING_TYPES, required=True)
    provider_notice_date = fields.Date(load_default=None, allow_none=True)
    # The day the EC scheduled the meeting (handbook II.B: within a week of the notice).
    scheduled_date = fields.Date(load_default=None, allow_none=True)
    wtw2_plan_date = fields.Date(load_default=None, allow_none=True)
    method = one_of(*MEETING_METHODS, required=True)
    client_unavailable_reason = optional_text(300)
    attendees = fields.List(
        fields.Nested(AttendeeSchema), required=True, validate=validate.Length(min=1, max=12)
    )
    provider_summary = fields.Nested(ProviderSummarySchema, required=True)
    agenda = fields.Nested(AgendaSchema, required=True)
    ec_additions = optional_text(2000, multiline=True)
    ec = fields.Nested(WorkerSchema, required=True)
    ec_signed_date = fields.Date(load_default=None, allow_none=True)
    supervisor = fields.Nested(
        SupervisorSchema, load_default=lambda: {"name": None, "initials": None, "date": None}
    )
    next_meeting_date = fields.Date(load_default=None, allow_none=True)
