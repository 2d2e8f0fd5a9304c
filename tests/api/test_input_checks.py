"""What enters is checked once, on the way in: lone surrogates, deep JSON, ids past any key."""

from __future__ import annotations

import json

import pytest
from flask import request
from werkzeug.datastructures import ImmutableMultiDict

from service.api.request import MAX_JSON_DEPTH, check_request
from service.errors import InvalidInput

SLIPS = "/api/v1/slips"
TOO_BIG = [2**31, 2**63, 10**30]


def post_json(client, url: str, text: str):
    return client.post(url, data=text, content_type="application/json")


def test_a_json_field_with_a_lone_surrogate_is_refused_naming_its_path(client, example):
    payload = example("50-20e")
    payload["participants"][0]["name"] = "Ana \ud800"
    answer = post_json(client, "/api/v1/forms/50-20e/check", json.dumps(payload))
    assert answer.status_code == 422
    assert list(answer.json["errors"]) == ["participants.0.name"]


def test_a_stored_slip_cannot_be_given_a_lone_surrogate(client, example):
    payload = example("50-20e") | {"supervisor": None, "clerical": None}
    payload["case_name"] = "Quintero, Marisol\udfff"
    answer = post_json(client, SLIPS, json.dumps(payload))
    assert answer.status_code == 422
    assert "case_name" in answer.json["errors"]


def test_a_lone_surrogate_in_a_key_or_raw_in_utf8_is_refused_too(client):
    answer = post_json(client, "/api/v1/forms/42-6/check", '{"case_\\ud800": 1}')
    assert answer.status_code == 422
    assert list(answer.json["errors"]) == ["case_\ufffd"]
    raw = b'{"case_number": "\xed\xa0\x80"}'  # UTF-8's shape of U+D800, which json lets through
    answer = client.post("/api/v1/forms/42-6/check", data=raw, content_type="application/json")
    assert answer.status_code == 422
    assert list(answer.json["errors"]) == ["case_number"]


def test_arguments_webargs_reads_are_checked_as_well(anonymous):
    # Sign-in's body is read by @blp.arguments (webargs), not by json_body.
    answer = post_json(anonymous, "/api/v1/session", '{"username": "ec\\ud800", "password": "x"}')
    assert answer.status_code == 422
    assert list(answer.json["errors"]) == ["username"]


@pytest.mark.parametrize("where", ["args", "form"])
def test_a_query_or_form_field_holding_a_lone_surrogate_is_refused_naming_it(app, where):
    # Werkzeug keeps undecodable bytes percent-encoded; another decoder in front of the
    # service may not, so the check holds whatever the fields came in as.
    with app.test_request_context("/approvals", method="POST", data={"reason": "x"}):
        request._get_current_object().__dict__[where] = ImmutableMultiDict({"reason": "\ud800"})
        with pytest.raises(InvalidInput) as refused:
            check_request()
    assert list(refused.value.errors) == ["reason"]


def test_a_query_string_that_is_not_utf8_is_a_400_not_a_500(client):
    answer = client.get("/api/v1/aors", environ_overrides={"QUERY_STRING": "case_number=\xed\xa0"})
    assert answer.status_code == 400
    assert "UTF-8" in answer.json["message"]


@pytest.mark.parametrize(
    "url", ["/api/v1/forms/42-6/check", f"{SLIPS}/print", "/api/v1/session", SLIPS]
)
def test_json_nested_200000_deep_is_a_400_before_it_is_parsed(client, url):
    answer = post_json(client, url, "[" * 200_000 + "]" * 200_000)
    assert answer.status_code == 400
    assert f"more than {MAX_JSON_DEPTH} deep" in answer.json["message"]


def test_brackets_inside_strings_do_not_count_as_depth(client):
    text = json.dumps({"case_number": "[" * 1000 + '{"' * 100})
    answer = post_json(client, "/api/v1/forms/42-6/check", text)
    assert answer.status_code == 422  # the schema's answer: the JSON itself was fine


def test_json_as_deep_as_allowed_is_parsed(client):
    nested = "[" * MAX_JSON_DEPTH + "]" * MAX_JSON_DEPTH
    answer = post_json(client, "/api/v1/forms/42-6/check", nested)
    assert answer.status_code == 422  # not an object: the schema says so, not the depth check


def test_a_number_of_thousands_of_digits_in_json_is_a_400(client_as):
    answer = post_json(client_as("clerical"), f"{SLIPS}/print", '{"ids": [' + "9" * 5000 + "]}")
    assert answer.status_code == 400


@pytest.mark.parametrize("big", TOO_BIG)
@pytest.mark.parametrize(
    "url", [f"{SLIPS}/{{}}", f"{SLIPS}/{{}}/document", "/api/v1/aors/{}", "/api/v1/documents/{}"]
)
def test_an_id_past_any_database_key_in_a_url_is_a_404(client, url, big):
    answer = client.get(url.format(big))
    assert answer.status_code == 404
    assert "requested URL was not found" in answer.json["message"]  # no view, no query


@pytest.mark.parametrize("url", ["/inbox/{}", "/inbox/{}/notice"])
def test_an_id_past_any_database_key_in_a_page_url_is_a_404_page(page_client, url):
    answer = page_client("ec").get(url.format(2**31))
    assert answer.status_code == 404
    assert answer.mimetype == "text/html"


@pytest.mark.parametrize("given", ["0", "9" * 5000, str(2**31 - 1)])
def test_ids_at_and_past_the_ends_are_a_404(client, given):
    assert client.get(f"{SLIPS}/{given}").status_code == 404


def test_the_largest_id_still_reaches_the_view(client_as):
    # 2^31 - 1 is a valid key: the view looks, and finds nothing.
    answer = client_as("ec").get(f"{SLIPS}/{2**31 - 1}")
    assert answer.status_code == 404
    assert "requested URL was not found" not in answer.json["message"]


@pytest.mark.parametrize("big", TOO_BIG)
def test_a_slip_id_past_any_key_in_a_print_body_is_a_422_naming_it(client_as, big):
    answer = client_as("clerical").post(f"{SLIPS}/print", json={"ids": [1, big]})
    assert answer.status_code == 422
    assert list(answer.json["errors"]) == ["ids.1"]


@pytest.mark.parametrize("big", TOO_BIG)
def test_a_user_id_past_any_key_in_the_audit_query_is_a_422_naming_it(client_as, big):
    answer = client_as("admin").get(f"/api/v1/audit?user_id={big}")
    assert answer.status_code == 422
    assert list(answer.json["errors"]) == ["user_id"]


def test_the_audit_query_still_takes_a_user_id(client_as):
    assert client_as("admin").get("/api/v1/audit?user_id=1").status_code == 200


@pytest.fixture
def form_page(page_client, example):
    """An EC's browser and what it posts for a form filled with its example."""
    from service.forms import get_form
    from service.web.form_schema import form_tree
    from service.web.form_values import flatten

    browser = page_client("ec")

    def posted(form_id: str) -> dict[str, str]:
        fields = flatten(form_tree(get_form(form_id).schema), example(form_id))
        return fields | {"csrf_token": browser.csrf}

    return browser, posted


def test_a_form_page_number_of_thousands_of_digits_is_refused_beside_the_field(form_page):
    browser, posted = form_page
    form = posted("f063-41-251") | {"length_months": "9" * 5000}
    answer = browser.post("/forms/f063-41-251", data=form)
    assert answer.status_code == 422
    assert 'id="f-length_months-error"' in answer.text


@pytest.mark.parametrize("index", ["9" * 5000, "²", "1" * 12])
def test_removing_an_item_by_a_number_that_is_none_re_shows_the_form(form_page, index):
    browser, posted = form_page
    form = posted("wtw2") | {"_remove": f"activities.{index}", f"activities.{index}.type": "x"}
    answer = browser.post("/forms/wtw2", data=form)
    assert answer.status_code in (200, 422)


@pytest.mark.parametrize("big", TOO_BIG)
def test_a_ticked_slip_number_past_any_key_is_refused_beside_the_print_button(page_client, big):
    clerk = page_client("clerical")
    answer = clerk.post("/routing/print", data={"csrf_token": clerk.csrf, "ids": [str(big)]})
    assert answer.status_code == 422
    assert "not a slip number" in answer.text
