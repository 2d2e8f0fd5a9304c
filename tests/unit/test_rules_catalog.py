"""Every rule names its source, and `wtwforms rules` lists them all."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from service.cli import cli
from service.forms import all_forms
from service.rules.catalog import catalog, sources_in


@pytest.mark.parametrize(
    ("docstring", "sources"),
    [
        ("WIC 11322.8(a)(1): twenty hours.", ("WIC 11322.8(a)(1)",)),
        ("Up to 16 hours, 45 CFR 261.60(b).", ("45 CFR 261.60(b)",)),
        ("Handbook 42-7.38 II.B: within a week.", ("Handbook 42-7.38 II.B",)),
        ("Orange County policy 289, step 19.", ("policy 289",)),
        ("Gov. Code 7290-7299.8 and WIC 11327.4", ("Gov. Code 7290-7299.8", "WIC 11327.4")),
        ("The clock ended with AB 79.", ("AB 79",)),
        ("A helper with no source.", ()),
    ],
)
def test_a_docstring_s_sources_are_found_in_the_forms_they_are_written(docstring, sources):
    assert sources_in(docstring) == sources


def test_every_rule_names_its_source_in_its_docstring():
    nameless = [found.name for found in catalog() if not found.sources]
    assert nameless == []


def test_every_form_and_the_aor_have_rules_listed():
    applies = {place for found in catalog() for place in found.applies_to}
    assert {form.id for form in all_forms()} | {"aor"} <= applies


def test_the_rules_command_lists_each_rule_with_its_source_and_where_it_applies():
    result = CliRunner().invoke(cli, ["rules", "--json"])
    assert result.exit_code == 0, result.output
    listed = {entry["name"]: entry for entry in json.loads(result.output)}
    excused = listed["service.aor.excused.countable_excused"]
    assert "45 CFR 261.60(b)" in excused["sources"]
    assert excused["applies_to"] == ["aor"]
    text = CliRunner().invoke(cli, ["rules"]).output
    assert "service.aor.excused.countable_excused" in text
    assert "source: 45 CFR 261.60(b)" in text
