"""Units are a list the admin keeps: "Unit 17" and "U17" are one unit; only listed ones count."""

from __future__ import annotations

import pytest

from service import units
from service.auth import accounts
from service.extensions import db


@pytest.fixture
def admin(client_as):
    return client_as("admin")


@pytest.mark.parametrize("typed", ["Unit 17", "unit17", "U17", "u 17", " 17 ", "U-17"])
def test_every_spelling_of_a_numbered_unit_is_one_code(typed):
    assert units.unit_code(typed) == "U17"


def test_an_administrator_adds_and_lists_units(admin):
    made = admin.post("/api/v1/units", json={"code": "unit 17"})
    assert made.status_code == 201, made.json
    assert (made.json["code"], made.json["name"]) == ("U17", "Unit 17")
    listed = admin.get("/api/v1/units")
    assert [u["code"] for u in listed.json] == ["U17"]


def test_a_second_spelling_of_a_kept_unit_is_refused(admin):
    admin.post("/api/v1/units", json={"code": "U17"})
    again = admin.post("/api/v1/units", json={"code": "Unit 17"})
    assert again.status_code == 422
    assert "already a unit U17" in again.json["message"]


@pytest.mark.parametrize("role", ["ec", "supervisor", "clerical", "contractor"])
def test_only_an_administrator_keeps_the_units(client_as, role):
    assert client_as(role).get("/api/v1/units").status_code == 403
    assert client_as(role).post("/api/v1/units", json={"code": "U5"}).status_code == 403


def test_an_account_typed_with_another_spelling_joins_the_listed_unit(admin, app):
    admin.post("/api/v1/units", json={"code": "U17"})
    made = admin.post(
        "/api/v1/users",
        json={"username": "ec.lowe", "display_name": "Sam Lowe", "role": "ec", "unit": "unit 17"},
    )
    assert made.status_code == 201, made.json
    assert made.json["unit"] == "U17"


def test_an_account_in_an_unlisted_unit_is_refused(admin):
    made = admin.post(
        "/api/v1/users",
        json={"username": "ec.lowe", "display_name": "Sam Lowe", "role": "ec", "unit": "U71"},
    )
    assert made.status_code == 422
    assert "no unit 'U71' in the list" in made.json["message"]


def test_a_retired_unit_takes_no_new_account_and_one_with_members_is_not_retired(app, tokens):
    with app.app_context():
        units.add_unit(db.session, units.UnitFacts("U17", "Unit 17"))
        units.add_unit(db.session, units.UnitFacts("U30", "Unit 30"))
        with pytest.raises(accounts.AccountError, match="active account"):
            units.retire_unit(db.session, "u17")  # tests/conftest.py's EC and supervisor
        units.retire_unit(db.session, "Unit 30")
        with pytest.raises(accounts.AccountError, match="no unit"):
            units.resolve(db.session, "U30")


def test_the_county_offices_are_listed_from_the_county_settings(app):
    with app.app_context():
        offices = {(o.county, o.code) for o in units.list_offices(db.session)}
    assert {("alameda", "hayward"), ("alameda", "eastmont")} <= offices
