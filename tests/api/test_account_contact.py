"""Accounts carry phone and e-mail; fill pages offer the county's lists by name and start with
the worker's own details, so the notices they print carry them."""

from __future__ import annotations

import html
import json
import re

import pytest
from sqlalchemy import select

from service.cli import main
from service.extensions import db
from service.models.unit import Office
from tests.api.test_form_fill_pages import fields
from tests.conftest import ACCOUNTS, read_docx

EC = ACCOUNTS["ec"]["username"]
PHONE, EMAIL = "510-555-0123", "ec.rivera@acssa.example.org"
NEW = {"username": "ec.nguyen", "display_name": "Thu Nguyen", "role": "ec", "unit": "U17"}


@pytest.fixture(autouse=True)
def unit_17_in_hayward(app):
    """The EC's unit, U17, sits in the Hayward office (the offices come from the settings)."""
    from service import units

    with app.app_context():
        hayward = db.session.scalar(
            select(Office).where(Office.county == "alameda", Office.code == "hayward")
        )
        assert hayward is not None
        units.add_unit(db.session, units.UnitFacts("U17", "Unit 17 (Hayward)", hayward.id))
        db.session.commit()


@pytest.fixture
def admin(client_as):
    return client_as("admin")


def value_of(page: str, field_id: str) -> str | None:
    found = re.search(rf'<input id="{re.escape(field_id)}" [^>]*?value="([^"]*)"', page)
    return html.unescape(found.group(1)) if found else None


def test_an_account_keeps_the_phone_and_email_it_is_created_with(admin):
    created = admin.post("/api/v1/users", json=NEW | {"phone": PHONE, "email": EMAIL})
    assert created.status_code == 201, created.json
    assert (created.json["phone"], created.json["email"]) == (PHONE, EMAIL)
    listed = {a["username"]: a for a in admin.get("/api/v1/users").json}
    assert (listed["ec.nguyen"]["phone"], listed["ec.nguyen"]["email"]) == (PHONE, EMAIL)


def test_the_phone_and_email_of_an_account_change_and_clear(admin):
    answer = admin.put(f"/api/v1/users/{EC}/contact", json={"phone": PHONE, "email": EMAIL})
    assert answer.status_code == 200, answer.json
    assert (answer.json["phone"], answer.json["email"]) == (PHONE, EMAIL)
    cleared = admin.put(f"/api/v1/users/{EC}/contact", json={"phone": None, "email": None})
    assert (cleared.json["phone"], cleared.json["email"]) == (None, None)


def test_a_bad_phone_or_email_is_refused_saying_how_to_write_it(admin):
    answer = admin.post("/api/v1/users", json=NEW | {"phone": "call me", "email": "thu at work"})
    assert answer.status_code == 422
    errors = answer.json["errors"]
    assert errors["phone"] == ["Enter a phone number like 510-555-0123."]
    assert errors["email"] == ["Enter an e-mail address like name@county.gov."]


def test_the_admin_page_sets_phone_and_email_and_shows_a_mistake_beside_it(app, page_client):
    admin = page_client("admin")
    url = f"/admin/accounts/{EC}/contact"
    bad = admin.post(url, data={"csrf_token": admin.csrf, "phone": "x", "email": EMAIL})
    assert bad.status_code == 422 and "Enter a phone number like 510-555-0123." in bad.text
    good = admin.post(url, data={"csrf_token": admin.csrf, "phone": PHONE, "email": EMAIL})
    assert good.status_code == 303
    page = admin.get("/admin/accounts").text
    assert value_of(page, f"phone-{EC}") == PHONE and value_of(page, f"email-{EC}") == EMAIL


def test_the_command_line_creates_an_account_with_phone_and_email(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("WTWFORMS_DATA_DIR", str(tmp_path / "cli"))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    main(["users", "create", "ec.ortiz", "--role", "ec", "--phone", PHONE, "--email", EMAIL])
    capsys.readouterr()
    main(["users", "list", "--json"])
    (row,) = json.loads(capsys.readouterr().out)
    assert (row["phone"], row["email"]) == (PHONE, EMAIL)


def test_the_command_line_changes_and_clears_phone_and_email(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("WTWFORMS_DATA_DIR", str(tmp_path / "cli"))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    main(["users", "create", "ec.ortiz", "--role", "ec", "--phone", PHONE])

    def listed() -> tuple[str | None, str | None]:
        capsys.readouterr()
        main(["users", "list", "--json"])
        (row,) = json.loads(capsys.readouterr().out)
        return row["phone"], row["email"]

    main(["users", "contact", "ec.ortiz", "--email", EMAIL])
    assert listed() == (PHONE, EMAIL)  # the phone, left out, stays
    main(["users", "contact", "ec.ortiz", "--phone", ""])
    assert listed() == (None, EMAIL)  # an empty one clears it


def test_the_command_line_refuses_a_bad_email_in_plain_words(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("WTWFORMS_DATA_DIR", str(tmp_path / "cli"))
    with pytest.raises(SystemExit) as exit_:
        main(["users", "create", "ec.ortiz", "--role", "ec", "--email", "nope"])
    assert exit_.value.code == 2
    assert "Enter an e-mail address like name@county.gov." in capsys.readouterr().err


def test_the_api_takes_office_and_calfresh_codes_in_any_case(client, example):
    notice = example("63-62")
    notice["office"], notice["calfresh_type"] = "HAYWARD", "TCF"
    answer = client.post("/api/v1/forms/63-62/check", json=notice)
    assert answer.status_code == 200 and answer.json["valid"], answer.json


def test_a_new_notice_starts_with_the_ecs_own_details_and_office(admin, page_client):
    admin.put(f"/api/v1/users/{EC}/contact", json={"phone": PHONE, "email": EMAIL})
    page = page_client("ec").get("/forms/63-62").text
    assert value_of(page, "f-ec-name") == EC  # the test accounts are named by username
    assert value_of(page, "f-ec-worker_number") == "W2918"
    assert value_of(page, "f-ec-phone") == PHONE and value_of(page, "f-ec-email") == EMAIL
    assert re.search(r'<input type="radio" name="office" value="hayward"[^>]* checked', page)
    assert "Your own details are filled in from your account." in page


def test_the_office_and_unit_are_chosen_by_name_not_typed(page_client):
    page = page_client("ec").get("/forms/50-20e").text
    assert re.search(r'name="to_ec.unit" value="U17"[^>]*> Unit 17 \(Hayward\)</label>', page)
    assert re.search(r'name="from_ec.unit" value="U17"[^>]* checked[^>]*> Unit 17', page)
    assert re.search(r'name="to_ec.office" value="eastmont"[^>]*> Eastmont</label>', page)
    assert re.search(r'name="from_ec.office" value="hayward"[^>]* checked', page)
    assert '<input id="f-to_ec-unit" name="to_ec.unit" value=""' not in page


def test_a_state_form_offers_the_counties_and_the_referral_its_contractors(page_client):
    ec = page_client("ec")
    plan = ec.get("/forms/wtw2").text
    assert re.search(r'name="county" value="alameda"[^>]*checked[^>]*> Alameda County', plan)
    referral = ec.get("/forms/f063-41-251").text
    assert re.search(r'name="contractor_id" value="coastline"[^>]*> Coastline Career', referral)
    assert '<option value="job_search">Job search</option>' in plan  # activity type


def test_the_notice_from_a_prefilled_page_prints_the_ecs_phone_and_email(
    admin, page_client, example
):
    admin.put(f"/api/v1/users/{EC}/contact", json={"phone": PHONE, "email": EMAIL})
    ec = page_client("ec")
    page = ec.get("/forms/63-62").text
    notice = example("63-62")
    notice["ec"] = {
        key: value_of(page, f"f-ec-{key}") for key in ("name", "worker_number", "phone", "email")
    }
    answer = ec.post(
        "/forms/63-62", data=fields("63-62", notice) | {"csrf_token": ec.csrf, "_action": "docx"}
    )
    assert answer.status_code == 200, answer.text[:2000]
    text = read_docx(answer.data).everything
    assert PHONE in text and EMAIL in text and "W2918" in text


def test_a_code_the_list_lacks_stays_chosen_with_the_choices_named(page_client, example):
    ec = page_client("ec")
    plan = example("wtw2")
    plan["activities"][0]["type"] = "basket_weaving"
    form = fields("wtw2", plan) | {"csrf_token": ec.csrf, "_action": "check"}
    page = ec.post("/forms/wtw2", data=form)
    assert page.status_code == 422
    assert '<option value="basket_weaving" selected>basket_weaving (not in the list)' in page.text
    assert "Choose one of: job_search, work_experience," in page.text
