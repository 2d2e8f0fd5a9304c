"""Case numbers and CINs are one value however typed: every form loads them trimmed, upper-case."""

from __future__ import annotations

from typing import Any

import pytest
from marshmallow import ValidationError

from schemas.fields import case_number_field, cin_field
from service import documents
from service.forms import all_forms

FORM_IDS = [spec.id for spec in all_forms()]


def codes(value: Any, key: str = "") -> list[str]:
    """Every case number and CIN in a payload, in order."""
    if isinstance(value, dict):
        return [code for k, inner in value.items() for code in codes(inner, k)]
    if isinstance(value, list):
        return [code for item in value for code in codes(item, key)]
    return [value] if key in ("case_number", "cin") and isinstance(value, str) else []


def typed_carelessly(value: Any, key: str = "") -> Any:
    if isinstance(value, dict):
        return {k: typed_carelessly(inner, k) for k, inner in value.items()}
    if isinstance(value, list):
        return [typed_carelessly(item, key) for item in value]
    if key in ("case_number", "cin") and isinstance(value, str):
        return f"  {value.lower()} "
    return value


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_every_form_loads_case_numbers_and_cins_trimmed_and_upper_case(form_id, example, today):
    payload = example(form_id)
    loaded = documents.check(form_id, typed_carelessly(payload), today).data
    assert codes(payload), "the example has a case number"
    assert codes(loaded) == [code.upper() for code in codes(payload)]


@pytest.mark.parametrize(
    ("field", "typed", "kept"),
    [
        (case_number_field(), " b1234567\t", "B1234567"),
        (case_number_field(), "oc58214k", "OC58214K"),
        (cin_field(), "93847261b ", "93847261B"),
    ],
)
def test_a_code_field_keeps_one_spelling(field, typed, kept):
    assert field.deserialize(typed) == kept


@pytest.mark.parametrize("typed", ["b12 34567", "b1234567!", "", "   "])
def test_a_code_field_still_refuses_what_is_not_a_case_number(typed):
    with pytest.raises(ValidationError):
        case_number_field().deserialize(typed)
