"""Schema of the 63-62, the notice of the CalFresh E&T option after CalWORKs cash aid ends."""

from __future__ import annotations

from marshmallow import fields

from schemas.common import (
    AddressSchema,
    ParticipantSchema,
    StrictSchema,
    WorkerSchema,
    written_language_field,
)
from schemas.fields import PHONE, case_number_field, email_field, one_of, optional_text
from schemas.routing_slip import office_field

CALFRESH_TYPES = ("tcf", "nacf")


class NoticeEcSchema(WorkerSchema):
    """The EC the person answers: on this notice phone and email are how to respond."""

    phone = fields.String(required=True, validate=PHONE)
    email = email_field(required=True)


class CalfreshNoticeSchema(StrictSchema):
    """63-62: Transitional or Non-Assistance CalFresh households may keep employment services."""

    case_number = case_number_field(required=True)
    participant = fields.Nested(ParticipantSchema, required=True)
    mailing_address = fields.Nested(AddressSchema, required=True)
    preferred_language = optional_text(40)
    language = written_language_field()
    notice_date = fields.Date(required=True)
    # The last day the person was on cash aid, normally the last day of a month.
    cash_aid_ended = fields.Date(required=True)
    calfresh_type = one_of(*CALFRESH_TYPES, required=True)
    ec = fields.Nested(NoticeEcSchema, required=True)
    office = office_field(required=True)
