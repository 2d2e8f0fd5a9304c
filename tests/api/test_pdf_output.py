"""PDF output over HTTP: every form, its values and metadata, fonts, and the 503 answers."""

from __future__ import annotations

import re
import threading

import pytest

from service import documents
from service.forms import all_forms
from service.office import pool_from_config
from tests.conftest import pdf_settings, read_docx, read_pdf

FORM_IDS = [form.id for form in all_forms()]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_every_form_comes_as_a_pdf_that_says_what_its_docx_says(client, pdf, example, form_id):
    payload = example(form_id)
    response = client.post(f"/api/v1/forms/{form_id}/render?format=pdf", json=payload)
    assert response.status_code == 200, response.json
    assert response.mimetype == "application/pdf"
    assert f"{form_id}_{payload['case_number']}_" in response.headers["Content-Disposition"]
    assert ".pdf" in response.headers["Content-Disposition"]
    docx = client.post(f"/api/v1/forms/{form_id}/render", json=payload)
    pdf_text = read_pdf(response.data).text
    # Every word the DOCX prints (labels, typed and computed values) is in the PDF; narrow
    # cells wrap differently on the page (also after a slash), so words are compared.
    words = set(re.split(r"[\s/]+", read_docx(docx.data).everything))
    missing = words - set(re.split(r"[\s/]+", pdf_text))
    assert len(words) > 50 and not missing, sorted(missing)[:10]
    assert payload["case_number"] in pdf_text


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_a_pdf_carries_the_forms_title_and_number_and_embeds_every_font(
    client, pdf, example, form_id
):
    spec = next(form for form in all_forms() if form.id == form_id)
    response = client.post(f"/api/v1/forms/{form_id}/render?format=pdf", json=example(form_id))
    read = read_pdf(response.data)
    assert spec.title in read.title and spec.number in read.title
    assert spec.number in read.subject
    assert read.fonts and all(read.fonts.values()), read.fonts


@pytest.mark.parametrize(
    "name",
    ["Nguyễn Thị Thu Hương", "张伟", "Ольга Смирнова", "Ελένη Παπαδοπούλου", "Renée Æbelø"],
)
def test_names_in_any_script_reach_the_pdf_in_embedded_fonts(client, pdf, example, name):
    payload = example("42-6")
    payload["participant"]["name"] = name
    response = client.post("/api/v1/forms/42-6/render?format=pdf", json=payload)
    assert response.status_code == 200, response.json
    read = read_pdf(response.data)
    assert squeeze(name) in squeeze(read.text)
    assert all(read.fonts.values()), read.fonts


def test_a_pdf_is_kept_in_the_history_and_downloads_again_unchanged(client, pdf, example):
    response = client.post("/api/v1/forms/63-62/render?format=pdf", json=example("63-62"))
    again = client.get(response.headers["Content-Location"])
    assert again.status_code == 200
    assert again.mimetype == "application/pdf"
    assert again.data == response.data


def test_without_libreoffice_pdf_answers_503_saying_what_to_install_and_docx_still_works(
    app, client, example
):
    app.extensions["office"] = pool_from_config(pdf_settings(soffice="/nonexistent/soffice"))
    response = client.post("/api/v1/forms/wtw2/render?format=pdf", json=example("wtw2"))
    assert response.status_code == 503
    assert "libreoffice-writer-nogui" in response.json["message"]
    assert client.post("/api/v1/forms/wtw2/render", json=example("wtw2")).status_code == 200
    assert client.get("/api/v1/health").json == {"status": "ok", "pdf": "unavailable"}


def test_an_invalid_form_is_refused_before_any_conversion(app, client, example):
    app.extensions["office"] = pool_from_config(pdf_settings(soffice="/nonexistent/soffice"))
    payload = example("wtw2") | {"case_number": ""}
    response = client.post("/api/v1/forms/wtw2/render?format=pdf", json=payload)
    assert response.status_code == 422
    assert "case_number" in response.json["errors"]


def test_a_request_beyond_the_queue_gets_503_with_retry_after_at_once(app, client, example):
    pool = pool_from_config(pdf_settings(workers=1, queue=0))
    app.extensions["office"] = pool
    try:
        pool.convert(documents.render("42-6", example("42-6")).content, {})  # warm
        big = _slow_document(example)
        busy = threading.Thread(target=pool.convert, args=(big, {}))
        busy.start()
        while pool.status()["idle"]:
            pass  # until the worker has taken the long document
        response = client.post("/api/v1/forms/42-6/render?format=pdf", json=example("42-6"))
        busy.join()
    finally:
        pool.close()
    assert response.status_code == 503
    assert response.headers["Retry-After"].isdigit()
    assert "busy" in response.json["message"]


def _slow_document(example) -> bytes:
    from service.rendering.sections import render_sections

    result = documents.check("50-20e", example("50-20e"))
    template = documents.compiled_template(result.spec)
    return render_sections(template, [documents.build_context(result)] * 40)
