"""50-20e trust boundaries: nobody moves a case they do not hold, or signs for someone else,
and a slip the caller may not see answers exactly as one that does not exist."""

from __future__ import annotations

import pytest

from service import clock
from service.extensions import db
from service.models.user import CaseAssignment, User

SLIPS = "/api/v1/slips"
CASE = "H7K2M58"
RIVERA = {"name": "ec.rivera", "worker_number": "W2918", "unit": "U17", "office": "hayward"}
MALLORY = {"name": "Mal Lory", "worker_number": "W6666", "unit": "U20", "office": "eastmont"}
PARK = {"name": "Mei Park", "worker_number": "W4410", "unit": "U17", "office": "hayward"}
ACCOMPLICE = {"name": "Ace Compli", "worker_number": "W7777", "unit": "U20", "office": "eastmont"}


@pytest.fixture
def closing(example):
    return example("50-20e") | {"supervisor": None, "clerical": None}


@pytest.fixture
def transfer(closing):
    return closing | {"action": "transfer", "closed_files": None}


@pytest.fixture
def held(client_as):
    """The case assigned to ec.rivera (unit U17) by the unit's supervisor."""
    answer = client_as("supervisor").put(f"/api/v1/cases/{CASE}", json={"ec": "ec.rivera"})
    assert answer.status_code == 200, answer.json
    return CASE


@pytest.fixture
def mallory(client_for):
    return client_for("ec.mallory", "ec", unit="U20", worker_number="W6666")


def holder(app, case_number=CASE):
    with app.app_context():
        assignment = db.session.get(CaseAssignment, case_number)
        ec = assignment and db.session.get(User, assignment.ec_id)
        return ec and (ec.username, assignment.unit)


def routing(routed_to="Mal Lory, U20"):
    return {"routed_to": routed_to, "routed_on": clock.today().isoformat(), "initials": "RD"}


@pytest.mark.parametrize("case_number", [CASE, " h7k2m58 "])
@pytest.mark.parametrize("action", ["transfer", "new_assignment"])
def test_an_ec_of_another_unit_cannot_take_over_a_case_by_naming_its_ec_as_sender(
    app, mallory, client_as, transfer, held, action, case_number
):
    forged = transfer | {"action": action, "case_number": case_number}
    forged |= {"from_ec": dict(RIVERA), "to_ec": dict(ACCOMPLICE)}
    answer = mallory.post(SLIPS, json=forged)
    assert answer.status_code == 403, answer.json
    assert "held by another EC" in answer.json["message"]
    assert client_as("clerical").get(f"{SLIPS}/queue").json == []
    assert holder(app) == ("ec.rivera", "U17")


def test_an_ec_of_another_unit_cannot_route_someone_elses_case_to_closed_files(
    mallory, closing, held
):
    assert mallory.post(SLIPS, json=closing | {"from_ec": dict(RIVERA)}).status_code == 403


def test_the_holding_ec_and_their_supervisor_file_slips_but_a_colleague_does_not(
    client_as, client_for, transfer, held
):
    moving = transfer | {"to_ec": dict(PARK)}
    assert client_as("ec").post(SLIPS, json=moving).status_code == 201
    assert client_as("supervisor").post(SLIPS, json=moving).status_code == 201
    colleague = client_for("ec.park", "ec", unit="U17", worker_number="W4410")
    assert colleague.post(SLIPS, json=moving | {"to_ec": dict(RIVERA)}).status_code == 403


def test_the_sender_is_the_signed_in_account_whatever_was_typed(client_as, transfer):
    typed = transfer | {"to_ec": dict(PARK)}  # the example names Gloria Achterberg, W3307
    slip = client_as("ec").post(SLIPS, json=typed).json
    assert slip["payload"]["from_ec"] == RIVERA
    printed = client_as("ec").get(f"{SLIPS}/{slip['id']}/document?format=docx")
    assert b"Achterberg" not in printed.data


def test_an_account_without_a_worker_number_is_told_so_with_a_422(client_for, transfer):
    nameless = client_for("ec.new", "ec", unit="U17")
    answer = nameless.post(SLIPS, json=transfer | {"to_ec": dict(PARK)})
    assert answer.status_code == 422
    assert "no worker number" in answer.json["errors"]["from_ec.worker_number"][0]


def test_a_move_out_of_the_unit_is_approved_only_by_the_sending_units_supervisor(
    app, client_as, client_for, transfer, held
):
    client_for("ec.mallory", "ec", unit="U20", worker_number="W6666")
    receiving = client_for("sup.osei", "supervisor", unit="U20")
    slip = client_as("ec").post(SLIPS, json=transfer | {"to_ec": dict(MALLORY)}).json
    assert slip["status"] == "pending_approval"
    assert receiving.post(f"{SLIPS}/{slip['id']}/approve").status_code == 404
    clerk = client_as("clerical")
    assert clerk.post(f"{SLIPS}/{slip['id']}/route", json=routing()).status_code == 404
    assert holder(app) == ("ec.rivera", "U17")


def test_routing_refuses_a_queued_slip_whose_receiver_turns_out_to_be_in_another_unit(
    app, client_as, client_for, transfer, held
):
    # Nobody has W4410 yet, and the slip says U17: it queues without approval.
    slip = client_as("ec").post(SLIPS, json=transfer | {"to_ec": dict(PARK)}).json
    assert slip["status"] == "queued"
    client_for("ec.elsewhere", "ec", unit="U20", worker_number="W4410")
    answer = client_as("clerical").post(f"{SLIPS}/{slip['id']}/route", json=routing("Park"))
    assert answer.status_code == 409
    assert "approval" in answer.json["message"]
    assert holder(app) == ("ec.rivera", "U17")


def test_a_slip_filed_before_the_case_was_assigned_cannot_move_it_once_another_holds_it(
    app, client_as, mallory, transfer
):
    early = mallory.post(SLIPS, json=transfer | {"action": "new_assignment", "to_ec": MALLORY})
    assert early.json["status"] == "queued"  # a new intake, within the filer's unit
    client_as("supervisor").put(f"/api/v1/cases/{CASE}", json={"ec": "ec.rivera"})
    answer = client_as("clerical").post(f"{SLIPS}/{early.json['id']}/route", json=routing())
    assert answer.status_code == 409
    assert holder(app) == ("ec.rivera", "U17")


# Each slip endpoint, and who cannot see a pending closed files slip made by ec.rivera (U17).
HIDDEN = [
    ("sup.osei", "GET", "/{id}", None),
    ("sup.osei", "GET", "/{id}/document", None),
    ("sup.osei", "POST", "/{id}/approve", None),
    ("sup.osei", "POST", "/{id}/send-back", {"reason": "No."}),
    ("sup.osei", "POST", "/print", "ids"),
    ("ec.park", "PUT", "/{id}", "slip"),
    ("ec.park", "GET", "/{id}", None),
    ("ec.park", "POST", "/print", "ids"),
    ("clerical", "POST", "/{id}/route", routing("P999")),
    ("clerical", "GET", "/{id}", None),
    ("clerical", "GET", "/{id}/document", None),
    ("clerical", "POST", "/print", "ids"),
]


@pytest.mark.parametrize(("who", "method", "path", "body"), HIDDEN)
def test_a_slip_the_caller_may_not_see_answers_exactly_as_an_unknown_one(
    client_as, client_for, closing, who, method, path, body
):
    callers = {
        "sup.osei": lambda: client_for("sup.osei", "supervisor", unit="U22"),
        "ec.park": lambda: client_for("ec.park", "ec", unit="U17", worker_number="W4410"),
        "clerical": lambda: client_as("clerical"),
    }
    slip_id = client_as("ec").post(SLIPS, json=closing).json["id"]
    caller = callers[who]()

    def ask(some_id: int):
        sent = closing if body == "slip" else {"ids": [some_id]} if body == "ids" else body
        answer = caller.open(SLIPS + path.format(id=some_id), method=method, json=sent)
        return answer.status_code, answer.json["message"].replace(str(some_id), "N")

    assert ask(slip_id) == ask(999) == (404, "no routing slip with id N")
