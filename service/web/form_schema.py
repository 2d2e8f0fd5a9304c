"""A form's marshmallow schema as a tree of page fields: what to ask for, and how."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from marshmallow import Schema, fields, missing, validate

from schemas.fields import Text
from schemas.labels import label_of
from schemas.messages import PATTERN
from schemas.referral import ACTIVITIES as REFERRAL_ACTIVITIES

# Enumerations up to this size are radio buttons (all choices in view); longer ones a select.
RADIO_LIMIT = 4
WORDS = {
    "ec": "EC",
    "est": "EST",
    "cin": "CIN",
    "noa": "NOA",
    "id": "ID",
    "zip": "ZIP",
    "aor": "AOR",
    "tcf": "TCF",
    "nacf": "NACF",
    "cds": "CDS",
    "dv": "DV",
    "ged": "GED",
    "wen": "WEN",
    "cs": "CS",
    "wtw2": "WTW 2",
    "calfresh": "CalFresh",
    "exprt": "EXPRT",
}
# Choices whose codes mean little to a person: the words the county uses for them.
# Keyed by field name: only the referral's ``activity`` is such a choice today.
OPTION_LABELS: dict[str, dict[str, str]] = {
    "activity": {code: f"{code}: {words}" for code, words in REFERRAL_ACTIVITIES.items()}
}
SINGULAR = {"children": "child", "ancillary": "ancillary_item"}
# A pattern without words of its own has nothing to say as a hint.
DEFAULT_PATTERN_ERRORS = (validate.Regexp.default_message, PATTERN)


@dataclass(frozen=True)
class Node:
    """One field of the form. ``kind`` says how it is asked: text, textarea, date, number,
    integer, email, checkbox, yesno, choice, object (a fieldset) or list (repeating items)."""

    name: str
    label: str
    kind: str
    required: bool = False
    optional_object: bool = False  # an object that may be left out altogether
    hint: str = ""
    options: tuple[tuple[str, str], ...] = ()
    children: tuple[Node, ...] = ()
    item: Node | None = None
    min_items: int = 0
    max_items: int | None = None

    @property
    def is_scalar(self) -> bool:
        return self.kind not in ("object", "list")

    @property
    def radios(self) -> bool:
        return self.kind == "choice" and len(self.options) <= RADIO_LIMIT


def form_tree(schema_cls: type[Schema]) -> tuple[Node, ...]:
    """The top-level fields of a form's input schema, in the schema's order."""
    return _tree(schema_cls)


@lru_cache(maxsize=16)
def _tree(schema_cls: type[Schema]) -> tuple[Node, ...]:
    return _children(schema_cls())


def _children(schema: Schema) -> tuple[Node, ...]:
    return tuple(_node(name, field) for name, field in schema.fields.items() if not field.dump_only)


def written_label(field: fields.Field, name: str) -> str | None:
    """The field's label as written in its metadata or in schemas/labels.py, or None."""
    own = field.metadata.get("label")
    return str(own) if own else label_of(type(field.parent).__name__, name)


def _node(name: str, field: fields.Field) -> Node:
    label = written_label(field, name) or humanize(name)
    common: dict[str, Any] = {
        "name": name,
        "label": label,
        "required": bool(field.required),
        "hint": str(field.metadata.get("description") or _hint(field)),
    }
    if isinstance(field, fields.Nested):
        optional = not field.required and (field.allow_none or field.load_default is None)
        schema = field.schema
        return Node(kind="object", optional_object=optional, children=_children(schema), **common)
    if isinstance(field, fields.List):
        lengths = [v for v in field.validators if isinstance(v, validate.Length)]
        item = _node(name, field.inner)
        one = label_of(type(field.parent).__name__, f"{name}[]") or humanize(singular(name))
        item = replace(item, name="", label=one)
        return Node(
            kind="list",
            item=item,
            min_items=max([v.min or 0 for v in lengths], default=0),
            max_items=min([v.max for v in lengths if v.max is not None], default=None),
            **common,
        )
    return Node(kind=_scalar_kind(field), options=_options(name, field), **common)


def _scalar_kind(field: fields.Field) -> str:
    if isinstance(field, fields.Boolean):
        # A box left unticked says "no" without being asked: fine where "no" is the default,
        # but a required answer (or one that may stay open) is a Yes/No question.
        return "checkbox" if field.load_default not in (missing, None) else "yesno"
    if isinstance(field, fields.Date):
        return "date"
    if isinstance(field, fields.Integer):
        return "integer"
    if isinstance(field, fields.Number):
        return "number"
    if isinstance(field, fields.Email):
        return "email"
    if _one_of(field) is not None:
        return "choice"
    if isinstance(field, Text) and field.multiline:
        return "textarea"
    if isinstance(field, fields.String):
        return "text"
    raise TypeError(f"no page field for {type(field).__name__}")


def _one_of(field: fields.Field) -> validate.OneOf | None:
    return next((v for v in field.validators if isinstance(v, validate.OneOf)), None)


def _options(name: str, field: fields.Field) -> tuple[tuple[str, str], ...]:
    one_of = _one_of(field)
    if one_of is None:
        return ()
    known = OPTION_LABELS.get(name, {})
    return tuple((str(code), known.get(str(code), humanize(str(code)))) for code in one_of.choices)


def _hint(field: fields.Field) -> str:
    """What the field's validators ask for, in their own words where they have them."""
    hints = []
    for rule in field.validators:
        if isinstance(rule, validate.Regexp) and rule.error not in DEFAULT_PATTERN_ERRORS:
            hints.append(str(rule.error))
        elif isinstance(rule, validate.Range):
            hints.append(f"From {_number(rule.min)} to {_number(rule.max)}.")
        elif isinstance(rule, validate.Length) and isinstance(field, fields.List) and rule.max:
            hints.append(f"Up to {rule.max}.")
    return " ".join(hints)


def _number(value: Any) -> str:
    return "any" if value is None or value is missing else f"{value:g}"


def humanize(name: str) -> str:
    """A field name as a label: ``case_number`` → "Case number", ``ec_signed_date`` → "EC
    signed date", ``EXPRT`` stays as it is."""
    if not re.fullmatch(r"[a-z0-9_]+", name):
        return name
    words: list[str] = []
    for word in name.split("_"):
        if word.isdigit() and words and words[-1].isdigit():
            words[-1] += f"-{word}"  # a form number: notice_63_62_sent → "Notice 63-62 sent"
        elif word:
            words.append(WORDS.get(word, word))
    if not words:
        return name
    first = words[0]
    return " ".join([first[:1].upper() + first[1:], *words[1:]])


def singular(name: str) -> str:
    """The name of one item of a list field: ``activities`` → ``activity``."""
    last = name.rsplit("_", 1)[-1]
    if name in SINGULAR:
        return SINGULAR[name]
    if last.endswith("ies"):
        return name[:-3] + "y"
    if last.endswith("s") and not last.endswith("ss"):
        return name[:-1]
    return f"{name}_item"
