"""Properties every form must have: renders from its example, prints hostile text literally."""

from __future__ import annotations

import re
from typing import Any

import pytest

from schemas.fields import Text
from service.forms import all_forms
from service.rendering.lint import schema_paths
from service.templates_check import check_template
from tests.conftest import HOSTILE

FORM_IDS = [spec.id for spec in all_forms()]


def text_field_paths(schema) -> list[tuple[str, Text]]:
    """Every free-text field as (dotted path with [] for list items, field)."""
    found = []
    for path in schema_paths(schema):
        field: Any = schema
        for part in path.split("."):
            name = part.removesuffix("[]")
            target = field.fields[name] if hasattr(field, "fields") else None
            if target is None:
                break
            inner = getattr(target, "inner", None)
            field = getattr(target, "schema", None) or getattr(inner, "schema", None) or target
        if isinstance(field, Text):
            found.append((path, field))
    return found


def set_path(payload: dict[str, Any], path: str, value: str) -> bool:
    """Set a value at a dotted path; ``[]`` means the first item. False if absent."""
    node: Any = payload
    parts = path.split(".")
    for part in parts[:-1]:
        key = part.removesuffix("[]")
        if not isinstance(node, dict) or node.get(key) in (None, []):
            return False
        node = node[key][0] if part.endswith("[]") else node[key]
    if not isinstance(node, dict):
        return False
    node[parts[-1]] = value
    return True


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_the_example_is_valid_and_renders_with_the_form_identity(form_id, check, render, example):
    result = check(form_id, example(form_id))
    assert result.evaluation.errors == {}
    text = render(form_id, example(form_id))
    spec = result.spec
    assert any(spec.number in line for line in text.headers)
    assert any(f"{spec.number} ({spec.revision})" in line for line in text.footers)
    assert text.title == spec.title


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_no_python_value_leaks_onto_the_form_as_a_word(form_id, render, example):
    words = set(re.findall(r"[A-Za-z]+", render(form_id, example(form_id)).everything))
    # "None" is left out: it is a real caption ("☐ None" for no CalFresh); missing values
    # print blank through the environment's finalize, tested in test_rendering.
    assert not words & {"True", "False"}


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_the_template_uses_only_context_variables_and_prints_every_field(form_id):
    report = check_template(_spec(form_id))
    assert report.undeclared == []
    assert report.unprinted == []
    assert report.example_errors == {}


def _spec(form_id):
    from service.forms import get_form

    return get_form(form_id)


@pytest.mark.parametrize("hostile", HOSTILE)
@pytest.mark.parametrize("form_id", FORM_IDS)
def test_every_free_text_field_comes_out_literally(form_id, hostile, render, example):
    payload = example(form_id)
    expected = {}
    for i, (path, field) in enumerate(text_field_paths(_spec(form_id).schema())):
        value = f"{hostile} #{i}"[-field.max_length :]
        if field.multiline:
            value = f"{hostile}\nline two #{i}"[: field.max_length]
        if set_path(payload, path, value):
            expected[path] = value
    assert expected, "the example fills no free-text field"
    text = render(form_id, payload)
    for path, value in expected.items():
        for line in value.split("\n"):
            assert line in text.everything, f"{path} lost {line!r}"
    name = expected.get("participant.name")
    if name:
        assert any(name in line for line in text.headers), "participant name not in header"
        assert any(name in line for line in text.footers), "participant name not in footer"


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_a_table_row_field_appears_in_the_table(form_id, render, example):
    payload = example(form_id)
    marker = "Row & <value> 漢字"
    rows = [p for p, f in text_field_paths(_spec(form_id).schema()) if "[]" in p]
    if not rows or not set_path(payload, rows[0], marker[:200]):
        pytest.skip("this form has no free-text field in a repeating table")
    text = render(form_id, payload)
    assert any(marker in cell for cell in text.cells)


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_a_control_character_is_refused_with_the_field_named(form_id, check, example):
    payload = example(form_id)
    path, _ = text_field_paths(_spec(form_id).schema())[0]
    assert set_path(payload, path, "bell\x07")
    errors = check(form_id, payload).evaluation.errors
    assert any(key.replace(".0.", "[].") == path or key == path for key in errors), errors


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_an_unknown_field_is_refused(form_id, check, example):
    payload = example(form_id)
    payload["weekly_hours_required"] = 10
    assert "weekly_hours_required" in check(form_id, payload).evaluation.errors
