"""The forms list and the fill page without a browser: who may use them, check, download."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest

from service.extensions import db
from service.forms import all_forms, get_form
from service.models.audit import AuditEvent
from service.models.document import GeneratedDocument
from service.web.form_pages import form_page
from service.web.form_values import flatten
from service.web.slip_form import page_fields
from tests.conftest import read_docx


def fields(form_id: str, payload: dict) -> dict[str, str]:
    """What a browser posts for a form filled with ``payload``: the fields its page shows (the
    50-20e's approval and routing are the workflow's, not on the page)."""
    return flatten(page_fields(get_form(form_id)), payload)


def value_of(page: str, field_id: str) -> str | None:
    found = re.search(rf'<input id="{re.escape(field_id)}" name="[^"]+" value="([^"]*)"', page)
    return html.unescape(found.group(1)) if found else None


def documents_kept(app) -> list[GeneratedDocument]:
    with app.app_context():
        return db.session.query(GeneratedDocument).all()


@pytest.fixture
def ec(page_client):
    return page_client("ec")


@pytest.mark.parametrize("role", ["ec", "supervisor"])
def test_ecs_and_supervisors_see_the_six_forms_each_linking_to_its_page(page_client, role):
    page = page_client(role).get("/forms")
    assert page.status_code == 200
    for spec in all_forms():
        assert f'<a href="/forms/{spec.id}">{spec.number}</a>' in page.text
        assert html.escape(spec.title) in page.text
    assert "Orange" in page.text and "State form (any county)" in page.text


@pytest.mark.parametrize("role", ["clerical", "contractor", "admin"])
@pytest.mark.parametrize("url", ["/forms", "/forms/wtw2"])
def test_other_roles_get_a_403_page(page_client, role, url):
    answer = page_client(role).get(url)
    assert (answer.status_code, answer.mimetype) == (403, "text/html")
    assert "may not fill forms" in answer.text


def test_a_signed_out_visit_leads_to_sign_in(anonymous):
    answer = anonymous.get("/forms/wtw2")
    assert (answer.status_code, answer.location) == (302, "/sign-in?next=/forms/wtw2")


def test_an_unknown_form_answers_a_404_page(ec):
    answer = ec.get("/forms/wtw99")
    assert (answer.status_code, answer.mimetype) == (404, "text/html")


def test_the_example_fills_the_fields(ec):
    page = ec.get("/forms/wtw2?example=1").text
    assert value_of(page, "f-case_number") == "B9R4T62"
    assert value_of(page, "f-participant-name") == "Lucía M. Alvarado"
    assert value_of(page, "f-activities-1-hours_per_week") == "8"
    assert '<option value="vocational_training" selected>' in page
    assert (
        'id="f-household-child_under_six" name="household.child_under_six" value="true" checked'
        in (page)
    )


def test_a_check_shows_the_computed_values(ec, example):
    answer = ec.post("/forms/wtw2", data=fields("wtw2", example("wtw2")) | {"csrf_token": ec.csrf})
    assert answer.status_code == 200
    assert "Checked: no problems found" in answer.text
    assert "<dt>Hours a week required</dt><dd>20</dd>" in answer.text
    assert "<dt>Last day to ask for a change to the plan</dt><dd>11/30/2026</dd>" in answer.text


def test_a_check_with_missing_hours_re_shows_the_form_with_the_message_beside_the_field(
    ec, example
):
    payload = example("wtw2")
    del payload["activities"][1]["hours_per_week"]
    payload["activities"][0]["hours_per_week"] = "twelve"
    form = fields("wtw2", payload) | {"csrf_token": ec.csrf, "_action": "check"}
    answer = ec.post("/forms/wtw2", data=form)
    assert answer.status_code == 422
    page = answer.text
    assert 'id="f-activities-1-hours_per_week-error">Required: fill this in.' in page
    assert (
        'id="f-activities-0-hours_per_week-error">Enter the hours as a number, like 20 or 7.5.'
        in page
    )
    assert '<a href="#f-activities-1-hours_per_week">Activity 2 › Hours per week' in page
    # Everything typed is there again, the wrong value included.
    assert value_of(page, "f-activities-0-hours_per_week") == "twelve"
    assert value_of(page, "f-activities-1-provider") == "South Hayward Community Food Pantry"
    assert "Computed values" not in page


def test_a_rule_error_and_a_warning_land_beside_their_fields(ec, example):
    payload = example("wtw2")
    payload["activities"][0]["end_date"] = "2026-12-01"  # before it starts
    answer = ec.post("/forms/wtw2", data=fields("wtw2", payload) | {"csrf_token": ec.csrf})
    assert answer.status_code == 422
    assert 'id="f-activities-0-end_date-error">' in answer.text


def test_adding_and_removing_an_item_without_scripts_keeps_what_was_typed(ec, example):
    payload = example("wtw2")
    form = fields("wtw2", payload) | {"csrf_token": ec.csrf}
    added = ec.post("/forms/wtw2", data=form | {"_add": "activities"})
    assert added.status_code == 200
    assert "Activity <span data-item-number>3</span>" in added.text
    assert '<select id="f-activities-2-type" name="activities.2.type" required autofocus>' in (
        added.text
    )
    assert value_of(added.text, "f-case_number") == "B9R4T62"
    removed = ec.post("/forms/wtw2", data=form | {"_remove": "activities.0"})
    assert "Activity <span data-item-number>2</span>" not in removed.text
    assert (
        value_of(removed.text, "f-activities-0-provider") == "South Hayward Community Food Pantry"
    )
    assert documents_kept(ec.application) == []


def test_download_docx_gives_the_filled_form_and_keeps_it_in_the_history(app, ec, example):
    form = fields("wtw2", example("wtw2")) | {"csrf_token": ec.csrf, "_action": "docx"}
    answer = ec.post("/forms/wtw2", data=form)
    assert answer.status_code == 200
    assert answer.headers["Content-Disposition"].startswith("attachment; filename=wtw2_B9R4T62_")
    text = read_docx(answer.data).everything
    assert "Lucía M. Alvarado" in text
    assert "Eden Valley Adult School" in text
    kept = documents_kept(app)
    assert [(d.form_id, d.case_number) for d in kept] == [("wtw2", "B9R4T62")]
    assert kept[0].input["activities"][0]["hours_per_week"] == 12
    with app.app_context():
        rows = db.session.query(AuditEvent).filter_by(action="form_pages.submit").all()
    assert [(r.record_type, r.record_id) for r in rows] == [("document", str(kept[0].id))]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_a_download_of_an_invalid_form_re_shows_it_with_the_errors(app, ec, example, fmt):
    payload = example("wtw2")
    payload["case_number"] = "B9"
    form = fields("wtw2", payload) | {"csrf_token": ec.csrf, "_action": fmt}
    answer = ec.post("/forms/wtw2", data=form)
    assert (answer.status_code, answer.mimetype) == (422, "text/html")
    assert 'id="f-case_number-error">Case number must be 7 to 10 letters and digits.' in answer.text
    assert value_of(answer.text, "f-case_number") == "B9"
    assert documents_kept(app) == []


def test_a_post_without_the_csrf_token_is_refused_and_nothing_kept(app, ec, example):
    answer = ec.post("/forms/wtw2", data=fields("wtw2", example("wtw2")) | {"_action": "docx"})
    assert (answer.status_code, answer.mimetype) == (400, "text/html")
    assert "CSRF token is missing" in answer.text
    assert documents_kept(app) == []


def test_form_page_shows_a_payload_with_its_check_for_other_pages(app, example):
    payload = example("42-6")
    payload["est"]["name"] = ""
    with app.test_request_context("/inbox/1/notice"):
        page = form_page("42-6", payload, check=True)
        quiet = form_page("42-6", example("42-6"))
    assert value_of(page, "f-case_number") == payload["case_number"]
    assert 'id="f-est-name-error">Required: fill this in.' in page
    assert "<dt>Good cause period ends</dt>" not in page  # invalid: nothing computed
    assert 'action="/forms/42-6"' in page
    assert "problem" not in quiet and "Computed values" not in quiet


class PostedFields(HTMLParser):
    """What a browser would post from the fill form: inputs, ticked boxes, chosen options."""

    def __init__(self) -> None:
        super().__init__()
        self.posted: dict[str, str] = {}
        self.select: str | None = None
        self.textarea: str | None = None
        self.inside_template = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "template":
            self.inside_template += 1
        if self.inside_template or ("name" not in a and tag != "option"):
            return
        if tag == "input" and a.get("type") not in ("checkbox", "radio"):
            self.posted[a["name"]] = a.get("value", "")
        elif tag == "input" and "checked" in a:
            self.posted[a["name"]] = a["value"]
        elif tag == "select":
            self.select = a["name"]
            self.posted.setdefault(a["name"], "")
        elif tag == "option" and self.select and "selected" in a:
            self.posted[self.select] = a["value"]
        elif tag == "textarea":
            self.textarea = a["name"]
            self.posted[a["name"]] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "template":
            self.inside_template -= 1
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data: str) -> None:
        if self.textarea and not self.inside_template:
            self.posted[self.textarea] += data


@pytest.mark.parametrize("form_id", [spec.id for spec in all_forms()])
def test_each_example_loaded_on_its_page_and_posted_back_checks_clean(ec, form_id, example):
    page = ec.get(f"/forms/{form_id}?example=1").text
    reader = PostedFields()
    reader.feed(page)
    # The page's own fields, as a browser sends them, hold the example and nothing else.
    filled = {name: value for name, value in reader.posted.items() if value}
    assert filled.pop("csrf_token")  # signed with the time: not equal from one second to the next
    assert filled == fields(form_id, example(form_id))
    # A button's name and value travel with them (42-6 and 50-20e have a field "action").
    answer = ec.post(f"/forms/{form_id}", data=reader.posted | {"_action": "check"})
    assert answer.status_code == 200, re.findall(r'class="field-error"[^>]*>([^<]*)', answer.text)
    assert "Checked: no problems found" in answer.text


def test_a_form_with_its_own_action_field_still_downloads(app, ec, example):
    reader = PostedFields()
    reader.feed(ec.get("/forms/42-6?example=1").text)
    assert reader.posted["action"] == "noncompliance_initiated"
    answer = ec.post("/forms/42-6", data=reader.posted | {"_action": "docx"})
    assert answer.status_code == 200
    assert example("42-6")["participant"]["name"] in read_docx(answer.data).everything
    assert [d.form_id for d in documents_kept(app)] == ["42-6"]
