"""Printing many 50-20e routing slips as one PDF: the queue or the ids given, a page each."""

from __future__ import annotations

import pytest

from tests.conftest import read_pdf

SLIPS = "/api/v1/slips"


def test_clerical_prints_the_whole_queue_as_one_pdf_a_slip_per_page(client_as, pdf, queued):
    ids = queued(12)  # more than one part: the parts are converted apart and joined
    response = client_as("clerical").post(f"{SLIPS}/print", json={})
    assert response.status_code == 200, response.json
    assert response.mimetype == "application/pdf"
    assert response.headers["X-Slip-Count"] == "12"
    read = read_pdf(response.data)
    assert len(read.pages) == len(ids)
    for i, page in enumerate(read.pages):
        assert f"Quintero-{i:03d}, Marisol" in page
        assert "Page 1 of 1" in page  # each slip numbers its own pages
    assert "50-20e" in read.title and "50-20e" in read.subject
    assert all(read.fonts.values())


def test_slips_named_by_id_print_in_the_order_given_each_once(client_as, pdf, queued):
    ids = queued(3)
    chosen = [ids[2], ids[0], ids[2]]
    response = client_as("clerical").post(f"{SLIPS}/print", json={"ids": chosen})
    pages = read_pdf(response.data).pages
    assert len(pages) == 2
    assert "Quintero-002" in pages[0] and "Quintero-000" in pages[1]


def test_an_ec_prints_their_own_slips_but_not_the_queue(client_as, pdf, queued):
    ids = queued(2)
    ec = client_as("ec")
    assert ec.post(f"{SLIPS}/print", json={"ids": ids}).status_code == 200
    refused = ec.post(f"{SLIPS}/print", json={})
    assert refused.status_code == 422
    assert "clerical" in refused.json["errors"]["ids"][0]


def test_an_empty_queue_says_there_is_nothing_to_print(client_as, pdf):
    response = client_as("clerical").post(f"{SLIPS}/print", json={})
    assert response.status_code == 422
    assert "nothing to print" in response.json["message"]


@pytest.mark.parametrize(
    ("body", "field"),
    [({"ids": []}, "ids"), ({"ids": ["7"]}, "ids.0"), ({"ids": [0]}, "ids.0"), ({"x": 1}, "x")],
)
def test_a_bad_print_request_names_the_field(client_as, body, field):
    response = client_as("clerical").post(f"{SLIPS}/print", json=body)
    assert response.status_code == 422
    assert field in response.json["errors"]


def test_a_slip_prints_alone_as_pdf_too(client_as, pdf, queued):
    (slip_id,) = queued(1)
    response = client_as("clerical").get(f"{SLIPS}/{slip_id}/document?format=pdf")
    assert response.status_code == 200
    assert "Quintero-000, Marisol" in read_pdf(response.data).text


def test_a_long_print_run_names_as_many_slips_as_the_audit_row_holds_then_a_count(
    app, client_as, pdf, queued
):
    from service.extensions import db
    from service.models.audit import AuditEvent

    ids = queued(30)
    response = client_as("clerical").post(f"{SLIPS}/print", json={"ids": ids})
    assert response.status_code == 202  # more than PRINT_JOB_THRESHOLD: printed as a job
    with app.app_context():
        row = db.session.query(AuditEvent).filter_by(action="slips.print_slips").one()
    assert len(row.record_id) <= 64
    named = row.record_id.split(",")
    assert named[-1] == f"+{len(ids) - len(named) + 1} more"
    assert named[:-1] == [str(i) for i in ids[: len(named) - 1]]
