"""A case number typed in lower case or with spaces is the same case in slips, documents,
assignments and every filter."""

from __future__ import annotations

SLIPS = "/api/v1/slips"
PARK = {"name": "Mei Park", "worker_number": "W4410", "unit": "U17", "office": "hayward"}


def test_a_slip_and_its_filter_agree_on_a_carelessly_typed_case_number(client_as, example):
    ec = client_as("ec")
    payload = example("50-20e") | {"supervisor": None, "clerical": None}
    slip = ec.post(SLIPS, json=payload | {"case_number": " h7k2m58 "}).json
    assert slip["case_number"] == "H7K2M58"
    found = ec.get(SLIPS, query_string={"case_number": " h7k2m58"}).json
    assert [s["id"] for s in found] == [slip["id"]]


def test_a_document_filter_finds_the_case_however_it_is_typed(client_as, example):
    ec = client_as("ec")
    ec.post("/api/v1/forms/42-6/render", json=example("42-6") | {"case_number": "b4c7q21 "})
    found = ec.get("/api/v1/documents", query_string={"case_number": " B4c7Q21 "}).json
    assert [d["case_number"] for d in found] == ["B4C7Q21"]


def test_a_case_assigned_in_lower_case_is_held_against_a_slip_in_upper_case(
    client_as, client_for, example
):
    assigned = client_as("supervisor").put("/api/v1/cases/%20b4c7q21", json={"ec": "ec.rivera"})
    assert assigned.status_code == 200, assigned.json
    assert assigned.json["case_number"] == "B4C7Q21"
    colleague = client_for("ec.park", "ec", unit="U17", worker_number="W4410")
    payload = example("50-20e") | {"supervisor": None, "clerical": None, "case_number": "B4C7Q21"}
    assert colleague.post(SLIPS, json=payload).status_code == 403
