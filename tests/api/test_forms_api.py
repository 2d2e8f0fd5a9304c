"""The forms API over HTTP, through the Flask test client."""

from __future__ import annotations

import io
import re

import pytest

from service.forms import all_forms
from tests.conftest import read_docx

FORM_IDS = [spec.id for spec in all_forms()]


def test_the_form_list_names_every_form_with_id_and_title(client):
    response = client.get("/api/v1/forms")
    assert response.status_code == 200
    assert [f["id"] for f in response.json] == FORM_IDS
    assert all(f["title"] and f["number"] for f in response.json)


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_a_form_is_described_with_title_county_and_json_schema(client, form_id):
    body = client.get(f"/api/v1/forms/{form_id}").json
    assert body["id"] == form_id
    assert body["title"]
    assert "county" in body
    schema = body["json_schema"]
    assert schema["type"] == "object"
    assert "case_number" in schema["properties"]
    assert "$ref" not in str(schema), "the JSON schema must be self-contained"


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_the_example_checks_valid_with_computed_values(client, form_id):
    example = client.get(f"/api/v1/forms/{form_id}/example").json
    response = client.post(f"/api/v1/forms/{form_id}/check", json=example)
    assert response.status_code == 200, response.json
    assert response.json["valid"] is True
    assert response.json["errors"] == {}
    assert isinstance(response.json["computed"], dict)


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_rendering_returns_a_docx_attachment_named_after_form_case_and_date(client, form_id):
    example = client.get(f"/api/v1/forms/{form_id}/example").json
    response = client.post(f"/api/v1/forms/{form_id}/render?format=docx", json=example)
    assert response.status_code == 200
    assert response.mimetype.endswith("wordprocessingml.document")
    disposition = response.headers["Content-Disposition"]
    name = rf"{re.escape(form_id)}_{example['case_number']}_\d{{4}}-\d\d-\d\d\.docx"
    assert re.search(rf"attachment; filename={name}", disposition)
    text = read_docx(response.data)
    assert example["case_number"] in text.everything


def test_an_invalid_payload_is_refused_with_every_failing_field(client, example):
    payload = example("42-6")
    del payload["notice_date"]
    payload["case_number"] = "12"
    payload["participant"]["cin"] = "ABC"
    response = client.post("/api/v1/forms/42-6/check", json=payload)
    assert response.status_code == 422
    errors = response.json["errors"]
    assert set(errors) >= {"notice_date", "case_number", "participant.cin"}
    assert "message" in response.json


def test_rendering_an_invalid_payload_answers_422_and_no_document(client, example):
    payload = example("42-6")
    payload["action"] = "sanction_imposed"
    payload["noa_date"] = None
    response = client.post("/api/v1/forms/42-6/render", json=payload)
    assert response.status_code == 422
    assert response.mimetype == "application/json"
    assert "noa_date" in response.json["errors"]


def test_an_unknown_form_answers_404_with_a_message(client):
    response = client.get("/api/v1/forms/wtw99")
    assert response.status_code == 404
    assert "wtw99" in response.json["message"]


def test_an_unknown_format_is_refused_naming_the_parameter(client, example):
    response = client.post("/api/v1/forms/42-6/render?format=odt", json=example("42-6"))
    assert response.status_code == 422
    assert "format" in response.json["errors"]


def test_a_body_that_is_not_json_gets_a_clear_400(client):
    response = client.post(
        "/api/v1/forms/42-6/check", data="{not json", content_type="application/json"
    )
    assert response.status_code == 400
    assert "not valid JSON" in response.json["message"]


def test_a_body_without_the_json_content_type_gets_a_clear_400(client):
    response = client.post("/api/v1/forms/42-6/check", data="case=1")
    assert response.status_code == 400
    assert "application/json" in response.json["message"]


def test_a_body_over_the_size_limit_answers_413_in_json(client):
    big = io.BytesIO(b"[" + b"1," * 1_500_000 + b"1]")
    response = client.post("/api/v1/forms/42-6/check", data=big, content_type="application/json")
    assert response.status_code == 413
    assert "larger" in response.json["message"]


def test_the_openapi_document_describes_every_form_schema(client):
    spec = client.get("/api/v1/openapi.json").json
    assert "/api/v1/forms/{form_id}/render" in spec["paths"]
    for form_id in FORM_IDS:
        assert form_id in spec["components"]["schemas"]
    summary = spec["paths"]["/api/v1/forms"]["get"]["summary"]
    assert summary == "List the forms the service fills."


def test_the_docs_page_loads_its_assets_from_this_service_only(client):
    page = client.get("/api/v1/docs")
    assert page.status_code == 200
    sources = re.findall(rb'(?:src|href)="([^"]+)"', page.data)
    assert sources
    for source in sources:
        assert source.startswith(b"/api/v1/docs/assets/"), source
        assert client.get(source.decode()).status_code == 200


def test_the_health_check_answers_ok_and_says_whether_pdf_output_is_ready(client, pdf):
    health = client.get("/api/v1/health").json
    assert (health["status"], health["pdf"]["state"]) == ("ok", "ready")
