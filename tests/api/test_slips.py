"""The 50-20e workflow: EC to supervisor to clerical, every step on the slip and in the audit."""

from __future__ import annotations

import pytest

from service import clock
from service.auth import accounts
from service.extensions import db
from service.models.audit import AuditEvent
from service.models.slip import SlipEvent
from service.models.user import CaseAssignment
from tests.conftest import read_docx

SLIPS = "/api/v1/slips"
OKAFOR = {"name": "Chidi Okafor", "worker_number": "W5150", "unit": "U22", "office": "eastmont"}
PARK = {"name": "Mei Park", "worker_number": "W4410", "unit": "U17", "office": "hayward"}


@pytest.fixture
def closing(example):
    """The example closed files slip, without the blocks the workflow fills."""
    return example("50-20e") | {"supervisor": None, "clerical": None}


@pytest.fixture
def transfer(closing):
    """A transfer within the EC's unit: it needs no approval."""
    return closing | {"action": "transfer", "closed_files": None, "to_ec": dict(PARK)}


@pytest.fixture
def transfer_out(transfer):
    """A transfer to another unit: it waits for the sending unit's supervisor."""
    return transfer | {"to_ec": dict(OKAFOR)}


@pytest.fixture
def ec(client_as):
    return client_as("ec")


@pytest.fixture
def supervisor(client_as):
    return client_as("supervisor")


@pytest.fixture
def clerk(client_as):
    return client_as("clerical")


def created(client, payload):
    response = client.post(SLIPS, json=payload)
    assert response.status_code == 201, response.json
    return response.json


def ok(response, status=200):
    assert response.status_code == status, response.json
    return response.json


def routing(routed_to="P999", initials="LT"):
    return {"routed_to": routed_to, "routed_on": clock.today().isoformat(), "initials": initials}


def steps(client, slip_id):
    return [e["step"] for e in ok(client.get(f"{SLIPS}/{slip_id}"))["events"]]


def test_a_closed_files_slip_goes_from_the_ec_through_the_supervisor_to_the_bank(
    ec, supervisor, clerk, closing
):
    slip = created(ec, closing)
    assert (slip["status"], slip["unit"], slip["closed_files_bank"]) == (
        "pending_approval",
        "U17",
        "P999",
    )
    assert ok(clerk.get(f"{SLIPS}/queue")) == []

    approved = ok(supervisor.post(f"{SLIPS}/{slip['id']}/approve"))
    assert approved["status"] == "queued"
    assert approved["approved_by"]["name"] == "sup.chen"
    assert [s["id"] for s in ok(clerk.get(f"{SLIPS}/queue"))] == [slip["id"]]

    routed = ok(clerk.post(f"{SLIPS}/{slip['id']}/route", json=routing("Closed files bank P999")))
    assert (routed["status"], routed["routed_initials"]) == ("routed", "LT")
    assert routed["routed_by"]["name"] == "clerk.diaz"
    assert ok(clerk.get(f"{SLIPS}/queue")) == []
    assert steps(ec, slip["id"]) == ["created", "approved", "routed"]


def test_the_printed_slip_carries_the_approval_and_the_routing_from_the_workflow(
    ec, supervisor, clerk, closing
):
    slip = created(ec, closing)
    supervisor.post(f"{SLIPS}/{slip['id']}/approve")
    clerk.post(f"{SLIPS}/{slip['id']}/route", json=routing(initials="ab"))
    response = clerk.get(f"{SLIPS}/{slip['id']}/document?format=docx")
    assert response.status_code == 200
    cells = read_docx(response.data).cells
    day = f"{clock.today():%m/%d/%Y}"
    assert "\n\nsup.chen\nPrinted name" in cells
    assert cells[-3:] == ["ROUTED TO\nP999", f"DATE ROUTED\n{day}", "CLERK'S INITIALS\nAB"]
    assert f"\n\n{day}\nDate" in cells


def test_approval_and_routing_typed_into_the_payload_are_left_to_the_workflow(ec, example):
    slip = created(ec, example("50-20e"))  # its example signs for a supervisor and a clerk
    assert slip["payload"]["supervisor"] is None and slip["payload"]["clerical"] is None
    cells = read_docx(ec.get(f"{SLIPS}/{slip['id']}/document").data).cells
    assert "\n\nMarcus Oyelaran\nPrinted name" not in cells
    clerical = [cell.split("\n") for cell in cells[-3:]]  # empty boxes, written in by hand
    assert clerical == [["ROUTED TO", ""], ["DATE ROUTED", ""], ["CLERK'S INITIALS", ""]]


def test_a_slip_sent_back_with_a_reason_is_corrected_and_then_approved(ec, supervisor, closing):
    slip = created(ec, closing)
    reason = "Enter the case comments before routing."
    back = ok(supervisor.post(f"{SLIPS}/{slip['id']}/send-back", json={"reason": reason}))
    assert (back["status"], back["sent_back_reason"]) == ("sent_back", reason)
    assert ok(ec.get(f"{SLIPS}/{slip['id']}"))["events"][-1]["note"] == reason

    closing["comments"] = "Case comments entered 11/20."
    corrected = ok(ec.put(f"{SLIPS}/{slip['id']}", json=closing))
    assert (corrected["status"], corrected["sent_back_reason"]) == ("pending_approval", None)
    assert corrected["payload"]["comments"] == "Case comments entered 11/20."
    assert ok(supervisor.post(f"{SLIPS}/{slip['id']}/approve"))["status"] == "queued"
    assert steps(ec, slip["id"]) == ["created", "sent_back", "resubmitted", "approved"]


@pytest.mark.parametrize("body", [{"reason": "   "}, {"reason": ""}, {}])
def test_sending_back_needs_a_reason(ec, supervisor, closing, body):
    slip = created(ec, closing)
    response = supervisor.post(f"{SLIPS}/{slip['id']}/send-back", json=body)
    assert response.status_code == 422
    assert "reason" in response.json["errors"]
    assert ok(ec.get(f"{SLIPS}/{slip['id']}"))["status"] == "pending_approval"


def test_a_correction_is_checked_again_and_keeps_the_case_and_action(ec, supervisor, closing):
    slip = created(ec, closing)
    supervisor.post(f"{SLIPS}/{slip['id']}/send-back", json={"reason": "Wrong date."})
    closing["closed_files"]["discontinuance_date"] = "2026-11-01"
    invalid = ec.put(f"{SLIPS}/{slip['id']}", json=closing)
    assert invalid.status_code == 422
    assert "closed_files.discontinuance_date" in invalid.json["errors"]
    closing["closed_files"]["discontinuance_date"] = "2026-09-30"
    other_case = ec.put(f"{SLIPS}/{slip['id']}", json=closing | {"case_number": "B4C7Q21"})
    assert other_case.status_code == 422 and "case_number" in other_case.json["errors"]
    assert ok(ec.get(f"{SLIPS}/{slip['id']}"))["status"] == "sent_back"


def test_a_slip_is_checked_exactly_like_the_form(ec, closing):
    closing["closed_files"]["good_cause_deferral"] = "good_cause"
    closing["from_ec"]["office"] = "atlantis"
    refused = ec.post(SLIPS, json=closing)
    assert refused.status_code == 422
    checked = ec.post("/api/v1/forms/50-20e/check", json=closing).json
    assert refused.json["errors"] == checked["errors"]
    assert ok(ec.get(SLIPS)) == []


def test_a_transfer_within_the_unit_skips_approval_and_routing_gives_the_case_to_the_receiver(
    app, ec, supervisor, clerk, client_for, transfer
):
    client_for("ec.park", "ec", unit="U17", worker_number="W4410")
    slip = created(ec, transfer)
    assert slip["status"] == "queued"
    assert supervisor.post(f"{SLIPS}/{slip['id']}/approve").status_code == 409
    routed = ok(clerk.post(f"{SLIPS}/{slip['id']}/route", json=routing("Mei Park, U17")))
    assert "W4410" in routed["assignment"]
    with app.app_context():
        assignment = db.session.get(CaseAssignment, transfer["case_number"])
        receiver = accounts.get_user(db.session, "ec.park")
        assert (assignment.ec_id, assignment.unit) == (receiver.id, "U17")
    assert steps(ec, slip["id"]) == ["created", "routed"]


def test_a_transfer_out_of_the_unit_waits_for_its_supervisor_before_clerical_sees_it(
    app, ec, supervisor, clerk, client_for, transfer_out
):
    client_for("ec.okafor", "ec", unit="U22", worker_number="W5150")
    slip = created(ec, transfer_out)
    assert slip["status"] == "pending_approval"
    assert ok(clerk.get(f"{SLIPS}/queue")) == []
    assert clerk.post(f"{SLIPS}/{slip['id']}/route", json=routing()).status_code == 404
    ok(supervisor.post(f"{SLIPS}/{slip['id']}/approve"))
    routed = ok(clerk.post(f"{SLIPS}/{slip['id']}/route", json=routing("Chidi Okafor, U22")))
    assert "W5150" in routed["assignment"]
    with app.app_context():
        assignment = db.session.get(CaseAssignment, transfer_out["case_number"])
        assert (assignment.unit, assignment.ec_id) == (
            "U22",
            accounts.get_user(db.session, "ec.okafor").id,
        )
    assert steps(ec, slip["id"]) == ["created", "approved", "routed"]


def test_routing_to_a_worker_with_no_account_leaves_the_assignment_and_says_so(
    app, ec, clerk, transfer
):
    slip = created(ec, transfer)
    routed = ok(clerk.post(f"{SLIPS}/{slip['id']}/route", json=routing("Chidi Okafor")))
    assert "unchanged" in routed["assignment"]
    assert "unchanged" in routed["events"][-1]["note"]
    with app.app_context():
        assert db.session.get(CaseAssignment, transfer["case_number"]) is None


@pytest.mark.parametrize("routed_to", ["V999", "Closed files", "P9990"])
def test_a_closed_files_slip_routed_anywhere_but_its_bank_is_refused(
    ec, supervisor, clerk, closing, routed_to
):
    slip = created(ec, closing)
    supervisor.post(f"{SLIPS}/{slip['id']}/approve")
    response = clerk.post(f"{SLIPS}/{slip['id']}/route", json=routing(routed_to))
    assert response.status_code == 422
    assert "P999" in response.json["errors"]["routed_to"][0]
    assert ok(clerk.get(f"{SLIPS}/{slip['id']}"))["status"] == "queued"


def test_a_routing_date_in_the_future_is_refused(ec, clerk, transfer):
    slip = created(ec, transfer)
    body = routing() | {"routed_on": "2099-01-01"}
    response = clerk.post(f"{SLIPS}/{slip['id']}/route", json=body)
    assert response.status_code == 422 and "routed_on" in response.json["errors"]


def test_each_step_from_the_wrong_status_answers_409_naming_the_status(
    ec, supervisor, clerk, closing
):
    slip = created(ec, closing)
    url = f"{SLIPS}/{slip['id']}"
    response = ec.put(url, json=closing)
    assert response.status_code == 409
    assert "pending_approval" in response.json["message"]
    # Clerical staff cannot see a slip before approval: unknown to them, not 409.
    assert clerk.post(f"{url}/route", json=routing()).status_code == 404
    supervisor.post(f"{url}/approve")
    for response in (
        supervisor.post(f"{url}/approve"),
        supervisor.post(f"{url}/send-back", json={"reason": "late"}),
        ec.put(url, json=closing),
    ):
        assert response.status_code == 409
        assert "is queued" in response.json["message"]
    clerk.post(f"{url}/route", json=routing())
    again = clerk.post(f"{url}/route", json=routing())
    assert again.status_code == 409 and "is routed" in again.json["message"]


def test_only_the_slips_unit_supervisor_approves_or_sends_back(ec, client_for, closing):
    other = client_for("sup.osei", "supervisor", unit="U22")
    slip = created(ec, closing)
    # Another unit's slip answers exactly as a slip that does not exist.
    assert other.post(f"{SLIPS}/{slip['id']}/approve").status_code == 404
    back = other.post(f"{SLIPS}/{slip['id']}/send-back", json={"reason": "no"})
    assert back.status_code == 404
    assert other.get(f"{SLIPS}/{slip['id']}").status_code == 404
    assert ok(other.get(SLIPS)) == []


def test_only_the_ec_who_made_a_slip_corrects_it(ec, supervisor, client_for, closing):
    slip = created(ec, closing)
    supervisor.post(f"{SLIPS}/{slip['id']}/send-back", json={"reason": "Fix it."})
    colleague = client_for("ec.park", "ec", unit="U17", worker_number="W4410")
    assert colleague.put(f"{SLIPS}/{slip['id']}", json=closing).status_code == 404
    assert colleague.get(f"{SLIPS}/{slip['id']}").status_code == 404
    assert ok(colleague.get(SLIPS)) == []
    # Their supervisor sees the slip, so is told plainly it is not theirs to correct.
    assert supervisor.put(f"{SLIPS}/{slip['id']}", json=closing).status_code == 403


@pytest.mark.parametrize(
    ("role", "method", "path"),
    [
        ("clerical", "POST", ""),
        ("contractor", "POST", ""),
        ("admin", "POST", ""),
        ("ec", "POST", "/{id}/approve"),
        ("clerical", "POST", "/{id}/approve"),
        ("ec", "POST", "/{id}/send-back"),
        ("ec", "POST", "/{id}/route"),
        ("supervisor", "POST", "/{id}/route"),
        ("ec", "GET", "/queue"),
        ("supervisor", "GET", "/queue"),
        ("contractor", "GET", ""),
        ("admin", "GET", "/{id}"),
        ("contractor", "GET", "/{id}/document"),
        ("clerical", "PUT", "/{id}"),
    ],
)
def test_each_role_takes_only_its_own_steps(ec, client_as, closing, role, method, path):
    slip = created(ec, closing)
    url = SLIPS + path.format(id=slip["id"])
    body = closing if method == "PUT" or path == "" else routing() | {"reason": "x"}
    response = client_as(role).open(url, method=method, json=body)
    assert response.status_code == 403, response.json
    assert ok(ec.get(f"{SLIPS}/{slip['id']}"))["status"] == "pending_approval"


def test_clerical_staff_see_only_the_queue_and_what_was_routed(ec, clerk, closing, transfer):
    pending = created(ec, closing)
    queued = created(ec, transfer)
    assert [s["id"] for s in ok(clerk.get(SLIPS))] == [queued["id"]]
    assert clerk.get(f"{SLIPS}/{pending['id']}").status_code == 404
    assert clerk.get(f"{SLIPS}/{pending['id']}/document").status_code == 404


def test_a_supervisor_sees_the_slips_of_their_unit(ec, supervisor, closing, transfer):
    first, second = created(ec, closing), created(ec, transfer)
    assert [s["id"] for s in ok(supervisor.get(SLIPS))] == [second["id"], first["id"]]
    pending = ok(supervisor.get(f"{SLIPS}?status=pending_approval"))
    assert [s["id"] for s in pending] == [first["id"]]


def test_the_queue_is_in_the_order_slips_reached_it(ec, supervisor, clerk, closing, transfer):
    early = created(ec, transfer)
    approved_late = created(ec, closing)
    later = created(ec, transfer)
    supervisor.post(f"{SLIPS}/{approved_late['id']}/approve")
    queue = ok(clerk.get(f"{SLIPS}/queue"))
    assert [s["id"] for s in queue] == [early["id"], later["id"], approved_late["id"]]


def test_an_unknown_slip_answers_404(ec, supervisor):
    assert ec.get(f"{SLIPS}/999").status_code == 404
    assert supervisor.post(f"{SLIPS}/999/approve").status_code == 404


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", ""),
        ("GET", ""),
        ("GET", "/queue"),
        ("GET", "/1"),
        ("PUT", "/1"),
        ("POST", "/1/approve"),
        ("POST", "/1/send-back"),
        ("POST", "/1/route"),
        ("GET", "/1/document"),
    ],
)
def test_no_credentials_answer_401(anonymous, method, path):
    response = anonymous.open(SLIPS + path, method=method, json={})
    assert response.status_code == 401


def test_every_step_leaves_a_slip_event_and_an_audit_row(app, ec, supervisor, clerk, closing):
    slip = created(ec, closing)
    url = f"{SLIPS}/{slip['id']}"
    supervisor.post(f"{url}/send-back", json={"reason": "Add the comments."})
    ec.put(url, json=closing)
    supervisor.post(f"{url}/approve")
    clerk.post(f"{url}/route", json=routing())
    with app.app_context():
        events = db.session.query(SlipEvent).filter_by(slip_id=slip["id"]).all()
        rows = (
            db.session.query(AuditEvent)
            .filter_by(record_type="slip", record_id=str(slip["id"]))
            .order_by(AuditEvent.id)
            .all()
        )
    assert [(e.step, e.user_id is not None, e.at is not None) for e in events] == [
        (step, True, True) for step in ("created", "sent_back", "resubmitted", "approved", "routed")
    ]
    assert [(r.action, r.role, r.status) for r in rows] == [
        ("slips.create_slip", "ec", 201),
        ("slips.send_back_slip", "supervisor", 200),
        ("slips.correct_slip", "ec", 200),
        ("slips.approve_slip", "supervisor", 200),
        ("slips.route_slip", "clerical", 200),
    ]


def test_refused_steps_are_audited_and_the_audit_holds_no_case_data(
    app, ec, clerk, client_as, closing
):
    slip = created(ec, closing)
    clerk.post(f"{SLIPS}/{slip['id']}/approve")
    everything = str(ok(client_as("admin").get("/api/v1/audit")))
    assert closing["case_number"] not in everything
    with app.app_context():
        refused = db.session.query(AuditEvent).filter_by(action="slips.approve_slip").one()
    assert (refused.outcome, refused.record_id) == ("refused", str(slip["id"]))
