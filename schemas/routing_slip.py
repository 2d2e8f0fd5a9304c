"""Schema of the 50-20e, the slip that assigns, transfers or routes a case to closed files."""

from __future__ import annotations

from typing import Any

from marshmallow import fields, validate

from schemas.common import StrictSchema
from schemas.fields import (
    WORKER_NUMBER,
    SettingId,
    case_number_field,
    cin_field,
    one_of,
    optional_text,
    required_text,
)

ACTIONS = ("new_assignment", "transfer", "closed_files")
CLOSING_REASONS = ("cash_aid_closed", "time_on_aid_exhausted", "removed_other_reason")
GOOD_CAUSE_DEFERRAL = ("none", "good_cause", "deferral")
HOUSEHOLD_CALFRESH = ("none", "tcf", "nacf")


def office_field(**kwargs: Any) -> SettingId:
    """An office id (any case); whether the county has that office is a rule."""
    return SettingId("office", "hayward", **kwargs)


class SlipParticipantSchema(StrictSchema):
    name = required_text(100)
    cin = cin_field(load_default=None, allow_none=True)
    role = optional_text(40)


class SlipWorkerSchema(StrictSchema):
    """An EC on the slip: who sends the case, or who receives it."""

    name = required_text(80)
    worker_number = fields.String(required=True, validate=WORKER_NUMBER)
    unit = required_text(40)
    office = office_field(required=True)


class ClosingChecklistSchema(StrictSchema):
    """The EC's closing steps (handbook 42-7.38 J.1); an unticked box is a ``False``."""

    discontinued_status_verified = fields.Boolean(load_default=False)
    activities_end_dated = fields.Boolean(load_default=False)
    supportive_services_ended = fields.Boolean(load_default=False)
    notice_63_62_sent = fields.Boolean(load_default=False)
    case_comments_entered = fields.Boolean(load_default=False)
    registration_status_closed = fields.Boolean(load_default=False)


class ClosedFilesSchema(StrictSchema):
    reason = one_of(*CLOSING_REASONS, required=True)
    reason_detail = optional_text(200)
    discontinuance_date = fields.Date(required=True)
    good_cause_deferral = one_of(*GOOD_CAUSE_DEFERRAL, required=True)
    household_calfresh = one_of(*HOUSEHOLD_CALFRESH, required=True)
    checklist = fields.Nested(ClosingChecklistSchema, required=True)


class SupervisorApprovalSchema(StrictSchema):
    name = optional_text(80)
    approved_on = fields.Date(load_default=None, allow_none=True)


class ClericalRoutingSchema(StrictSchema):
    routed_to = optional_text(80)
    routed_on = fields.Date(load_default=None, allow_none=True)
    initials = optional_text(5)


class RoutingSlipSchema(StrictSchema):
    """50-20e: new assignment, transfer to another EC or unit, or routing to closed files."""

    case_number = case_number_field(required=True)
    case_name = required_text(100)
    participants = fields.List(
        fields.Nested(SlipParticipantSchema), required=True, validate=validate.Length(min=1, max=10)
    )
    action = one_of(*ACTIONS, required=True)
    slip_date = fields.Date(required=True)
    from_ec = fields.Nested(SlipWorkerSchema, required=True)
    to_ec = fields.Nested(SlipWorkerSchema, load_default=None, allow_none=True)
    closed_files = fields.Nested(ClosedFilesSchema, load_default=None, allow_none=True)
    comments = optional_text(1000, multiline=True)
    # Filled later, by the supervisor and by clerical staff; blank lines print until then.
    supervisor = fields.Nested(SupervisorApprovalSchema, load_default=None, allow_none=True)
    clerical = fields.Nested(ClericalRoutingSchema, load_default=None, allow_none=True)
