"""Stored text with a lone surrogate never makes a page, export, print run or notice fail."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from service import documents
from service.aor.notice import notice_from_reading
from service.auth import accounts
from service.extensions import db
from service.models.aor import AorUpload
from service.models.slip import RoutingSlip
from tests.conftest import ACCOUNTS, read_docx

LONE = "\ud800"
SLIPS = "/api/v1/slips"
# The sample with unexcused hours on three days: a 42-6 can be filled from it.
WITH_UNEXCUSED = "aor-101-002-docx"


def _store_reading(app, aor_id: int, **changes: Any) -> dict[str, Any]:
    # As a reading kept before input was checked: the JSON column carries the "\ud800" escape.
    with app.app_context():
        record = db.session.get(AorUpload, aor_id)
        record.reading = {**record.reading, **changes}
        db.session.commit()
        return dict(record.reading)


def _store_slip_payload(app, slip_id: int, **changes: Any) -> None:
    with app.app_context():
        slip = db.session.get(RoutingSlip, slip_id)
        slip.payload = {**slip.payload, **changes}
        db.session.commit()


@pytest.fixture
def poisoned_aor(app, ec_aor):
    aor = ec_aor(WITH_UNEXCUSED)
    reading = _store_reading(
        app, aor["id"], participant_name=f"Johnson{LONE}, Fatima", comments=f"late{LONE}"
    )
    return aor["id"], reading


@pytest.fixture
def poisoned_slip(app, client_as, example):
    """A closed files slip waiting for the supervisor, its case name holding a lone surrogate."""
    payload = example("50-20e") | {"supervisor": None, "clerical": None}
    answer = client_as("ec").post(SLIPS, json=payload)
    assert answer.status_code == 201, answer.json
    slip_id = answer.json["id"]
    _store_slip_payload(app, slip_id, case_name=f"Quintero{LONE}, Marisol")
    return slip_id


def test_the_inbox_and_an_aors_page_show_a_stored_surrogate_as_a_replacement(
    page_client, poisoned_aor
):
    aor_id, _ = poisoned_aor
    ec = page_client("ec")
    for url in ("/inbox", f"/inbox/{aor_id}", f"/inbox/{aor_id}/notice"):
        answer = ec.get(url)
        assert answer.status_code == 200, url
        assert "Johnson\ufffd, Fatima" in answer.text, url


def test_the_csv_export_writes_a_stored_surrogate_as_a_replacement(client_as, poisoned_aor):
    answer = client_as("ec").get("/api/v1/aors/export.csv")
    assert answer.status_code == 200
    assert "Johnson\ufffd, Fatima" in answer.data.decode("utf-8")


def test_a_42_6_filled_from_a_stored_surrogate_renders_with_a_replacement(app, poisoned_aor):
    _, reading = poisoned_aor
    with app.app_context():
        ec = accounts.get_user(db.session, ACCOUNTS["ec"]["username"])
        payload = notice_from_reading(reading, ec, dt.date(2025, 11, 3))
    payload["est"] = {"name": "Mei Tan", "worker_number": "E4410", "phone": None, "email": None}
    payload["noa_date"] = "2025-11-03"
    result = documents.check("42-6", payload, dt.date(2025, 11, 3))
    assert result.evaluation.ok, result.evaluation.errors
    rendered = documents.render("42-6", payload, today=dt.date(2025, 11, 3))
    assert "Johnson\ufffd, Fatima" in read_docx(rendered.content).everything


def test_the_approvals_page_shows_a_stored_surrogate_as_a_replacement(page_client, poisoned_slip):
    answer = page_client("supervisor").get("/approvals")
    assert answer.status_code == 200
    assert "Quintero\ufffd, Marisol" in answer.text


class _DocxOffice:
    """Stands in for LibreOffice: the print run's DOCX must open; its text is kept."""

    def __init__(self) -> None:
        self.text = ""

    def convert(self, docx: bytes, meta: dict[str, Any], timeout: float | None = None) -> bytes:
        self.text += read_docx(docx).everything
        return b"%PDF-1.7\n%%EOF\n"


def test_a_print_run_fills_a_stored_surrogate_as_a_replacement(
    app, client_as, poisoned_slip, monkeypatch
):
    office = _DocxOffice()
    monkeypatch.setitem(app.extensions, "office", office)
    answer = client_as("ec").post(f"{SLIPS}/print", json={"ids": [poisoned_slip]})
    assert answer.status_code == 200, answer.json
    assert "Quintero\ufffd, Marisol" in office.text
