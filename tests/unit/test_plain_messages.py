"""Refusals say what to enter, in plain words: no stock marshmallow sentence reaches people."""

from __future__ import annotations

from typing import Any

import pytest
from marshmallow import ValidationError

from schemas.fields import MAX_ID, record_id_field
from schemas.messages import STOCK, PlainSchema
from schemas.slips import RouteSchema
from schemas.wtw2 import Wtw2Schema
from service.documents import flatten_errors
from service.forms import all_forms

FORM_IDS = [spec.id for spec in all_forms()]
JARGON = ("Not a valid", "Missing data", "Unknown field", "Invalid", "Field may not", "String does")


def spoiled(value: Any) -> Any:
    """Every value of a payload replaced by one of the wrong type, lists and objects kept."""
    if isinstance(value, dict):
        return {key: spoiled(inner) for key, inner in value.items()}
    if isinstance(value, list):
        return [spoiled(item) for item in value] or [[1]]
    return ["wrong"] if isinstance(value, str | int | float | bool) else 17


def refusals(schema: Any, payload: Any) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as refused:
        schema.load(payload)
    return flatten_errors(refused.value.messages)


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_no_stock_sentence_reaches_anyone_whatever_is_wrong(form_id, example):
    spec = next(s for s in all_forms() if s.id == form_id)
    found: dict[str, list[str]] = {}
    for payload in ({}, spoiled(example(form_id)), {**example(form_id), "extra": 1}):
        found |= refusals(spec.schema(), payload)
    assert found
    stock = {
        path: m for path, ms in found.items() for m in ms if m in STOCK or m.startswith(JARGON)
    }
    assert not stock


def test_an_amount_typed_as_words_is_asked_for_as_a_number_with_an_example(example):
    payload = example("wtw2")
    payload["supportive_services"]["transportation"]["monthly_amount"] = "eighty"
    errors = refusals(Wtw2Schema(), payload)
    path = "supportive_services.transportation.monthly_amount"
    assert errors[path] == ["Enter the amount as a number, like 86.00."]


def test_a_missing_field_says_to_fill_it_in(example):
    payload = example("wtw2")
    del payload["case_number"]
    assert refusals(Wtw2Schema(), payload)["case_number"] == ["Required: fill this in."]


def test_initials_with_dots_say_letters_only_with_an_example():
    errors = refusals(
        RouteSchema(), {"routed_to": "P999", "routed_on": "2026-11-19", "initials": "L.T."}
    )
    assert errors["initials"] == ["Initials are letters only, like LT."]


def test_a_field_the_form_does_not_have_is_named_as_such(example):
    errors = refusals(Wtw2Schema(), {**example("wtw2"), "favourite_colour": "blue"})
    assert errors["favourite_colour"] == ["This is not a field of this form: leave it out."]


def test_a_number_out_of_range_says_the_range_to_enter():
    class Probe(PlainSchema):
        id = record_id_field()

    assert refusals(Probe(), {"id": 0})["id"] == [f"Enter a number from 1 to {MAX_ID}."]
