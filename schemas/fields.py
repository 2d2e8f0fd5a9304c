"""Field types shared by the form schemas."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from marshmallow import ValidationError, fields, validate

# XML 1.0 cannot carry these; a document holding one would not open.
_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

CASE_NUMBER = validate.Regexp(
    r"^[A-Za-z0-9]{7,10}$", error="Case number must be 7 to 10 letters and digits."
)
CIN = validate.Regexp(r"^[0-9]{8}[A-Za-z]$", error="CIN must be 8 digits then a letter.")
WORKER_NUMBER = validate.Regexp(
    r"^[A-Za-z0-9-]{1,12}$", error="Worker number must be up to 12 letters, digits or dashes."
)
PHONE = validate.Regexp(r"^[0-9()+.\- x]{7,25}$", error="Enter a phone number like 510-555-0123.")
EMAIL_ERROR = "Enter an e-mail address like name@county.gov."


def email_field(**kwargs: Any) -> fields.Email:
    """An e-mail address, refused in plain words."""
    return fields.Email(error_messages={"invalid": EMAIL_ERROR}, **kwargs)


def normalise_code(value: str) -> str:
    """A case number or CIN as the service keeps it: trimmed and upper-case, however typed."""
    return value.strip().upper()


class Code(fields.String):
    """A case number or CIN: loaded normalised, so ``b1234567`` and ``B1234567`` are one case."""

    def __init__(self, pattern: validate.Regexp, **kwargs: Any) -> None:
        super().__init__(validate=pattern, **kwargs)

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        return normalise_code(super()._deserialize(value, attr, data, **kwargs))


def case_number_field(**kwargs: Any) -> Code:
    return Code(CASE_NUMBER, **kwargs)


def cin_field(**kwargs: Any) -> Code:
    return Code(CIN, **kwargs)


class StoredDateTime(fields.DateTime):
    """A moment the database kept, answered with its offset: SQLite hands back naive UTC."""

    def _serialize(self, value: Any, attr: str | None, obj: Any, **kwargs: Any) -> Any:
        if isinstance(value, dt.datetime) and value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        return super()._serialize(value, attr, obj, **kwargs)


class Text(fields.String):
    """Free text: any Unicode, trimmed, with a length limit and no control characters."""

    def __init__(self, *, max_length: int = 200, multiline: bool = False, **kwargs: Any) -> None:
        self.max_length = max_length
        self.multiline = multiline
        super().__init__(**kwargs)

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        text = super()._deserialize(value, attr, data, **kwargs)
        text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
        if _FORBIDDEN.search(text):
            raise ValidationError("Take out the character that cannot be printed (a control key).")
        if not self.multiline and ("\n" in text or "\t" in text):
            raise ValidationError("Keep this to one line.")
        if len(text) > self.max_length:
            raise ValidationError(f"Shorten this to {self.max_length} characters or fewer.")
        if self.required and not text:
            raise ValidationError("Required: fill this in.")
        return text


def required_text(max_length: int = 200, **kwargs: Any) -> Text:
    return Text(required=True, max_length=max_length, **kwargs)


def optional_text(max_length: int = 200, **kwargs: Any) -> Text:
    return Text(load_default=None, allow_none=True, max_length=max_length, **kwargs)


def hours_field(**kwargs: Any) -> fields.Decimal:
    """Hours per week or per day: 0 to 168, in quarters of an hour or finer."""
    return fields.Decimal(
        places=2,
        as_string=False,
        validate=validate.Range(min=0, max=168, error="Enter from 0 to 168 hours a week."),
        error_messages={"invalid": "Enter the hours as a number, like 20 or 7.5."},
        **kwargs,
    )


def money_field(**kwargs: Any) -> fields.Decimal:
    return fields.Decimal(
        places=2,
        as_string=False,
        validate=validate.Range(min=0, max=100000, error="Enter an amount from 0 to 100000."),
        error_messages={"invalid": "Enter the amount as a number, like 86.00."},
        **kwargs,
    )


class Choice(fields.String):
    """One of a fixed list of codes, matched whatever the case: ``JOB_SEARCH`` loads as
    ``job_search``; anything else is refused with the choices named."""

    def __init__(self, choices: tuple[str, ...], **kwargs: Any) -> None:
        self.choices = choices
        error = "Choose one of: {choices}."
        super().__init__(validate=validate.OneOf(choices, error=error), **kwargs)

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        text = super()._deserialize(value, attr, data, **kwargs).strip()
        return next((c for c in self.choices if c.casefold() == text.casefold()), text)


def one_of(*choices: str, **kwargs: Any) -> Choice:
    return Choice(choices, **kwargs)


class SettingId(fields.String):
    """The id of an office, county or contractor in the county settings (``hayward``): loaded
    lower-case, so ``Hayward`` is the same office; whether the county has it is a rule."""

    def __init__(self, what: str, example: str, **kwargs: Any) -> None:
        pattern = validate.Regexp(
            r"^[a-z0-9_]{1,40}$", error=f"Choose the {what} from the list, like {example}."
        )
        super().__init__(validate=pattern, **kwargs)

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        text = super()._deserialize(value, attr, data, **kwargs)
        return text.strip().casefold().replace(" ", "_").replace("-", "_")


# The largest id a record can have: PostgreSQL's integer key (SQLite's is larger).
MAX_ID = 2**31 - 1


def record_id_field(*, strict: bool = False, **kwargs: Any) -> fields.Integer:
    """A record's id in a body or query string (``strict``: a JSON number, not "7"): 1 to
    MAX_ID, so a larger one is a 422 naming the field, not a database overflow."""
    return fields.Integer(strict=strict, validate=validate.Range(min=1, max=MAX_ID), **kwargs)
