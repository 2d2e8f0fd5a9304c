"""Schemas of sign-in and of the admin accounts API; never a password or token hash."""

from __future__ import annotations

from marshmallow import fields, validate

from schemas.common import StrictSchema
from schemas.fields import (
    PHONE,
    WORKER_NUMBER,
    StoredDateTime,
    email_field,
    optional_text,
    required_text,
)

# Long enough for any passphrase, short enough that hashing it costs nothing extra.
PASSWORD = validate.Length(min=1, max=256)


class SignInSchema(StrictSchema):
    username = fields.String(required=True, validate=validate.Length(min=1, max=64))
    password = fields.String(required=True, load_only=True, validate=PASSWORD)


class UserSchema(StrictSchema):
    """An account as the people using it see it."""

    username = fields.String()
    display_name = fields.String()
    role = fields.String()
    unit = fields.String(allow_none=True)
    worker_number = fields.String(allow_none=True)
    provider = fields.String(allow_none=True)
    phone = fields.String(allow_none=True)
    email = fields.String(allow_none=True)


class SessionSchema(StrictSchema):
    user = fields.Nested(UserSchema)
    csrf_token = fields.String(
        allow_none=True,
        metadata={"description": "send in an X-CSRF-Token header with every change"},
    )


class TokenSchema(StrictSchema):
    """A bearer token's facts; the token itself is shown once, when issued."""

    id = fields.Integer()
    label = fields.String()
    created_at = StoredDateTime()
    last_used_at = StoredDateTime(allow_none=True)
    revoked_at = StoredDateTime(allow_none=True)


class AccountSchema(UserSchema):
    """An account as an administrator sees it."""

    active = fields.Boolean()
    created_at = StoredDateTime()
    locked_until = StoredDateTime(allow_none=True)
    has_password = fields.Method("_has_password")
    tokens = fields.List(fields.Nested(TokenSchema))

    def _has_password(self, user: object) -> bool:
        return getattr(user, "password_hash", None) is not None


class NewAccountSchema(StrictSchema):
    username = fields.String(required=True, validate=validate.Length(min=3, max=64))
    display_name = required_text(100)
    role = fields.String(
        required=True,
        validate=validate.Length(max=16),
        metadata={"description": "ec, supervisor, clerical, contractor or admin"},
    )
    unit = optional_text(32)
    worker_number = fields.String(load_default=None, allow_none=True, validate=WORKER_NUMBER)
    provider = optional_text(120)
    phone = fields.String(load_default=None, allow_none=True, validate=PHONE)
    email = email_field(load_default=None, allow_none=True, validate=validate.Length(max=120))
    password = fields.String(load_default=None, load_only=True, validate=PASSWORD)


class ContactSchema(StrictSchema):
    """How participants and contractors reach the account's holder; notices print it."""

    phone = fields.String(
        required=True,
        allow_none=True,
        validate=PHONE,
        metadata={"description": "like 510-555-0123; null to clear"},
    )
    email = email_field(
        required=True,
        allow_none=True,
        validate=validate.Length(max=120),
        metadata={"description": "like name@county.gov; null to clear"},
    )


class NewTokenSchema(StrictSchema):
    label = fields.String(load_default="", validate=validate.Length(max=80))


class IssuedTokenSchema(StrictSchema):
    username = fields.String()
    label = fields.String()
    token = fields.String(metadata={"description": "shown this once; only its hash is kept"})


class PasswordSchema(StrictSchema):
    password = fields.String(required=True, load_only=True, validate=PASSWORD)
