"""Issue 12: every 50-20e that takes a case out of its unit, a new assignment as much as a
transfer, waits for the sending unit's supervisor before clerical staff can route it."""

from __future__ import annotations

import pytest

from service import clock

SLIPS = "/api/v1/slips"
CASE = "H7K2M58"
OKAFOR = {"name": "Chidi Okafor", "worker_number": "W5150", "unit": "U22", "office": "eastmont"}


@pytest.fixture
def held(client_as):
    """The case assigned to ec.rivera (unit U17) by the unit's supervisor."""
    answer = client_as("supervisor").put(f"/api/v1/cases/{CASE}", json={"ec": "ec.rivera"})
    assert answer.status_code == 200, answer.json
    return CASE


@pytest.mark.parametrize("action", ["transfer", "new_assignment"])
@pytest.mark.parametrize("receiver_has_account", [True, False])
def test_a_move_out_of_the_unit_waits_for_the_sending_units_supervisor(
    client_as, client_for, example, held, action, receiver_has_account
):
    if receiver_has_account:
        client_for("ec.okafor", "ec", unit="U22", worker_number="W5150")
    receiving_supervisor = client_for("sup.osei", "supervisor", unit="U22")
    slip = example("50-20e") | {"supervisor": None, "clerical": None, "closed_files": None}
    slip |= {"action": action, "case_number": held, "to_ec": dict(OKAFOR)}
    made = client_as("ec").post(SLIPS, json=slip)
    assert made.status_code == 201, made.json
    slip_id = made.json["id"]
    assert made.json["status"] == "pending_approval"
    clerk = client_as("clerical")
    assert clerk.get(f"{SLIPS}/queue").json == []
    routed = {"routed_to": "Chidi Okafor, U22", "routed_on": clock.today().isoformat()}
    routed["initials"] = "LT"
    assert clerk.post(f"{SLIPS}/{slip_id}/route", json=routed).status_code == 404
    assert receiving_supervisor.post(f"{SLIPS}/{slip_id}/approve").status_code == 404
    assert client_as("supervisor").post(f"{SLIPS}/{slip_id}/approve").status_code == 200
    assert [s["id"] for s in clerk.get(f"{SLIPS}/queue").json] == [slip_id]
