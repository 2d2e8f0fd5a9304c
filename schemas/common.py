"""Nested schemas several forms share: workers, participants, addresses, household."""

from __future__ import annotations

from marshmallow import RAISE, fields, validate

from schemas.fields import (
    PHONE,
    WORKER_NUMBER,
    cin_field,
    email_field,
    one_of,
    optional_text,
    required_text,
)
from schemas.messages import PlainSchema

# The written languages the forms a participant reads and signs are printed in (Dymally-Alatorre
# Bilingual Services Act, Gov. Code 7290-7299.8), as BCP 47 tags.
WRITTEN_LANGUAGES = ("en", "es", "vi", "zh-Hant")


def written_language_field() -> fields.String:
    """The participant's written language, a fact of the case like the address; English if unset."""
    return one_of(*WRITTEN_LANGUAGES, load_default="en")


class StrictSchema(PlainSchema):
    """Unknown keys are refused, so a typed value the service computes cannot slip in; every
    refusal says in plain words what to enter (schemas/messages.py)."""

    class Meta:
        unknown = RAISE


class WorkerSchema(StrictSchema):
    """A county worker: EC, case manager, EST or supervisor."""

    name = required_text(80)
    worker_number = fields.String(required=True, validate=WORKER_NUMBER)
    phone = fields.String(load_default=None, allow_none=True, validate=PHONE)
    email = email_field(load_default=None, allow_none=True)


class ParticipantSchema(StrictSchema):
    name = required_text(100)
    cin = cin_field(load_default=None, allow_none=True)
    phone = fields.String(load_default=None, allow_none=True, validate=PHONE)


class AddressSchema(StrictSchema):
    street = required_text(120)
    unit = optional_text(40)
    city = required_text(60)
    state = fields.String(
        load_default="CA",
        validate=validate.Regexp(r"^[A-Z]{2}$", error="Enter the state as 2 letters, like CA."),
    )
    zip = fields.String(
        required=True,
        validate=validate.Regexp(
            r"^[0-9]{5}(-[0-9]{4})?$", error="Enter a ZIP code like 94544 or 94544-1234."
        ),
    )


class HouseholdSchema(StrictSchema):
    """The facts behind the weekly participation requirement (WIC 11322.8)."""

    two_parent_family = fields.Boolean(required=True)
    parent_disabled = fields.Boolean(load_default=False)
    child_under_six = fields.Boolean(load_default=False)
    pregnant_no_other_child = fields.Boolean(load_default=False)
