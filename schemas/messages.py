"""marshmallow's refusals in the office's words, each saying what to enter instead."""

from __future__ import annotations

import copy
from typing import Any

from marshmallow import Schema, fields, validate

REQUIRED = "Required: fill this in."
TOO_LARGE = "Enter a smaller number."
PATTERN = "Check how this is written: it does not look right."
UNKNOWN = "This is not a field of this form: leave it out."
# By field type, the most specific first: what a person (or a program) should send instead.
# ``{example}`` is the field's metadata example, or the type's own.
BY_TYPE: tuple[tuple[type[fields.Field], dict[str, str], str], ...] = (
    (
        fields.Boolean,
        {"invalid": "Answer yes or no (true or false)."},
        "",
    ),
    (
        fields.Date,
        {"invalid": "Enter a date, like {example} (year, month, day).", "format": ""},
        "2026-12-07",
    ),
    (
        fields.DateTime,
        {"invalid": "Enter a date and time, like {example}."},
        "2026-12-07T09:30:00-08:00",
    ),
    (
        fields.Integer,
        {
            "invalid": "Enter a whole number, like {example}.",
            "too_large": TOO_LARGE,
        },
        "3",
    ),
    (
        fields.Number,
        {
            "invalid": "Enter a number, like {example}.",
            "too_large": TOO_LARGE,
            "special": "Enter a number, like {example}.",
        },
        "12.5",
    ),
    (
        fields.Email,
        {"invalid": "Enter an e-mail address, like {example}."},
        "name@county.gov",
    ),
    (
        fields.String,
        {"invalid": "Enter this as text.", "invalid_utf8": "Enter this as text."},
        "",
    ),
    (fields.List, {"invalid": "Enter a list here."}, ""),
    (fields.Nested, {"type": "Fill in this group of fields (an object, not a single value)."}, ""),
    (fields.Dict, {"invalid": "Enter a group of values here (an object)."}, ""),
)
COMMON = {"required": REQUIRED, "null": REQUIRED, "validator_failed": "Check this value."}
# marshmallow's own sentences, as its classes define them: replaced; a field's own message stays.
KINDS: list[type[fields.Field]] = [fields.Field, *(entry[0] for entry in BY_TYPE)]
STOCK: set[Any] = {
    message
    for cls in KINDS
    for klass in cls.__mro__
    for message in vars(klass).get("default_error_messages", {}).values()
}


def plain_messages(field: fields.Field) -> dict[str, Any]:
    """The field's error messages, marshmallow's stock ones replaced by plain ones."""
    example = str(field.metadata.get("example", ""))
    found: dict[str, Any] = dict(COMMON)
    for cls, messages, own_example in BY_TYPE:
        if isinstance(field, cls):
            for key, text in messages.items():
                if text:
                    found.setdefault(key, text.format(example=example or own_example))
    # A message the field was given (error_messages=...) is its own: kept.
    own = {
        key: text
        for key, text in field.error_messages.items()
        if not isinstance(text, str) or text not in STOCK
    }
    return {**field.error_messages, **found, **own}


def plain_validator(rule: Any, is_list: bool = False) -> Any:
    """A copy of ``rule`` whose default message says what to enter; a custom one is kept."""
    text = _validator_text(rule, is_list)
    if text is None:
        return rule
    plain = copy.copy(rule)
    plain.error = text
    return plain


def _validator_text(rule: Any, is_list: bool) -> str | None:
    if isinstance(rule, validate.Range) and rule.error is None:
        low, high = _number(rule.min), _number(rule.max)
        if low and high:
            return f"Enter a number from {low} to {high}."
        return f"Enter {low} or more." if low else f"Enter {high} or less."
    if isinstance(rule, validate.Length) and rule.error is None:
        unit = "items" if is_list else "characters"
        if rule.equal is not None:
            return f"Enter exactly {rule.equal} {unit}."
        if rule.min and rule.max:
            return f"Enter from {rule.min} to {rule.max} {unit}."
        return (
            f"Enter at least {rule.min} {unit}."
            if rule.min
            else f"Enter at most {rule.max} {unit}."
        )
    if isinstance(rule, validate.OneOf) and rule.error == validate.OneOf.default_message:
        return "Choose one of: {choices}."
    if isinstance(rule, validate.Regexp) and rule.error == validate.Regexp.default_message:
        return PATTERN
    if isinstance(rule, validate.Email) and rule.error == validate.Email.default_message:
        return "Enter an e-mail address, like name@county.gov."
    return None


def _number(value: Any) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def make_plain(field: fields.Field) -> None:
    """Give ``field`` (a schema instance's own copy) and the fields inside it plain messages."""
    field.error_messages = plain_messages(field)
    is_list = isinstance(field, fields.List)
    field.validators = [plain_validator(rule, is_list) for rule in field.validators]
    if isinstance(field, fields.List):
        field.inner = copy.copy(field.inner)
        make_plain(field.inner)


class PlainSchema(Schema):
    """A schema whose refusals say, in plain words, what to enter instead."""

    error_messages = {"unknown": UNKNOWN, "type": "Send the fields as an object."}  # noqa: RUF012

    def on_bind_field(self, field_name: str, field_obj: fields.Field) -> None:
        make_plain(field_obj)
