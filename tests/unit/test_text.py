"""Text the service can encode and print: surrogates found or replaced, JSON depth counted."""

from __future__ import annotations

import json

import pytest

from service import documents
from service.text import (
    json_deeper_than,
    printable,
    surrogate_path,
    without_surrogates,
    xml_text,
)
from tests.conftest import TODAY, read_docx


def test_a_lone_surrogate_is_replaced_so_the_text_encodes():
    assert without_surrogates("Jos\ud800\udfff") == "Jos\ufffd\ufffd"
    assert without_surrogates("Jos\U0001f600").encode() == "Jos😀".encode()  # a real pair stays


def test_xml_text_replaces_what_xml_cannot_carry_but_keeps_tabs_and_newlines():
    assert xml_text("a\x00b\x0bc\ud800\ufffe\t\n") == "a\ufffdb\ufffdc\ufffd\ufffd\t\n"


def test_printable_keeps_markup_markup():
    from markupsafe import Markup

    cleaned = printable(Markup("<b>\ud800</b>"))
    assert isinstance(cleaned, Markup) and cleaned == Markup("<b>\ufffd</b>")
    assert printable(7) == 7


def test_the_path_of_a_surrogate_names_lists_by_index_and_keys_by_name():
    value = {"participants": [{"name": "ok"}, {"name": "bad\ud800"}]}
    assert surrogate_path(value) == "participants.1.name"
    assert surrogate_path({"k\udc00": 1}) == "k\ufffd"
    assert surrogate_path(["fine", {"a": [1, None, True]}]) is None


@pytest.mark.parametrize(
    ("text", "deeper"),
    [
        ("[" * 64 + "]" * 64, False),
        ("[" * 65 + "]" * 65, True),
        (json.dumps(["[" * 500]), False),  # brackets inside a string
        (json.dumps(['\\"' + "{" * 500]), False),  # an escaped quote does not end the string
        ('{"a": ' * 65 + "1" + "}" * 65, True),
        ("[]" * 1000, False),  # many, side by side
        ("[" * 200_000, True),  # unbalanced: still counted, never parsed
    ],
)
def test_json_depth_is_counted_without_parsing(text, deeper):
    assert json_deeper_than(text, 64) is deeper


def test_a_document_filled_with_what_xml_cannot_carry_still_opens():
    # A stored payload older than the schema's checks: the template prints it as U+FFFD.
    result = documents.check("42-6", documents.example("42-6"), TODAY)
    context = documents.build_context(result)
    context["participant"]["name"] = "Marisol\x0b Ortega\x01-Reyes\ud800"
    content = documents.compiled_template(result.spec).render(context)
    assert "Marisol\ufffd Ortega\ufffd-Reyes\ufffd" in read_docx(content).everything
