"""Fixed lists: codes match whatever their case, an unknown one is refused with the choices
named, and a new form starts with the worker's own details from their account."""

from __future__ import annotations

from service.prefill import AccountFacts, from_account

GLORIA = AccountFacts(
    name="Gloria Achterberg",
    worker_number="W3307",
    unit="U14",
    phone="510-555-0146",
    email="gachterberg@acssa.example.org",
    office="hayward",
    county="alameda",
)


def test_activity_types_and_offices_match_in_any_case(check, example):
    plan = example("wtw2")
    plan["county"], plan["office"] = "Alameda", "HAYWARD"
    plan["activities"][0]["type"] = plan["activities"][0]["type"].upper()
    result = check("wtw2", plan)
    assert result.evaluation.ok, result.evaluation.errors
    assert result.data["county"] == "alameda" and result.data["office"] == "hayward"
    assert result.data["activities"][0]["type"] == example("wtw2")["activities"][0]["type"]


def test_an_office_typed_by_its_name_is_the_office(check, example):
    notice = example("63-62")
    notice["office"] = "North Oakland"
    result = check("63-62", notice)
    assert result.evaluation.ok, result.evaluation.errors
    assert result.evaluation.computed["office_name"] == "North Oakland"


def test_a_referral_takes_contractor_and_activity_codes_in_any_case(check, example):
    referral = example("f063-41-251")
    referral["contractor_id"] = referral["contractor_id"].upper()
    referral["activity"] = referral["activity"].lower()
    result = check("f063-41-251", referral)
    assert result.evaluation.ok, result.evaluation.errors
    assert result.data["activity"] == example("f063-41-251")["activity"]


def test_an_unknown_activity_type_is_refused_naming_the_choices(check, example):
    plan = example("wtw2")
    plan["activities"][0]["type"] = "basket_weaving"
    errors = check("wtw2", plan).evaluation.errors
    message = errors["activities.0.type"][0]
    assert message.startswith("Choose one of: job_search, work_experience,")


def test_an_unknown_office_is_refused_naming_the_county_offices(check, example):
    slip = example("50-20e")
    slip["from_ec"]["office"] = "fremont"
    errors = check("50-20e", slip).evaluation.errors
    assert errors["from_ec.office"] == [
        "Alameda County has no office 'fremont'. Choose one of: Hayward (hayward), "
        "Eastmont (eastmont), North Oakland (north_oakland)."
    ]


def test_an_unknown_contractor_is_refused_naming_the_county_contractors(check, example):
    referral = example("f063-41-251")
    referral["contractor_id"] = "acme"
    message = check("f063-41-251", referral).evaluation.errors["contractor_id"][0]
    assert message == (
        "Orange County has no contractor 'acme'. Choose one of: Equus Workforce Services "
        "(equus), Coastline Career Pathways, Inc. (coastline)."
    )


def test_an_unknown_county_is_refused_naming_the_counties(check, example):
    plan = example("wtw2")
    plan["county"] = "marin"
    assert check("wtw2", plan).evaluation.errors["county"] == [
        "No county 'marin' is set up. Choose one of: alameda, orange."
    ]


def test_a_bad_phone_or_email_says_how_to_write_it(check, example):
    notice = example("63-62")
    notice["ec"]["phone"], notice["ec"]["email"] = "call me", "gloria at county"
    errors = check("63-62", notice).evaluation.errors
    assert errors["ec.phone"] == ["Enter a phone number like 510-555-0123."]
    assert errors["ec.email"] == ["Enter an e-mail address like name@county.gov."]


def test_a_new_notice_starts_with_the_ecs_own_details_and_office():
    payload = from_account("63-62", "alameda", GLORIA).payload
    assert payload == {
        "ec": {
            "name": "Gloria Achterberg",
            "worker_number": "W3307",
            "phone": "510-555-0146",
            "email": "gachterberg@acssa.example.org",
        },
        "office": "hayward",
    }


def test_a_new_slip_starts_with_the_senders_unit_and_office():
    payload = from_account("50-20e", "alameda", GLORIA).payload
    assert payload == {
        "from_ec": {
            "name": "Gloria Achterberg",
            "worker_number": "W3307",
            "unit": "U14",
            "office": "hayward",
        }
    }


def test_a_state_form_takes_the_ecs_county_with_the_office():
    payload = from_account("wtw2", None, GLORIA).payload
    assert payload["county"] == "alameda" and payload["office"] == "hayward"
    assert payload["ec"]["worker_number"] == "W3307"


def test_an_office_of_another_county_is_not_prefilled():
    payload = from_account("f063-41-251", "orange", GLORIA).payload
    assert "office" not in payload
    assert payload["case_manager"]["name"] == "Gloria Achterberg"


def test_facts_the_account_lacks_are_left_to_fill_in():
    payload = from_account("42-6", "alameda", AccountFacts(name="Ana Ruiz")).payload
    assert payload == {"ec": {"name": "Ana Ruiz"}}
