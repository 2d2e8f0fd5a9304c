"""The supervisor's case assignment page and its API twin: one case, or a CSV checked whole
and applied all or nothing."""

from __future__ import annotations

import io

PAGE = "/cases/assign"
API = "/api/v1/cases/assignments"


def upload_csv(browser, text: str, name: str = "cases.csv"):
    data = {"csrf_token": browser.csrf, "file": (io.BytesIO(text.encode()), name)}
    return browser.post(f"{PAGE}/upload", data=data, content_type="multipart/form-data")


def held(client) -> dict[str, str]:
    return {a["case_number"]: a["ec"] for a in client.get("/api/v1/cases").json}


def test_a_csv_with_a_header_assigns_by_username_or_worker_number_however_typed(
    page_client, client_as, client_for
):
    client_for("ec.park", "ec", unit="U17", worker_number="W4410")
    sup = page_client("supervisor")
    text = "Case Number,EC\n b4c7q21 ,ec.rivera\nH7K2M58,w4410\n\nA1234567,EC.Rivera\n"
    answer = upload_csv(sup, text)
    assert answer.status_code == 303
    shown = sup.get(PAGE).text
    assert "3 assigned, 0 reassigned, 0 unchanged." in shown
    assert held(client_as("supervisor")) == {
        "A1234567": "ec.rivera",
        "B4C7Q21": "ec.rivera",
        "H7K2M58": "ec.park",
    }


def test_a_second_upload_counts_reassigned_and_unchanged_cases(page_client, client_for):
    client_for("ec.park", "ec", unit="U17", worker_number="W4410")
    sup = page_client("supervisor")
    upload_csv(sup, "B4C7Q21,ec.rivera\nH7K2M58,ec.rivera\n")
    upload_csv(sup, "B4C7Q21,ec.rivera\nH7K2M58,ec.park\nC9000001,W4410\n")
    assert "1 assigned, 1 reassigned, 1 unchanged." in sup.get(PAGE).text


def test_one_wrong_row_refuses_the_whole_file_and_names_every_wrong_row(
    page_client, client_as, client_for
):
    client_for("ec.okafor", "ec", unit="U22", worker_number="W7000")
    sup = page_client("supervisor")
    text = (
        "case_number,ec\nB4C7Q21,ec.rivera\nB4-C7,ec.rivera\nH7K2M58,ec.nobody\n"
        "C9000001,ec.okafor\n,ec.rivera\n"
    )
    answer = upload_csv(sup, text)
    assert answer.status_code == 422
    page = answer.text
    assert "5 rows" not in page and "4 rows cannot be assigned; nothing was changed" in page
    assert (
        '<th scope="row">3</th><td>&#34;B4-C7&#34; is not a case number; write it as 7 to 10'
        in page
    )
    assert (
        '<th scope="row">4</th><td>No active EC in your unit has the username or worker number'
        in page
    )
    # An EC of another unit is, for this supervisor, no EC they may name.
    assert '<th scope="row">5</th><td>No active EC in your unit' in page
    assert '<th scope="row">6</th><td>The case number is missing' in page
    assert held(client_as("supervisor")) == {}


def test_a_case_of_another_unit_is_not_taken_by_a_csv(page_client, client_as, client_for):
    client_for("ec.okafor", "ec", unit="U22", worker_number="W7000")
    moved = client_as("admin").put("/api/v1/cases/B4C7Q21", json={"ec": "ec.okafor"})
    assert moved.status_code == 200
    answer = upload_csv(page_client("supervisor"), "B4C7Q21,ec.rivera\n")
    assert answer.status_code == 422
    assert "Case B4C7Q21 belongs to another unit (U22)" in answer.text


def test_the_same_case_for_two_ecs_in_one_file_is_refused(page_client, client_for):
    client_for("ec.park", "ec", unit="U17", worker_number="W4410")
    answer = upload_csv(page_client("supervisor"), "B4C7Q21,ec.rivera\nb4c7q21,ec.park\n")
    assert answer.status_code == 422
    assert "Case B4C7Q21 is also in row 1 with another EC; keep one of the two" in answer.text


def test_an_empty_file_says_so(page_client):
    answer = upload_csv(page_client("supervisor"), "")
    assert answer.status_code == 422
    assert "Choose a CSV file to upload." in answer.text


def test_the_one_case_form_assigns_to_an_ec_chosen_by_name(page_client, client_as):
    sup = page_client("supervisor")
    form = sup.get(PAGE).text
    assert '<option value="ec.rivera">ec.rivera (W2918)</option>' in form
    data = {"csrf_token": sup.csrf, "case_number": "b4c7q21", "ec": "ec.rivera"}
    assert sup.post(PAGE, data=data).status_code == 303
    assert "1 assigned, 0 reassigned, 0 unchanged." in sup.get(PAGE).text
    assert held(client_as("supervisor")) == {"B4C7Q21": "ec.rivera"}


def test_the_one_case_form_without_an_ec_asks_for_one(page_client):
    sup = page_client("supervisor")
    answer = sup.post(PAGE, data={"csrf_token": sup.csrf, "case_number": "B4C7Q21", "ec": ""})
    assert answer.status_code == 422
    assert "The EC is missing" in answer.text
    assert 'value="B4C7Q21"' in answer.text


def test_the_list_filters_by_ec_and_pages(page_client, client_for, app):
    client_for("ec.park", "ec", unit="U17", worker_number="W4410")
    sup = page_client("supervisor")
    lines = [f"C{n:07d},ec.rivera" for n in range(30)] + ["H7K2M58,ec.park"]
    upload_csv(sup, "\n".join(lines))
    everything = sup.get(PAGE).text
    assert "31 cases, page 1 of 2" in everything and "Next page" in everything
    with app.app_context():
        from service.auth.accounts import get_user
        from service.extensions import db

        park = get_user(db.session, "ec.park").id
    only_park = sup.get(PAGE, query_string={"ec": park}).text
    assert "1 case</caption>" in only_park
    assert '<th scope="row">H7K2M58</th>' in only_park
    assert "C0000001" not in only_park


def test_the_api_assigns_a_json_list_and_a_csv_body(client_as, client_for):
    client_for("ec.park", "ec", unit="U17", worker_number="W4410")
    sup = client_as("supervisor")
    rows = [
        {"case_number": "b4c7q21", "ec": "ec.rivera"},
        {"case_number": "H7K2M58", "ec": "W4410"},
    ]
    first = sup.post(API, json={"assignments": rows})
    assert first.status_code == 200, first.json
    assert first.json == {"assigned": ["B4C7Q21", "H7K2M58"], "reassigned": [], "unchanged": []}
    second = sup.post(API, data="case_number,ec\nB4C7Q21,ec.park\n", content_type="text/csv")
    assert second.json == {"assigned": [], "reassigned": ["B4C7Q21"], "unchanged": []}


def test_the_api_names_every_wrong_row_and_changes_nothing(client_as):
    sup = client_as("supervisor")
    answer = sup.post(API, data="B4C7Q21,ec.rivera\nnope,ec.rivera\n", content_type="text/csv")
    assert answer.status_code == 422
    assert [p["row"] for p in answer.json["problems"]] == [2]
    assert held(sup) == {}


def test_an_assignment_upload_leaves_an_audit_row_naming_the_cases(client_as, app):
    client_as("supervisor").post(
        API, json={"assignments": [{"case_number": "B4C7Q21", "ec": "ec.rivera"}]}
    )
    with app.app_context():
        from service.extensions import db
        from service.models.audit import AuditEvent

        row = db.session.query(AuditEvent).filter_by(action="cases.assign_cases").one()
    assert (row.record_type, row.record_id, row.status) == ("case", "B4C7Q21", 200)
