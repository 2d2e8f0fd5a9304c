"""The OpenAPI document validates, describes every answer, and the app keeps to it."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openapi_spec_validator import validate
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from service.forms import all_forms
from service.openapi import CSV, DOCX, PDF

# Few examples an operation: about 40 operations run in under a minute on 2 cores.
EXAMPLES = 10
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]
# The roles tried, in order, for each operation: the first one it does not refuse calls it.
ROLES = ("ec", "clerical", "supervisor", "admin", "contractor")


@pytest.fixture
def spec(client) -> dict[str, Any]:
    document = client.get("/api/v1/openapi.json")
    assert document.status_code == 200
    return dict(document.json)


def operations(spec: dict[str, Any]):
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            if method != "parameters":
                yield f"{method.upper()} {path}", operation


def test_the_openapi_document_passes_the_openapi_3_validator(spec):
    validate(spec)


def test_decimal_bounds_are_json_numbers(spec):
    hours = spec["components"]["schemas"]["ConcurrentActivity"]["properties"]["hours_per_week"]
    assert (hours["minimum"], hours["maximum"]) == (0, 168)
    assert isinstance(hours["maximum"], int)


def test_every_answer_the_document_lists_has_a_schema(spec):
    responses = spec["components"]["responses"]
    missing = []
    for name, operation in operations(spec):
        assert any(status.startswith("2") for status in operation["responses"]), name
        for status, answer in operation["responses"].items():
            answer = responses.get(answer.get("$ref", "").rsplit("/", 1)[-1], answer)
            if status == "204":
                continue
            media = answer.get("content", {})
            if not media or not all("schema" in m for m in media.values()):
                missing.append(f"{name} {status}")
    assert missing == []


@pytest.mark.parametrize(
    ("name", "types"),
    [
        ("POST /api/v1/forms/{form_id}/render", {DOCX, PDF}),
        ("GET /api/v1/documents/{document_id}/file", {DOCX, PDF}),
        ("GET /api/v1/slips/{slip_id}/document", {DOCX, PDF}),
        ("POST /api/v1/slips/print", {PDF}),
        ("GET /api/v1/aors/export.csv", {CSV}),
        ("GET /api/v1/aors/blank", {PDF}),
        ("GET /api/v1/aors/{aor_id}/file", {PDF}),
        ("GET /api/v1/aors/{aor_id}/original", {PDF}),
    ],
)
def test_each_download_declares_its_file_types(spec, name, types):
    found = dict(operations(spec))[name]["responses"]["200"]["content"]
    assert set(found) == types


def test_a_method_a_url_does_not_take_answers_405_naming_the_ones_it_does(client, page_client):
    answer = client.delete("/api/v1/forms")
    assert answer.status_code == 405
    assert set(answer.headers["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
    assert answer.json["message"]
    browser = page_client("ec")
    page = browser.put("/sign-in", headers={"X-CSRFToken": browser.csrf})
    assert page.status_code == 405
    assert "GET" in page.headers["Allow"]


@pytest.fixture
def known(client_as, ec_aor, example) -> dict[str, list[Any]]:
    """Path values that name something: a form, a document, an AOR and a slip (fictional)."""
    ec = client_as("ec")
    document = ec.post("/api/v1/forms/42-6/render?format=docx", json=example("42-6"))
    slip = ec.post("/api/v1/slips", json=example("50-20e") | {"supervisor": None, "clerical": None})
    assert document.status_code == 200 and slip.status_code == 201, slip.json
    return {
        "form_id": [form.id for form in all_forms()],
        "document_id": [int(document.headers["Content-Location"].split("/")[-2])],
        "aor_id": [ec_aor("aor-101-000-grid")["id"]],
        "slip_id": [slip.json["id"]],
    }


def test_schemathesis_finds_no_server_error_and_no_answer_outside_the_document(
    app, pdf, tokens, known
):
    started = time.monotonic()
    headers = {role: {"Authorization": f"Bearer {token}"} for role, token in tokens.items()}
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app, headers=headers["ec"])
    failures: list[str] = []
    answered: list[int] = []
    every = [result.ok() for result in schema.get_all_operations()]
    # Signing out ends the EC's session (its token too): last, or every later call is a 401.
    every.sort(key=lambda operation: operation.label == "DELETE /api/v1/session")
    for operation in every:
        role = _role_for(app, operation, headers)
        assert role is not None, f"no role may call {operation.label}"
        before = len(answered)
        failures += _exercise(operation, headers[role], answered, known)
        print(operation.label, role, sorted(answered[before:]))
    assert failures == [], "\n".join(failures)
    assert sum(200 <= status < 300 for status in answered) > len(answered) / 4
    assert time.monotonic() - started < 180


def _role_for(app, operation, headers: dict[str, dict[str, str]]) -> str | None:
    """The first role the operation does not refuse (403) an empty call from."""
    path = re.sub(r"{\w+}", "1", operation.path)  # any value: the role is checked first
    client = app.test_client()
    for role in ROLES:
        url = "/api/v1" + path.removeprefix("/api/v1")
        answer = client.open(url, method=operation.method.upper(), headers=headers[role])
        if answer.status_code != 403:
            return role
    return None


def _strategy(operation, known: dict[str, list[Any]]):
    """Generated cases, half of them naming a record that exists (else nearly all are 404)."""
    names = [name for name in re.findall(r"{(\w+)}", operation.path) if name in known]
    if not names:
        return operation.as_strategy()
    named = [
        operation.as_strategy(path_parameters={name: value})
        for name in names
        for value in known[name]
    ]
    return st.one_of(operation.as_strategy(), st.one_of(named))


def _exercise(
    operation, headers: dict[str, str], answered: list[int], known: dict[str, list[Any]]
) -> list[str]:
    failures: list[str] = []

    @given(case=_strategy(operation, known))
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def run(case) -> None:
        response = case.call(headers=headers)
        answered.append(response.status_code)
        try:
            case.validate_response(response, checks=CHECKS)
        except (Exception, BaseExceptionGroup) as exc:  # collected: every operation reported
            for failure in getattr(exc, "exceptions", [exc]):
                summary = f"{operation.label}: {_first_lines(failure)}"
                if summary not in failures:
                    failures.append(summary)

    run()
    return failures


def _first_lines(failure: BaseException) -> str:
    lines = [line.strip() for line in str(failure).splitlines() if line.strip()]
    return " / ".join(lines[:2])
