"""Case assignment: supervisors assign within their unit; ECs then read those cases' AORs."""

from __future__ import annotations

from service.auth import accounts
from service.extensions import db

GRID = "aor-101-000-grid"


def test_a_supervisor_assigns_a_case_and_the_ec_then_reads_its_aor(client_as, upload, sample_pdf):
    aor = upload(sample_pdf(GRID)).json
    ec = client_as("ec")
    assert ec.get(f"/api/v1/aors/{aor['id']}").status_code == 404
    response = client_as("supervisor").put(
        f"/api/v1/cases/{aor['case_number']}", json={"ec": "ec.rivera"}
    )
    assert response.status_code == 200, response.json
    assert response.json["unit"] == "U17"
    assert ec.get(f"/api/v1/aors/{aor['id']}").status_code == 200
    listed = client_as("supervisor").get("/api/v1/cases").json
    assert [a["case_number"] for a in listed] == [aor["case_number"]]


def test_a_supervisor_cannot_assign_to_an_ec_of_another_unit(app, client_as):
    with app.app_context():
        accounts.create_user(db.session, "ec.north", "North EC", "ec", unit="U02")
        db.session.commit()
    response = client_as("supervisor").put("/api/v1/cases/B4C7Q21", json={"ec": "ec.north"})
    assert response.status_code == 403
    assert (
        client_as("admin").put("/api/v1/cases/B4C7Q21", json={"ec": "ec.north"}).status_code == 200
    )


def test_assigning_to_someone_who_is_not_an_ec_is_refused(client_as):
    response = client_as("admin").put("/api/v1/cases/B4C7Q21", json={"ec": "clerk.diaz"})
    assert response.status_code == 422
    assert "not an active EC" in response.json["message"]
    assert client_as("admin").put("/api/v1/cases/x!", json={"ec": "ec.rivera"}).status_code in (
        404,
        422,
    )


def test_ecs_clerical_and_contractors_cannot_assign_cases(client_as):
    for role in ("ec", "clerical", "contractor"):
        response = client_as(role).put("/api/v1/cases/B4C7Q21", json={"ec": "ec.rivera"})
        assert response.status_code == 403
