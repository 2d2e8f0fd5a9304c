"""Drafts and past documents on the pages: listed, opened, deleted, and a WTW 2 amended."""

from __future__ import annotations

import html
import re

import pytest

from service.extensions import db
from service.models.draft import FormDraft
from tests.api.test_form_fill_pages import PostedFields, value_of


@pytest.fixture
def ec(page_client):
    return page_client("ec")


def draft_ids(app) -> list[int]:
    with app.app_context():
        return [d.id for d in db.session.query(FormDraft).order_by(FormDraft.id)]


def checked(page: str, name: str) -> str | None:
    found = re.search(rf'name="{re.escape(name)}" value="([^"]*)"[^>]* checked', page)
    return found.group(1) if found else None


def test_save_draft_without_scripts_keeps_the_form_and_saves_to_the_same_draft_again(app, ec):
    form = {"csrf_token": ec.csrf, "_action": "draft", "participant.name": "Ana Ruiz"}
    first = ec.post("/forms/wtw2", data=form)
    assert first.status_code == 200
    assert "Draft saved. It is listed on the Forms page." in first.text
    assert value_of(first.text, "f-participant-name") == "Ana Ruiz"
    [draft_id] = draft_ids(app)
    assert f'name="_draft" id="draft-id" value="{draft_id}"' in first.text
    again = ec.post("/forms/wtw2", data=form | {"_draft": str(draft_id), "case_number": "C7M3P91"})
    assert again.status_code == 200
    assert draft_ids(app) == [draft_id]
    with app.app_context():
        assert db.session.get(FormDraft, draft_id).payload["case_number"] == "C7M3P91"


def test_a_check_keeps_the_draft_the_page_saves_to(ec):
    answer = ec.post("/forms/wtw2", data={"csrf_token": ec.csrf, "_draft": "41"})
    assert answer.status_code == 422
    assert 'name="_draft" id="draft-id" value="41"' in answer.text


def test_the_forms_page_lists_the_ecs_own_drafts_to_open_or_delete(client, client_as, ec, example):
    mine = client.post("/api/v1/drafts", json={"form_id": "wtw2", "payload": example("wtw2")})
    client_as("supervisor").post("/api/v1/drafts", json={"form_id": "42-6", "payload": {}})
    page = ec.get("/forms").text
    assert page.count('<tr id="draft-') == 1
    assert html.escape("Lucía M. Alvarado · ALVARADO, LUCIA M · B9R4T62") in page
    assert f'href="/forms/wtw2?draft={mine.json["id"]}"' in page
    assert f'action="/forms/drafts/{mine.json["id"]}/delete"' in page
    assert 'data-confirm="Delete the draft' in page


def test_a_page_with_no_drafts_says_so(ec):
    assert "No drafts." in ec.get("/forms").text


def test_a_draft_opens_with_everything_it_holds(client, ec, example):
    saved = client.post("/api/v1/drafts", json={"form_id": "wtw2", "payload": example("wtw2")})
    page = ec.get(f"/forms/wtw2?draft={saved.json['id']}")
    assert page.status_code == 200
    assert value_of(page.text, "f-participant-name") == "Lucía M. Alvarado"
    assert value_of(page.text, "f-activities-1-provider") == "South Hayward Community Food Pantry"
    assert f'name="_draft" id="draft-id" value="{saved.json["id"]}"' in page.text


def test_another_persons_draft_does_not_open_and_is_not_deleted(app, client_for, ec, client):
    saved = client.post("/api/v1/drafts", json={"form_id": "wtw2", "payload": {}}).json
    other = client_for("ec.okafor", "ec", unit="U17")  # by token: no CSRF field needed
    assert other.get(f"/forms/wtw2?draft={saved['id']}").status_code == 404
    assert ec.get(f"/forms/42-6?draft={saved['id']}").status_code == 404  # not this form's
    assert other.post(f"/forms/drafts/{saved['id']}/delete").status_code == 404
    assert draft_ids(app) == [saved["id"]]


def test_the_owner_deletes_a_draft_from_the_forms_page(app, client, ec):
    saved = client.post("/api/v1/drafts", json={"form_id": "wtw2", "payload": {}}).json
    answer = ec.post(f"/forms/drafts/{saved['id']}/delete", data={"csrf_token": ec.csrf})
    assert (answer.status_code, answer.location) == (303, "/forms")
    assert "The draft was deleted." in ec.get("/forms").text
    assert draft_ids(app) == []


def test_load_example_and_start_again_ask_first_when_something_is_filled(ec):
    page = ec.get("/forms/wtw2").text
    for link in ("Load example", "Start again, empty"):
        tag = re.search(rf"<a [^>]*>{re.escape(link)}</a>", page).group(0)
        assert 'data-confirm="' in tag and 'data-confirm-if-filled="fill-form"' in tag
    assert "confirm.js" in page


def test_disabling_an_account_asks_first(page_client):
    page = page_client("admin").get("/admin/accounts").text
    assert re.search(
        r'<button type="submit" class="danger" data-confirm="Disable ec\.rivera\?', page
    )


def test_signed_in_pages_carry_the_session_warning_with_the_idle_limit(ec, anonymous):
    page = ec.get("/forms").text
    assert 'data-idle-seconds="1800"' in page and 'data-warn-seconds="300"' in page
    assert "session.js" not in anonymous.get("/sign-in").text


@pytest.fixture
def past_plan(app, client, example) -> int:
    """A WTW 2 the EC made before (the example: an amended plan dated 11/23/2026)."""
    answer = client.post("/api/v1/forms/wtw2/render?format=docx", json=example("wtw2"))
    assert answer.status_code == 200
    return int(answer.headers["Content-Location"].split("/")[-2])


def test_each_past_document_offers_a_new_form_from_it(ec, past_plan):
    page = ec.get("/documents").text
    assert f'href="/forms/wtw2?from_document={past_plan}">Start a new form from this' in page


def test_a_wtw2_started_from_a_past_plan_is_its_amendment(ec, past_plan):
    page = ec.get(f"/forms/wtw2?from_document={past_plan}")
    assert page.status_code == 200
    assert "Amends the plan dated 11/23/2026." in page.text
    assert checked(page.text, "plan_type") == "amended"
    assert value_of(page.text, "f-amends_plan_dated") == "2026-11-23"
    assert value_of(page.text, "f-plan_date") == ""
    assert 'name="amendment_reason"' in page.text
    assert "Completed Job Search" not in page.text  # the old reason is not this one's
    assert value_of(page.text, "f-participant-name") == "Lucía M. Alvarado"
    assert value_of(page.text, "f-activities-0-provider") == "Eden Valley Adult School"


def test_the_amendment_checks_clean_once_dated_and_explained(ec, past_plan):
    reader = PostedFields()
    reader.feed(ec.get(f"/forms/wtw2?from_document={past_plan}").text)
    given = {"plan_date": "2026-11-30", "amendment_reason": "Moved to an evening class."}
    answer = ec.post("/forms/wtw2", data=reader.posted | given | {"_action": "check"})
    assert answer.status_code == 200, re.findall(r'class="field-error"[^>]*>([^<]*)', answer.text)


def test_another_ecs_document_does_not_open_as_a_form(client_for, past_plan):
    other = client_for("ec.okafor", "ec", unit="U17")
    assert other.get(f"/forms/wtw2?from_document={past_plan}").status_code == 404
