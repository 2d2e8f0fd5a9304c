"""PDF output over HTTP: every form, its values and metadata, fonts, and the 503 answers."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from typing import Any

import pytest

from service import documents, i18n
from service.forms import all_forms
from service.office import pool_from_config
from tests.conftest import pdf_settings, read_docx, read_pdf

FORM_IDS = [form.id for form in all_forms()]
# Each form in each language it is printed in: the participant forms in four.
FORM_LANGUAGES = [(form_id, lang) for form_id in FORM_IDS for lang in i18n.languages_of(form_id)]
# Chinese is written without spaces, so a line may wrap anywhere: each character is a word.
_HAN = re.compile(r"([\u3000-\u303f\u3400-\u9fff\uff00-\uffef])")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def words(text: str) -> set[str]:
    return {w for w in re.split(r"[\s/]+", _HAN.sub(r" \1 ", text)) if w}


@pytest.mark.parametrize(("form_id", "language"), FORM_LANGUAGES)
def test_every_form_comes_as_a_pdf_that_says_what_its_docx_says(
    client, pdf, example, form_id, language
):
    payload = example(form_id)
    if language != i18n.ENGLISH:
        payload["language"] = language
    response = client.post(f"/api/v1/forms/{form_id}/render?format=pdf", json=payload)
    assert response.status_code == 200, response.json
    assert response.mimetype == "application/pdf"
    assert f"{form_id}_{payload['case_number']}_" in response.headers["Content-Disposition"]
    assert ".pdf" in response.headers["Content-Disposition"]
    docx = client.post(f"/api/v1/forms/{form_id}/render", json=payload)
    pdf_text = read_pdf(response.data).text
    # Every word the DOCX prints (labels, typed and computed values) is in the PDF; narrow
    # cells wrap differently on the page (also after a slash), so words are compared.
    printed = words(read_docx(docx.data).everything)
    missing = printed - words(pdf_text)
    assert len(printed) > 50 and not missing, sorted(missing)[:10]
    assert payload["case_number"] in pdf_text


@pytest.mark.parametrize(("form_id", "language"), FORM_LANGUAGES)
def test_a_pdf_carries_the_forms_title_and_number_and_embeds_every_font(
    client, pdf, example, form_id, language
):
    spec = next(form for form in all_forms() if form.id == form_id)
    payload = example(form_id)
    if language != i18n.ENGLISH:
        payload["language"] = language
    response = client.post(f"/api/v1/forms/{form_id}/render?format=pdf", json=payload)
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
    health = client.get("/api/v1/health").json
    assert (health["status"], health["pdf"]["state"]) == ("ok", "unavailable")


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


@pytest.mark.parametrize(
    ("language", "heading", "draft"),
    [
        ("es", "PLAN DE WELFARE-TO-WORK – ASIGNACIÓN DE ACTIVIDADES", "BORRADOR DE TRADUCCIÓN"),
        ("vi", "KẾ HOẠCH WELFARE-TO-WORK – PHÂN CÔNG HOẠT ĐỘNG", "BẢN DỊCH NHÁP"),
        ("zh-Hant", "WELFARE-TO-WORK 計劃 – 活動分派", "翻譯草稿，尚未經郡政府核准"),
    ],
)
def test_a_translated_plan_reaches_the_pdf_in_its_script_marked_draft(
    client, pdf, example, language, heading, draft
):
    payload = example("wtw2") | {"language": language}
    response = client.post("/api/v1/forms/wtw2/render?format=pdf", json=payload)
    assert response.status_code == 200, response.json
    text = squeeze(read_pdf(response.data).text)
    assert squeeze(heading) in text
    assert squeeze(draft) in text
    assert squeeze("DRAFT TRANSLATION, not yet approved by the county") in text


def _with_computed_sentences(
    example: Callable[[str], dict[str, Any]], form_id: str
) -> dict[str, Any]:
    """A payload whose form prints every sentence the rules compute with a date in it."""
    payload = example(form_id)
    if form_id == "63-62":
        # 30 days after 10/27 is Thanksgiving: the respond-by date moves and says why.
        return payload | {"calfresh_type": "nacf", "notice_date": "2026-10-27"}
    payload.update(plan_type="initial", amendment_reason=None, amends_plan_dated=None)
    # 30 days after Friday 11/27 is a Sunday; Mateo turns 6 during the plan.
    payload["activities"] = [
        payload["activities"][0]
        | {"type": "adult_basic_education", "hours_per_week": 20, "start_date": "2026-11-27"}
    ]
    payload["household"] = {
        "two_parent_family": False,
        "child_under_six": True,
        "children": [{"name": "Mateo Alvarado", "birth_date": "2021-03-14"}],
    }
    payload["plan_due_from"] = {"event": "job_search_completed", "date": "2026-10-01"}
    return payload


@pytest.mark.parametrize(
    ("form_id", "language"), [(f, lang) for f in ("wtw2", "63-62") for lang in i18n.LOCALES]
)
def test_the_closed_day_and_household_sentences_reach_the_pdf_in_each_language(
    client, pdf, example, form_id, language
):
    payload = _with_computed_sentences(example, form_id) | {"language": language}
    response = client.post(f"/api/v1/forms/{form_id}/render?format=pdf", json=payload)
    assert response.status_code == 200, response.json
    docx = read_docx(client.post(f"/api/v1/forms/{form_id}/render", json=payload).data)
    values = [c.partition("\n")[2] for c in docx.cells]
    assert any(re.search(r"2026[^\n]*[(（]", v) for v in values), "no closed-day fact printed"
    missing = words(docx.everything) - words(read_pdf(response.data).text)
    assert not missing, sorted(missing)[:10]
