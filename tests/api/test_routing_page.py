"""The clerical routing queue page without a browser: print the ticked slips, record routing."""

from __future__ import annotations

import html

import pytest

from service import clock
from service.auth import accounts
from service.extensions import db
from service.models.slip import RoutingSlip
from service.slips import workflow as slips
from tests.conftest import ACCOUNTS, read_pdf

OKAFOR = {"name": "Chidi Okafor", "worker_number": "W5150", "unit": "U22", "office": "eastmont"}


@pytest.fixture
def clerk(page_client):
    return page_client("clerical")


@pytest.fixture
def queued(app, tokens, example):
    """Slips in the clerical queue made through the workflow: ``queued("transfer", "closed")``
    makes a transfer and an approved closed files slip, each for its own case; their ids."""

    def make(*kinds: str) -> list[int]:
        made = []
        with app.app_context():
            ec = accounts.get_user(db.session, ACCOUNTS["ec"]["username"])
            supervisor = accounts.get_user(db.session, ACCOUNTS["supervisor"]["username"])
            for n, kind in enumerate(kinds):
                payload = example("50-20e") | {"supervisor": None, "clerical": None}
                payload["case_name"] = f"Quintero-{n:03d}, Marisol"
                if kind == "transfer":
                    payload |= {"action": "transfer", "closed_files": None, "to_ec": dict(OKAFOR)}
                slip = slips.create_slip(db.session, ec, payload)[0]
                # Both wait for the supervisor: closed files, and a transfer out of the unit.
                slips.approve(db.session, slip.id, supervisor)
                made.append(slip.id)
        return made

    return make


def route(client, slip_id, **fields):
    values = {"routed_to": "P999", "routed_on": clock.today().isoformat(), "initials": "RD"}
    data = {"csrf_token": client.csrf, **values, **fields}
    return client.post(f"/routing/{slip_id}/route", data=data)


def status_of(app, slip_id):
    with app.app_context():
        return db.session.get(RoutingSlip, slip_id).status


def test_the_queue_lists_each_slip_with_where_it_goes(clerk, queued):
    transfer, closing = queued("transfer", "closed")
    page = html.unescape(clerk.get("/routing").text)
    assert "2 slips waiting" in page
    assert f'id="slip-{transfer}"' in page and f'id="slip-{closing}"' in page
    assert "Chidi Okafor (W5150), U22" in page
    assert "Closed files bank P999" in page
    assert 'name="ids" value="' in page and 'form="print-form"' in page


def test_printing_with_nothing_ticked_says_so_beside_the_button(clerk, queued):
    queued("transfer")
    answer = clerk.post("/routing/print", data={"csrf_token": clerk.csrf})
    assert answer.status_code == 422
    assert 'id="print-error" role="alert">Select the slips to print first' in answer.text


def test_the_ticked_slips_print_as_one_pdf_a_page_each(clerk, queued, pdf):
    ids = queued("transfer", "transfer", "transfer")
    answer = clerk.post("/routing/print", data={"csrf_token": clerk.csrf, "ids": [ids[0], ids[2]]})
    assert answer.status_code == 200
    assert answer.mimetype == "application/pdf"
    pages = read_pdf(answer.data).pages
    assert len(pages) == 2
    assert "Quintero-000, Marisol" in pages[0] and "Quintero-002, Marisol" in pages[1]


def test_routing_a_slip_takes_it_out_of_the_queue_into_recently_routed(app, clerk, queued):
    closing, other = queued("closed", "closed")
    answer = route(clerk, closing, routed_to="Closed files bank P999", initials="rd")
    assert answer.status_code == 303
    page = clerk.get("/routing").text
    assert f"Routing slip {closing} recorded: routed to Closed files bank P999 on" in page
    waiting, routed = page.split('<h2 id="routed-title">')
    assert f'id="slip-{closing}"' not in waiting and f'id="slip-{other}"' in waiting
    assert f'id="routed-{closing}"' in routed and "<td>RD</td>" in routed
    assert status_of(app, closing) == "routed"


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"initials": "R.D."}, "initials", "Initials are letters only, like LT."),
        ({"routed_to": "V999"}, "routed_to", "&#39;V999&#39; is not closed files bank P999."),
        ({"routed_on": "2099-01-01"}, "routed_on", "The routing date cannot be in the future."),
        (
            {"routed_on": "11/23/2026"},
            "routed_on",
            "Enter a date, like 2026-12-07 (year, month, day).",
        ),
        ({"initials": ""}, "initials", "Enter your initials."),
        ({"routed_to": "  "}, "routed_to", "Enter the closed files bank or the EC"),
    ],
)
def test_a_bad_routing_is_refused_beside_its_field_with_what_was_typed(
    app, clerk, queued, fields, field, message
):
    (closing,) = queued("closed")
    answer = route(clerk, closing, **fields)
    assert answer.status_code == 422
    assert f'id="{field}-{closing}-error">{message}' in answer.text
    assert f'<a href="#{field}-{closing}">' in answer.text  # the summary above leads to it
    typed = {"routed_to": "P999", "initials": "RD"} | fields
    for name, value in typed.items():
        if value.strip() and name != "routed_on":
            assert f'name="{name}" type="text" value="{html.escape(value)}"' in answer.text
    assert status_of(app, closing) == "queued"


def test_one_submit_says_the_field_errors_and_the_routing_rules_together(app, clerk, queued):
    (closing,) = queued("closed")
    answer = route(clerk, closing, routed_to="V999", routed_on="2099-01-01", initials="R.D.")
    assert answer.status_code == 422
    text = html.unescape(answer.text)
    assert f'id="initials-{closing}-error">Initials are letters only, like LT.' in text
    assert f"id=\"routed_to-{closing}-error\">'V999' is not closed files bank P999." in text
    assert f'id="routed_on-{closing}-error">The routing date cannot be in the future.' in text
    assert status_of(app, closing) == "queued"


def test_an_empty_field_is_said_with_what_the_rules_make_of_the_others(clerk, queued):
    (closing,) = queued("closed")
    answer = html.unescape(route(clerk, closing, routed_to="V999", routed_on="").text)
    assert f'id="routed_on-{closing}-error">Enter the date the case was routed.' in answer
    assert f"id=\"routed_to-{closing}-error\">'V999' is not closed files bank P999." in answer


def test_a_slip_routed_already_is_said_above_the_queue(clerk, queued):
    (transfer,) = queued("transfer")
    assert route(clerk, transfer, routed_to="Chidi Okafor, U22").status_code == 303
    again = route(clerk, transfer, routed_to="Chidi Okafor, U22")
    assert again.status_code == 409
    assert f"Routing slip {transfer} is routed; only a slip that is queued" in again.text
    assert "<h1>Routing queue</h1>" in again.text


def test_routing_without_the_csrf_token_is_refused(app, clerk, queued):
    (transfer,) = queued("transfer")
    answer = clerk.post(f"/routing/{transfer}/route", data={"routed_to": "Chidi Okafor"})
    assert answer.status_code == 400
    assert status_of(app, transfer) == "queued"


@pytest.mark.parametrize("role", ["ec", "supervisor", "contractor", "admin"])
def test_only_clerical_staff_open_the_queue(page_client, role):
    assert page_client(role).get("/routing").status_code == 403
