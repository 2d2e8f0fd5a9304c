"""The 50-20e from the EC's desk without a browser: send it from the fill page, follow it in
"My slips", correct a sent-back slip and resend it, through the workflow the API uses."""

from __future__ import annotations

import html

import pytest

from service.auth import accounts
from service.cases import put_assignment
from service.extensions import db
from service.forms import get_form
from service.models.audit import AuditEvent
from service.models.slip import RoutingSlip
from service.slips import workflow as slips
from service.web.form_schema import form_tree
from service.web.form_values import flatten
from tests.conftest import ACCOUNTS

PARK = {"name": "Mei Park", "worker_number": "W4410", "unit": "U17", "office": "hayward"}
REASON = "Discontinuance date does not match CalSAWS; check the NOA."


@pytest.fixture
def ec(page_client):
    return page_client("ec")


@pytest.fixture
def closing(example):
    """The example closed files slip as the EC types it: no approval, no routing."""
    return example("50-20e") | {"supervisor": None, "clerical": None}


@pytest.fixture
def transfer(closing):
    """A transfer within the EC's unit (U17): it needs no approval."""
    return closing | {"action": "transfer", "closed_files": None, "to_ec": dict(PARK)}


def posted(client, payload):
    """The fill page's fields for ``payload``, as the browser posts them."""
    return {"csrf_token": client.csrf, **flatten(form_tree(get_form("50-20e").schema), payload)}


def text(answer) -> str:
    return html.unescape(answer.text)


def slip_in(app, slip_id) -> RoutingSlip:
    with app.app_context():
        slip = db.session.get(RoutingSlip, slip_id)
        db.session.expunge(slip)
        return slip


def all_slips(app) -> list[RoutingSlip]:
    with app.app_context():
        return db.session.query(RoutingSlip).all()


@pytest.fixture
def sent_back(app, tokens, closing):
    """A closed files slip from the EC, sent back by the unit's supervisor: its id."""
    with app.app_context():
        ec = accounts.get_user(db.session, ACCOUNTS["ec"]["username"])
        supervisor = accounts.get_user(db.session, ACCOUNTS["supervisor"]["username"])
        slip = slips.create_slip(db.session, ec, closing)[0]
        slips.send_back(db.session, slip.id, supervisor, REASON)
        return slip.id


def test_the_50_20e_page_asks_only_for_the_ecs_part(ec):
    page = ec.get("/forms/50-20e?example=1").text
    assert 'name="case_number"' in page and 'name="from_ec.office"' in page
    for field in ("supervisor.name", "supervisor.approved_on", "clerical.routed_to"):
        assert f'name="{field}"' not in page
    assert "not on this page" in page
    assert 'formaction="/slips/send"' not in page  # nothing to send before a Check


def test_other_forms_offer_no_slip_step(ec, example):
    page = ec.get("/forms/42-6?example=1").text
    assert "/slips/send" not in page and "not on this page" not in page


def test_a_checked_closed_files_slip_offers_send_for_approval(ec, closing):
    answer = ec.post("/forms/50-20e", data=posted(ec, closing) | {"_action": "check"})
    assert answer.status_code == 200
    assert 'formaction="/slips/send" name="_action" value="send">Send for approval<' in answer.text


def test_a_checked_transfer_within_the_unit_offers_queue_for_routing(ec, transfer):
    answer = ec.post("/forms/50-20e", data=posted(ec, transfer) | {"_action": "check"})
    assert ">Queue for routing</button>" in answer.text
    assert "Send for approval" not in answer.text


def test_a_check_with_problems_offers_no_send(ec, closing):
    data = posted(ec, closing | {"case_name": ""}) | {"_action": "check"}
    answer = ec.post("/forms/50-20e", data=data)
    assert answer.status_code == 422
    assert "/slips/send" not in answer.text
    assert "Check the slip first" in answer.text


def test_sending_makes_the_slip_as_the_api_does_and_leads_to_my_slips(app, ec, closing):
    typed = closing | {"supervisor": {"name": "Anyone", "approved_on": "2026-11-18"}}
    answer = ec.post("/slips/send", data=posted(ec, typed))
    assert (answer.status_code, answer.location) == (303, "/slips/mine")
    (slip,) = all_slips(app)
    assert (slip.status, slip.unit, slip.case_number) == ("pending_approval", "U17", "H7K2M58")
    assert slip.payload["supervisor"] is None and slip.payload["clerical"] is None
    assert slip.payload["from_ec"]["worker_number"] == ACCOUNTS["ec"]["worker_number"]
    mine = text(ec.get("/slips/mine"))
    assert f"Routing slip {slip.id} for case H7K2M58 sent: waiting for the supervisor's" in mine
    with app.app_context():
        audit = db.session.query(AuditEvent).filter_by(action="slip_pages.send").one()
        assert (audit.record_type, audit.record_id) == ("slip", str(slip.id))


def test_a_transfer_within_the_unit_sent_from_the_page_is_queued_at_once(app, ec, transfer):
    ec.post("/slips/send", data=posted(ec, transfer))
    (slip,) = all_slips(app)
    assert slip.status == "queued"
    assert "In the clerical queue" in text(ec.get("/slips/mine"))


def test_a_slip_with_problems_is_not_sent_and_the_form_comes_back_as_typed(app, ec, closing):
    answer = ec.post("/slips/send", data=posted(ec, closing | {"case_name": ""}))
    assert answer.status_code == 422
    assert 'id="f-case_name-error"' in answer.text
    assert 'value="H7K2M58"' in answer.text
    assert all_slips(app) == []


def test_a_case_another_ec_holds_is_refused_at_check_and_at_send(app, ec, closing):
    with app.app_context():
        other = accounts.create_user(db.session, "ec.okafor", "Chidi Okafor", "ec", unit="U22")
        put_assignment(db.session, closing["case_number"], other, accounts.now())
        db.session.commit()
    checked = text(ec.post("/forms/50-20e", data=posted(ec, closing) | {"_action": "check"}))
    assert 'id="slip-problem" role="alert">This case is held by another EC' in checked
    assert "Send for approval" not in checked
    answer = ec.post("/slips/send", data=posted(ec, closing))
    assert answer.status_code == 403
    assert "This case is held by another EC" in text(answer)
    assert all_slips(app) == []


def test_my_slips_shows_a_sent_back_slip_with_its_reason_and_a_way_to_correct_it(ec, sent_back):
    page = text(ec.get("/slips/mine"))
    assert f'id="slip-{sent_back}" class="needs-action"' in page
    assert "Sent back to you to correct" in page
    assert f"Reason: {REASON}" in page
    assert f'href="/slips/{sent_back}/correct"' in page
    assert "1 slip sent back to you to correct." in page


def test_my_slips_lists_only_the_slips_this_account_made(page_client, sent_back):
    supervisor = page_client("supervisor")
    page = supervisor.get("/slips/mine").text
    assert f'id="slip-{sent_back}"' not in page
    assert "You have not sent any routing slips yet." in page


def test_the_correction_page_is_the_slip_as_sent_with_the_reason(ec, sent_back):
    page = text(ec.get(f"/slips/{sent_back}/correct"))
    assert f"Correcting routing slip {sent_back}" in page
    assert REASON in page
    assert f'<input type="hidden" name="_slip" value="{sent_back}">' in page
    assert 'value="H7K2M58"' in page and "Delacroix-Yamada, Renée" in page
    assert 'name="supervisor.name"' not in page


def test_checking_a_correction_offers_resend_for_approval(ec, sent_back, closing):
    data = posted(ec, closing) | {"_action": "check", "_slip": str(sent_back)}
    page = ec.post("/forms/50-20e", data=data).text
    assert f'formaction="/slips/{sent_back}/resend" name="_action" value="send">Resend' in page
    assert f"Correcting routing slip {sent_back}" in page


def test_resending_a_correction_sends_it_to_the_supervisor_again(app, ec, sent_back, closing):
    corrected = closing | {"comments": "NOA date corrected to 09/30/2026."}
    answer = ec.post(f"/slips/{sent_back}/resend", data=posted(ec, corrected))
    assert (answer.status_code, answer.location) == (303, "/slips/mine")
    slip = slip_in(app, sent_back)
    assert (slip.status, slip.sent_back_reason) == ("pending_approval", None)
    assert slip.payload["comments"] == "NOA date corrected to 09/30/2026."
    page = text(ec.get("/slips/mine"))
    assert f"Routing slip {sent_back} corrected and sent for approval again." in page
    assert REASON not in page


def test_a_correction_that_changes_the_case_is_refused_and_kept_as_typed(
    app, ec, sent_back, closing
):
    answer = ec.post(
        f"/slips/{sent_back}/resend", data=posted(ec, closing | {"case_number": "B4C7Q21"})
    )
    assert answer.status_code == 422
    assert "A slip keeps its case number; make a new slip instead." in text(answer)
    assert 'value="B4C7Q21"' in answer.text
    assert f'name="_slip" value="{sent_back}"' in answer.text
    assert slip_in(app, sent_back).status == "sent_back"


def test_a_slip_already_resent_offers_no_second_resend(ec, sent_back, closing):
    ec.post(f"/slips/{sent_back}/resend", data=posted(ec, closing))
    page = text(ec.get(f"/slips/{sent_back}/correct"))
    assert "only a slip that is sent_back can be corrected and resubmitted" in page
    data = posted(ec, closing) | {"_action": "check", "_slip": str(sent_back)}
    assert "/resend" not in ec.post("/forms/50-20e", data=data).text


def test_only_the_ec_who_made_a_slip_may_correct_it(app, page_client, sent_back, closing):
    supervisor = page_client("supervisor")
    page = text(supervisor.get(f"/slips/{sent_back}/correct"))
    assert f"Only the EC who made routing slip {sent_back} may correct it." in page
    data = posted(supervisor, closing) | {"_action": "check", "_slip": str(sent_back)}
    assert "/resend" not in supervisor.post("/forms/50-20e", data=data).text
    answer = supervisor.post(f"/slips/{sent_back}/resend", data=posted(supervisor, closing))
    assert answer.status_code == 403
    assert slip_in(app, sent_back).status == "sent_back"


def test_another_ecs_slip_is_not_found(app, ec, sent_back):
    with app.app_context():
        other = accounts.create_user(db.session, "ec.okafor", "Chidi Okafor", "ec", unit="U17")
        slip = db.session.get(RoutingSlip, sent_back)
        slip.created_by_id = other.id
        db.session.commit()
    assert ec.get(f"/slips/{sent_back}/correct").status_code == 404
    assert f'id="slip-{sent_back}"' not in ec.get("/slips/mine").text


def test_ecs_see_my_slips_in_the_navigation(ec):
    assert '<a href="/slips/mine">My slips</a>' in ec.get("/forms").text
