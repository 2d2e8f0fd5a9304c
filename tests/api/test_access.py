"""Who may call what: tokens, the role matrix, record-level access and the audit trail."""

from __future__ import annotations

import pytest

from service.auth import accounts
from service.extensions import db
from service.models.audit import AuditEvent
from service.models.user import CaseAssignment
from tests.conftest import ACCOUNTS

ROLES = list(ACCOUNTS)
GRID = "aor-101-000-grid"
FORM_CALLS = [
    ("GET", "/api/v1/forms"),
    ("GET", "/api/v1/forms/42-6"),
    ("GET", "/api/v1/forms/42-6/example"),
    ("POST", "/api/v1/forms/42-6/check"),
    ("POST", "/api/v1/forms/42-6/render"),
]
AOR_READS = [("GET", "/api/v1/aors"), ("GET", "/api/v1/aors/export.csv")]
# Role → the calls it may make. Everything else must answer 403.
MATRIX = {
    "ec": FORM_CALLS + AOR_READS + [("GET", "/api/v1/aors/blank")],
    "supervisor": FORM_CALLS
    + AOR_READS
    + [("GET", "/api/v1/aors/blank"), ("GET", "/api/v1/audit")],
    "clerical": [],
    "contractor": [*AOR_READS, ("GET", "/api/v1/aors/blank"), ("POST", "/api/v1/aors")],
    "admin": [("GET", "/api/v1/audit")],
}
EVERY_CALL = sorted({call for calls in MATRIX.values() for call in calls} | set(FORM_CALLS))


def call(client, method, path, example):
    if method == "GET":
        return client.get(path)
    if path.startswith("/api/v1/forms"):
        return client.post(path, json=example("42-6"))
    return client.post(path, data={}, content_type="multipart/form-data")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("method", "path"), EVERY_CALL)
def test_each_role_reaches_only_what_its_work_needs(client_as, role, method, path, example):
    response = call(client_as(role), method, path, example)
    if (method, path) in MATRIX[role]:
        assert response.status_code not in (401, 403), response.json
    else:
        assert response.status_code == 403, (role, method, path, response.status_code)
        assert response.json["message"]


@pytest.mark.parametrize(("method", "path"), [*EVERY_CALL, ("GET", "/api/v1/openapi.json")])
def test_no_credentials_answer_401(anonymous, method, path, example):
    response = call(anonymous, method, path, example)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_the_health_check_is_open(anonymous):
    assert anonymous.get("/api/v1/health").status_code == 200


def test_an_unknown_or_revoked_token_answers_401(app, anonymous, tokens):
    bogus = anonymous.get("/api/v1/forms", headers={"Authorization": "Bearer nope"})
    assert bogus.status_code == 401
    with app.app_context():
        accounts.disable_user(db.session, ACCOUNTS["ec"]["username"])
        db.session.commit()
    revoked = anonymous.get("/api/v1/forms", headers={"Authorization": f"Bearer {tokens['ec']}"})
    assert revoked.status_code == 401


def test_tokens_are_long_random_and_stored_only_as_a_hash(app, tokens):
    from service.models.user import ApiToken

    assert len(tokens["ec"]) >= 43  # 32 random bytes, URL-safe base64
    with app.app_context():
        stored = [t.token_hash for t in db.session.query(ApiToken)]
    assert tokens["ec"] not in stored
    assert all(len(h) == 64 for h in stored)


def assign(app, case_number, role="ec"):
    with app.app_context():
        user = accounts.get_user(db.session, ACCOUNTS[role]["username"])
        db.session.add(
            CaseAssignment(
                case_number=case_number, ec_id=user.id, unit=user.unit, assigned_at=accounts.now()
            )
        )
        db.session.commit()


def test_an_ec_reads_the_aors_of_their_cases_only(app, client_as, upload, sample_pdf):
    aor = upload(sample_pdf(GRID)).json
    ec = client_as("ec")
    assert ec.get(f"/api/v1/aors/{aor['id']}").status_code == 404  # as if there were none
    assert ec.get("/api/v1/aors").json == []
    assign(app, aor["case_number"])
    assert ec.get(f"/api/v1/aors/{aor['id']}").status_code == 200
    assert [a["id"] for a in ec.get("/api/v1/aors").json] == [aor["id"]]


def test_a_supervisor_reads_the_aors_of_their_units_cases(app, client_as, upload, sample_pdf):
    aor = upload(sample_pdf(GRID)).json
    supervisor = client_as("supervisor")
    assert supervisor.get(f"/api/v1/aors/{aor['id']}").status_code == 404
    assign(app, aor["case_number"])  # the EC is in the supervisor's unit
    assert supervisor.get(f"/api/v1/aors/{aor['id']}/file").status_code == 200


def test_a_contractor_reads_only_their_own_organisations_uploads(
    app, client_as, upload, sample_pdf
):
    aor = upload(sample_pdf(GRID)).json
    with app.app_context():
        accounts.create_user(db.session, "other.org", "Other", "contractor", provider="Other Org")
        other = accounts.issue_token(db.session, "other.org")
        db.session.commit()
    stranger = app.test_client()
    stranger.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {other}"
    assert stranger.get(f"/api/v1/aors/{aor['id']}").status_code == 404
    assert stranger.get("/api/v1/aors").json == []


def test_every_call_leaves_an_audit_row_refusals_included(app, client_as, anonymous, example):
    client_as("ec").post("/api/v1/forms/42-6/render", json=example("42-6"))
    client_as("clerical").get("/api/v1/forms")
    anonymous.get("/api/v1/forms")
    with app.app_context():
        rows = db.session.query(AuditEvent).order_by(AuditEvent.id).all()
    assert [(r.role, r.action, r.status, r.outcome) for r in rows] == [
        ("ec", "forms.render_form", 200, "ok"),
        ("clerical", "forms.list_forms", 403, "refused"),
        (None, "forms.list_forms", 401, "refused"),
    ]
    # The render created a document: the row names it (the history keeps which form it was).
    assert rows[0].record_type == "document" and rows[0].record_id == "1"


def test_the_audit_trail_is_filtered_and_holds_no_participant_names(client_as, upload, sample_pdf):
    aor = upload(sample_pdf(GRID)).json
    rows = client_as("admin").get(f"/api/v1/audit?record_type=aor&record_id={aor['id']}").json
    assert [r["action"] for r in rows] == ["aors.upload_aor"]
    everything = str(client_as("admin").get("/api/v1/audit").json)
    assert aor["participant_name"] not in everything
    assert aor["case_number"] not in everything


def test_the_audit_trail_cannot_be_changed(app, client_as):
    import sqlalchemy

    client_as("ec").get("/api/v1/forms")
    with (
        app.app_context(),
        pytest.raises(sqlalchemy.exc.DatabaseError),
        db.engine.begin() as connection,
    ):
        connection.execute(sqlalchemy.text("DELETE FROM audit_event"))
