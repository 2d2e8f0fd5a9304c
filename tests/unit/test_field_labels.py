"""Every field and computed value on the fill pages has a label written for people: none is a
field name turned into words."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from marshmallow import Schema, fields

from schemas.labels import label_of
from service import documents
from service.forms import all_forms
from service.web.computed_labels import MISSING, computed_label
from service.web.form_schema import written_label

FORM_IDS = [spec.id for spec in all_forms()]


def page_fields(schema: Schema, trail: str = "") -> Iterator[tuple[str, str, fields.Field]]:
    """(path, name, field) of every field a form's page asks for, nested ones included."""
    for name, field in schema.fields.items():
        if field.dump_only:
            continue
        path = f"{trail}.{name}" if trail else name
        yield path, name, field
        inner = field.inner if isinstance(field, fields.List) else field
        if isinstance(inner, fields.Nested):
            yield from page_fields(inner.schema, path)


def computed_keys(value: Any, form_id: str, key: str = "") -> Iterator[str]:
    """The dotted keys of computed values, down to those kept off the page."""
    if isinstance(value, dict):
        for name, inner in value.items():
            path = f"{key}.{name}" if key else str(name)
            yield path
            if computed_label(form_id, path) is not None:
                yield from computed_keys(inner, form_id, path)
    elif isinstance(value, list):
        yield f"{key}[]"
        for item in value:
            yield from computed_keys(item, form_id, f"{key}[]")


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_every_field_of_the_form_has_a_written_label(form_id):
    spec = next(s for s in all_forms() if s.id == form_id)
    unlabelled = [
        f"{path} ({type(field.parent).__name__})"
        for path, name, field in page_fields(spec.schema())
        if not written_label(field, name)
    ]
    assert not unlabelled, "fields with no label in schemas/labels.py: " + ", ".join(unlabelled)


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_every_list_of_the_form_names_its_items(form_id):
    spec = next(s for s in all_forms() if s.id == form_id)
    unnamed = [
        path
        for path, name, field in page_fields(spec.schema())
        if isinstance(field, fields.List) and not label_of(type(field.parent).__name__, f"{name}[]")
    ]
    assert not unnamed, "lists whose items have no name in schemas/labels.py: " + ", ".join(unnamed)


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_every_value_the_rules_compute_has_a_label_or_is_kept_off_the_page(form_id, example):
    computed = documents.check(form_id, example(form_id)).evaluation.computed
    assert computed, "the example computes nothing: nothing would be checked"
    missing = [
        key
        for key in computed_keys(computed, form_id)
        if not key.endswith("_labels") and computed_label(form_id, key) is MISSING
    ]
    assert not missing, "computed values with no label in computed_labels.py: " + ", ".join(missing)


def test_the_words_that_were_field_names_are_gone():
    spec = next(s for s in all_forms() if s.id == "wtw2")
    labels = {written_label(field, name) for _, name, field in page_fields(spec.schema())}
    assert "Pregnant no other child" not in labels
    assert "Pregnant, with no other child" in labels
