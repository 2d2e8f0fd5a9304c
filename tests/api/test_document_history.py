"""Document history: every rendered form is kept, and read back only by those who may see it."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from service.auth import accounts
from service.extensions import db
from service.models.audit import AuditEvent
from service.models.document import GeneratedDocument
from tests.conftest import read_docx

RENDER = "/api/v1/forms/42-6/render"
LIST = "/api/v1/documents"


def render(client, payload, form_id="42-6"):
    response = client.post(f"/api/v1/forms/{form_id}/render", json=payload)
    assert response.status_code == 200, response.json
    return response


def only_document(client) -> dict:
    listed = client.get(LIST).json
    assert len(listed) == 1, listed
    return listed[0]


def stored_files(app) -> list[Path]:
    root = Path(app.config["DATA_DIR"]) / "documents"
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_a_rendered_form_downloads_again_byte_for_byte(app, client, example):
    rendered = render(client, example("42-6"))
    document = only_document(client)
    again = client.get(f"{LIST}/{document['id']}/file")
    assert again.status_code == 200
    assert again.data == rendered.data
    assert again.headers["Content-Disposition"] == rendered.headers["Content-Disposition"]
    assert again.mimetype == rendered.mimetype
    assert "B4C7Q21" in read_docx(again.data).everything
    assert document["sha256"] == hashlib.sha256(rendered.data).hexdigest()
    assert document["size"] == len(rendered.data)
    assert [p.name for p in stored_files(app)] == [document["sha256"]]


def test_the_render_answer_says_where_the_kept_document_is(client, example):
    rendered = render(client, example("42-6"))
    document = only_document(client)
    assert rendered.headers["Content-Location"] == f"{LIST}/{document['id']}/file"


def test_the_kept_input_is_the_payload_as_sent(app, client, example):
    payload = example("42-6")
    payload["case_number"] = "b4c7q21"  # kept as typed; the case number column is upper case
    render(client, payload)
    detail = client.get(f"{LIST}/{only_document(client)['id']}").json
    assert detail["input"] == payload
    assert detail["form_id"] == "42-6"
    assert detail["case_number"] == "B4C7Q21"
    with app.app_context():
        ec = accounts.get_user(db.session, "ec.rivera")
        assert detail["user_id"] == ec.id


def test_the_list_is_newest_first_and_filtered_by_form_and_case(client, example):
    first, second = example("42-6"), example("42-6")
    second["case_number"] = "Z9Y8X76"
    render(client, first)
    render(client, second)
    render(client, example("63-62"), "63-62")
    listed = client.get(LIST).json
    assert [d["form_id"] for d in listed] == ["63-62", "42-6", "42-6"]
    assert [d["case_number"] for d in listed[1:]] == ["Z9Y8X76", "B4C7Q21"]
    by_form = client.get(f"{LIST}?form_id=42-6").json
    assert {d["case_number"] for d in by_form} == {"Z9Y8X76", "B4C7Q21"}
    by_case = client.get(f"{LIST}?case_number=z9y8x76").json
    assert [(d["form_id"], d["case_number"]) for d in by_case] == [("42-6", "Z9Y8X76")]
    assert "input" not in listed[0]


def test_an_ec_sees_only_the_documents_they_generated(client, client_for, example):
    colleague = client_for("ec.okafor", "ec", unit="U17")
    render(colleague, example("42-6"))
    theirs = only_document(colleague)
    assert client.get(LIST).json == []
    # Another's document answers exactly as one that does not exist.
    for path in (f"{LIST}/{theirs['id']}", f"{LIST}/{theirs['id']}/file"):
        answer = client.get(path)
        assert answer.status_code == 404
        assert answer.json["message"] == f"no generated document with id {theirs['id']}"
    render(client, example("42-6"))
    assert only_document(client)["id"] != theirs["id"]


def test_a_supervisor_sees_the_documents_of_their_units_users(client_as, client_for, example):
    render(client_as("ec"), example("42-6"))  # unit U17, the supervisor's
    elsewhere = client_for("ec.okafor", "ec", unit="U22")
    render(elsewhere, example("63-62"), "63-62")
    outside = only_document(elsewhere)
    supervisor = client_as("supervisor")
    inside = only_document(supervisor)
    assert inside["form_id"] == "42-6"
    assert supervisor.get(f"{LIST}/{inside['id']}").status_code == 200
    assert supervisor.get(f"{LIST}/{inside['id']}/file").status_code == 200
    assert supervisor.get(f"{LIST}/{outside['id']}").status_code == 404
    assert supervisor.get(f"{LIST}/{outside['id']}/file").status_code == 404


def test_an_unknown_document_answers_404(client):
    assert client.get(f"{LIST}/999").status_code == 404
    assert client.get(f"{LIST}/999/file").status_code == 404


@pytest.mark.parametrize("role", ["clerical", "contractor", "admin"])
def test_other_roles_may_not_read_the_history(client, client_as, role, example):
    render(client, example("42-6"))
    document = only_document(client)
    caller = client_as(role)
    for path in (LIST, f"{LIST}/{document['id']}", f"{LIST}/{document['id']}/file"):
        response = caller.get(path)
        assert response.status_code == 403, path
        assert response.json["message"]


def test_no_credentials_answer_401(anonymous):
    for path in (LIST, f"{LIST}/1", f"{LIST}/1/file"):
        assert anonymous.get(path).status_code == 401, path


def test_an_invalid_render_stores_nothing(app, client, example):
    payload = example("42-6")
    payload["case_number"] = "12"
    assert client.post(RENDER, json=payload).status_code == 422
    assert client.get(LIST).json == []
    assert stored_files(app) == []
    with app.app_context():
        assert db.session.query(GeneratedDocument).count() == 0


def test_audit_rows_name_the_document(app, client, example):
    render(client, example("42-6"))
    document_id = str(only_document(client)["id"])
    client.get(f"{LIST}/{document_id}/file")
    with app.app_context():
        rows = db.session.query(AuditEvent).order_by(AuditEvent.id).all()
    named = [(r.action, r.record_type, r.record_id) for r in rows if r.record_type]
    assert named == [
        ("forms.render_form", "document", document_id),
        ("documents.get_document_file", "document", document_id),
    ]
