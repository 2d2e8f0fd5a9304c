"""`wtwforms demo`: fictional staff, units, cases, AORs and 50-20e slips in an empty database.

Everything after the accounts goes through the service's own API, as the office would use it,
so the demo shows the real workflow's states, not rows written around it.
"""

from __future__ import annotations

import copy
import io
from dataclasses import dataclass
from typing import Any

from flask import Flask
from flask.testing import FlaskClient

from service import clock, documents, first_run, units
from service.aor.blank import blank_aor
from service.auth import accounts
from service.extensions import db

PASSWORD = "demo passphrase 2026"  # fictional accounts on a trial database only
PROVIDER = "Harborview Job Club (demo)"
UNITS = (("U17", "Unit 17", "hayward"), ("U22", "Unit 22", "eastmont"))
STAFF: tuple[tuple[str, str, str, dict[str, str]], ...] = (
    ("demo.admin", "Avery Admin", "admin", {}),
    ("demo.sup", "Lena Marsh", "supervisor", {"unit": "U17", "worker_number": "S1701"}),
    (
        "demo.ec",
        "Tomas Reyes",
        "ec",
        {
            "unit": "U17",
            "worker_number": "W1702",
            "phone": "510-555-0117",
            "email": "treyes@wtw.example.org",
        },
    ),
    ("demo.ec2", "Priya Nair", "ec", {"unit": "U17", "worker_number": "W1703"}),
    ("demo.ec3", "Owen Blake", "ec", {"unit": "U22", "worker_number": "W2201"}),
    ("demo.clerk", "Rosa Tran", "clerical", {"worker_number": "C0101"}),
    ("demo.contractor", "Jo Whitman", "contractor", {"provider": PROVIDER}),
)
# Fictional cases: (case number, participant, EC).
CASES = (
    ("D1A2B34", "Marisol Demo", "demo.ec"),
    ("D5C6D78", "Kenji Example", "demo.ec"),
    ("D9E1F23", "Aisha Sample", "demo.ec2"),
    ("D4G5H67", "Bruno Fiction", "demo.ec3"),
)


class DemoRefused(Exception):
    """The database already holds accounts: the demo fills only an empty one."""


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    password: str


def fill(app: Flask) -> list[DemoAccount]:
    """Fill the app's empty database; the accounts made, each with the demo password."""
    with app.app_context():
        session = db.session
        if first_run.has_accounts(session):
            raise DemoRefused("the database already has accounts; the demo fills only an empty one")
        _units(session)
        for username, name, role, facts in STAFF:
            accounts.create_user(session, username, name, role, password=PASSWORD, **facts)
        tokens = {u: accounts.issue_token(session, u, "demo") for u, *_ in STAFF}
        session.commit()
    clients = {user: _client(app, token) for user, token in tokens.items()}
    for case_number, _participant, ec in CASES:
        _ok(clients["demo.admin"].put(f"/api/v1/cases/{case_number}", json={"ec": ec}))
    for case_number, participant, ec in CASES:
        _upload_aor(clients["demo.contractor"], case_number, participant, ec)
    _slips(clients)
    return [DemoAccount(u, role, PASSWORD) for u, _n, role, _f in STAFF]


def _units(session: Any) -> None:
    offices = {o.code: o.id for o in units.list_offices(session)}
    for code, name, office in UNITS:
        units.add_unit(session, units.UnitFacts(code, name, offices.get(office)))


def _client(app: Flask, token: str) -> FlaskClient:
    client = app.test_client()
    client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    return client


def _ok(answer: Any) -> dict[str, Any]:
    if answer.status_code >= 300:
        raise RuntimeError(f"demo step refused ({answer.status_code}): {answer.get_json()}")
    body: dict[str, Any] = answer.get_json() or {}
    return body


def _upload_aor(contractor: FlaskClient, case_number: str, participant: str, ec: str) -> None:
    month = clock.today().replace(day=1)
    section_a = {
        "participant_name": participant,
        "case_number": case_number,
        "cm_name": ec,
        "activity": "Job Club",
        "provider": PROVIDER,
        "report_month": month.strftime("%m/%Y"),
        "report_type": "Monthly",
        "assigned_hours_week": "20",
    }
    pdf = blank_aor(section_a)
    files = {"file": (io.BytesIO(pdf), f"aor-{case_number}.pdf")}
    _ok(contractor.post("/api/v1/aors", data=files, content_type="multipart/form-data"))


def _slip(case_number: str, participant: str, ec: dict[str, str]) -> dict[str, Any]:
    payload = copy.deepcopy(documents.example("50-20e"))
    payload |= {"case_number": case_number, "case_name": participant, "from_ec": ec}
    payload |= {"supervisor": None, "clerical": None, "slip_date": clock.today().isoformat()}
    payload["participants"] = [
        {"name": participant, "cin": "99999999D", "role": "Head of household"}
    ]
    return payload


def _slips(clients: dict[str, FlaskClient]) -> None:
    """Slips in each state: waiting for approval, sent back, queued, routed."""
    ec = {"name": "Tomas Reyes", "worker_number": "W1702", "unit": "U17", "office": "hayward"}
    made = [
        _ok(clients["demo.ec"].post("/api/v1/slips", json=_slip(number, who, ec)))
        for number, who, owner in CASES
        if owner == "demo.ec"
    ]
    waiting = _ok(
        clients["demo.ec"].post("/api/v1/slips", json=_slip("D1A2B34", "Marisol Demo", ec))
    )
    del waiting  # left waiting for the supervisor's approval
    sup, clerk = clients["demo.sup"], clients["demo.clerk"]
    reason = {"reason": "Attach the 63-62 date to the comments, please."}
    _ok(sup.post(f"/api/v1/slips/{made[0]['id']}/send-back", json=reason))
    _ok(sup.post(f"/api/v1/slips/{made[1]['id']}/approve"))
    routed = _ok(
        clients["demo.ec"].post("/api/v1/slips", json=_slip("D5C6D78", "Kenji Example", ec))
    )
    _ok(sup.post(f"/api/v1/slips/{routed['id']}/approve"))
    today = clock.today().isoformat()
    routing = {"routed_to": "Closed files bank P999", "routed_on": today, "initials": "RT"}
    _ok(clerk.post(f"/api/v1/slips/{routed['id']}/route", json=routing))
