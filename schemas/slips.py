"""Schemas of the 50-20e workflow endpoints: step bodies, list filters and the slips answered."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from schemas.api import WarningSchema
from schemas.common import StrictSchema
from schemas.fields import case_number_field, record_id_field, required_text
from schemas.messages import PlainSchema

STATUSES = ("pending_approval", "sent_back", "queued", "routed")
INITIALS = validate.Regexp(r"^[A-Za-z]{1,5}$", error="Initials are letters only, like LT.")


class SendBackSchema(StrictSchema):
    reason = required_text(1000, multiline=True, metadata={"description": "what to correct"})


class RouteSchema(StrictSchema):
    """What clerical staff record when they route the case."""

    routed_to = required_text(
        80, metadata={"description": "the closed files bank (e.g. P999), or the receiving EC"}
    )
    routed_on = fields.Date(required=True)
    initials = fields.String(required=True, validate=INITIALS)


class PrintSlipsSchema(StrictSchema):
    ids = fields.List(
        record_id_field(strict=True),
        load_default=None,
        validate=validate.Length(min=1, max=500),
        metadata={"description": "the slips to print, in order; omitted: the routing queue"},
    )


class SlipListQuerySchema(PlainSchema):
    status = fields.String(load_default=None, validate=validate.OneOf(STATUSES))
    case_number = case_number_field(load_default=None)


class PersonSchema(Schema):
    id = fields.Integer()
    name = fields.String()


class SlipEventSchema(Schema):
    id = fields.Integer()
    at = fields.DateTime()
    step = fields.String()
    user = fields.Nested(PersonSchema)
    note = fields.String(allow_none=True)


class SlipSchema(Schema):
    """A slip's place in the workflow; ``payload`` and ``events`` come with one slip only."""

    id = fields.Integer()
    case_number = fields.String()
    action = fields.String()
    status = fields.String(validate=validate.OneOf(STATUSES))
    unit = fields.String(allow_none=True)
    route_to = fields.String(allow_none=True, metadata={"description": "where the slip goes"})
    closed_files_bank = fields.String(allow_none=True)
    created_by = fields.Nested(PersonSchema)
    created_at = fields.DateTime()
    updated_at = fields.DateTime()
    queued_at = fields.DateTime(allow_none=True)
    approved_by = fields.Nested(PersonSchema, allow_none=True)
    approved_at = fields.DateTime(allow_none=True)
    sent_back_reason = fields.String(allow_none=True)
    routed_to = fields.String(allow_none=True)
    routed_on = fields.Date(allow_none=True)
    routed_initials = fields.String(allow_none=True)
    routed_by = fields.Nested(PersonSchema, allow_none=True)
    payload = fields.Dict(metadata={"description": "the 50-20e input, as the EC sent it"})
    events = fields.List(fields.Nested(SlipEventSchema))


class SlipAnswerSchema(SlipSchema):
    """A slip after a step, with what that step has to say."""

    warnings = fields.List(fields.Nested(WarningSchema))
    assignment = fields.String(
        allow_none=True, metadata={"description": "what routing did to the case's assignment"}
    )
