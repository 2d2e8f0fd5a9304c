"""The drafts API: a form saved part-filled, for its owner alone, checked on the way in."""

from __future__ import annotations

import pytest

from service import drafts
from service.extensions import db
from service.models.audit import AuditEvent
from service.models.draft import FormDraft

PARTIAL = {
    "participant": {"name": "Marisol Quintero-Baptiste"},
    "case_number": "C7M3P91",
    "activities": [{"provider": "Eden Valley Adult School", "hours_per_week": 12}],
}


@pytest.fixture
def saved(client) -> dict:
    answer = client.post("/api/v1/drafts", json={"form_id": "wtw2", "payload": PARTIAL})
    assert answer.status_code == 201, answer.json
    return answer.json


def test_an_ec_saves_part_of_a_wtw2_and_reads_it_back(client, saved):
    assert saved["title"] == "Marisol Quintero-Baptiste · C7M3P91"
    again = client.get(f"/api/v1/drafts/{saved['id']}")
    assert again.status_code == 200
    payload = again.json["payload"]
    assert payload["participant"] == {"name": "Marisol Quintero-Baptiste"}
    assert payload["activities"] == [{"provider": "Eden Valley Adult School", "hours_per_week": 12}]
    listed = client.get("/api/v1/drafts").json
    assert [(d["id"], d["form_id"]) for d in listed] == [(saved["id"], "wtw2")]
    assert "payload" not in listed[0]


def test_the_page_fields_are_read_as_the_fill_page_reads_its_form(client):
    fields = {
        "participant.name": "Ana Ruiz",
        "activities.0": "",
        "activities.0.hours_per_week": "12.5",
        "household.two_parent_family": "false",
        "household.child_under_six": "true",
        "not_a_field": "dropped",
    }
    answer = client.post("/api/v1/drafts", json={"form_id": "wtw2", "fields": fields})
    assert answer.status_code == 201, answer.json
    payload = answer.json["payload"]
    assert payload["activities"] == [{"hours_per_week": 12.5}]
    assert payload["household"]["two_parent_family"] is False
    assert payload["household"]["child_under_six"] is True
    assert "not_a_field" not in payload


def test_what_the_form_does_not_ask_for_is_not_kept(client):
    payload = PARTIAL | {"computed": {"requirement_hours": 99}, "owner": "someone else"}
    answer = client.post("/api/v1/drafts", json={"form_id": "wtw2", "payload": payload})
    assert answer.status_code == 201
    assert "computed" not in answer.json["payload"]
    assert "owner" not in answer.json["payload"]


def test_saving_again_replaces_the_content_and_moves_the_time(client, saved):
    changed = {"participant": {"name": "Marisol Quintero"}}
    answer = client.put(f"/api/v1/drafts/{saved['id']}", json={"payload": changed})
    assert answer.status_code == 200
    assert answer.json["payload"]["participant"] == {"name": "Marisol Quintero"}
    assert "case_number" not in answer.json["payload"]
    assert answer.json["title"] == "Marisol Quintero"
    assert answer.json["updated_at"] > saved["updated_at"]
    assert answer.json["created_at"] == saved["created_at"]


def test_a_title_given_is_kept(client):
    body = {"form_id": "42-6", "payload": {}, "title": "Notice for Tuesday"}
    answer = client.post("/api/v1/drafts", json=body)
    assert (answer.status_code, answer.json["title"]) == (201, "Notice for Tuesday")


def test_an_empty_draft_has_a_title_that_says_so(client):
    answer = client.post("/api/v1/drafts", json={"form_id": "wtw2", "fields": {}})
    assert answer.json["title"] == drafts.UNTITLED


@pytest.mark.parametrize("who", ["another EC", "the EC's supervisor"])
def test_nobody_but_the_owner_finds_a_draft(client_as, client_for, saved, who):
    other = client_for("ec.okafor", "ec", unit="U17") if who == "another EC" else None
    other = other or client_as("supervisor")
    url = f"/api/v1/drafts/{saved['id']}"
    assert other.get(url).status_code == 404
    assert other.put(url, json={"payload": {}}).status_code == 404
    assert other.delete(url).status_code == 404
    assert other.get("/api/v1/drafts").json == []


def test_the_owner_deletes_a_draft_and_it_is_gone(app, client, saved):
    url = f"/api/v1/drafts/{saved['id']}"
    assert client.delete(url).status_code == 204
    assert client.get(url).status_code == 404
    with app.app_context():
        assert db.session.query(FormDraft).count() == 0


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"form_id": "wtw2"}, "payload"),
        ({"form_id": "wtw2", "payload": {}, "fields": {}}, "payload"),
        ({"form_id": "wtw2", "payload": ["not", "an", "object"]}, "payload"),
        ({"form_id": "wtw2", "fields": {"participant.name": 7}}, "fields"),
        ({"form_id": "wtw2", "fields": {"participant.name": "x" * 5001}}, "fields"),
        ({"form_id": "wtw2", "fields": {f"f{n}": "" for n in range(2001)}}, "fields"),
        ({"form_id": "no-such-form", "payload": {}}, "form_id"),
        ({"payload": {}}, "form_id"),
        ({"form_id": "wtw2", "payload": {}, "owner_id": 1}, "owner_id"),
        ({"form_id": "wtw2", "payload": {}, "title": "two\nlines"}, "title"),
    ],
)
def test_a_draft_of_the_wrong_shape_is_refused_naming_the_field(app, client, body, field):
    answer = client.post("/api/v1/drafts", json=body)
    assert answer.status_code == 422, answer.json
    named = answer.json["errors"]
    assert any(name == field or name.startswith(field + ".") for name in named), named
    with app.app_context():
        assert db.session.query(FormDraft).count() == 0


def test_a_draft_larger_than_a_draft_holds_is_refused(app, client, monkeypatch):
    monkeypatch.setattr(drafts, "MAX_PAYLOAD_CHARS", 200)
    notes = {"notes": "n" * 300}
    answer = client.post("/api/v1/drafts", json={"form_id": "wtw2", "payload": notes})
    assert answer.status_code == 422
    assert "at most 200 characters" in answer.json["errors"]["payload"][0]
    with app.app_context():
        assert db.session.query(FormDraft).count() == 0


def test_past_the_most_drafts_a_new_one_is_refused_until_one_is_deleted(client, monkeypatch):
    monkeypatch.setattr(drafts, "MAX_DRAFTS", 2)
    made = [client.post("/api/v1/drafts", json={"form_id": "wtw2", "payload": {}}) for _ in "ab"]
    assert [answer.status_code for answer in made] == [201, 201]
    refused = client.post("/api/v1/drafts", json={"form_id": "wtw2", "payload": {}})
    assert refused.status_code == 422
    assert "delete the ones you no longer need" in refused.json["message"] + str(refused.json)
    client.delete(f"/api/v1/drafts/{made[0].json['id']}")
    again = client.post("/api/v1/drafts", json={"form_id": "wtw2", "payload": {}})
    assert again.status_code == 201


def test_every_draft_call_leaves_an_audit_row_naming_the_draft(app, client, client_as, saved):
    draft_id = str(saved["id"])
    client.get(f"/api/v1/drafts/{draft_id}")
    client.put(f"/api/v1/drafts/{draft_id}", json={"payload": {}})
    client_as("supervisor").get(f"/api/v1/drafts/{draft_id}")
    client.delete(f"/api/v1/drafts/{draft_id}")
    with app.app_context():
        rows = db.session.query(AuditEvent).filter_by(record_type="draft").all()
    assert [(r.action, r.role, r.record_id, r.status) for r in rows] == [
        ("drafts.create_draft", "ec", draft_id, 201),
        ("drafts.get_draft", "ec", draft_id, 200),
        ("drafts.update_draft", "ec", draft_id, 200),
        ("drafts.get_draft", "supervisor", draft_id, 404),
        ("drafts.delete_draft", "ec", draft_id, 204),
    ]


def test_the_list_filters_by_form(client, saved):
    client.post("/api/v1/drafts", json={"form_id": "42-6", "payload": {}})
    listed = client.get("/api/v1/drafts?form_id=wtw2").json
    assert [d["id"] for d in listed] == [saved["id"]]
