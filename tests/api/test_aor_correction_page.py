"""Correcting an AOR's reading on its page, without a script: the form, its errors, the record."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest

from service.web.aor_correction_form import shown
from tests import aor_pdfs
from tests.aor_spec import CLEAN
from tests.referrals import assign

GRID = "aor-101-000-grid"  # row 17 is 09/23/2025: 7 scheduled, 5.25 attended, 1.75 unexcused


@pytest.fixture
def ec(page_client):
    return page_client("ec")


def text_of(answer) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", answer.text)).split())


def post(client, aor_id: int, **values: str):
    return client.post(f"/inbox/{aor_id}/corrections", data={"csrf_token": client.csrf, **values})


def test_an_ec_corrects_a_row_and_the_page_shows_what_changed_by_whom_and_the_original(ec, ec_aor):
    aor = ec_aor(GRID)
    answer = post(ec, aor["id"], **{"row-17-attended": "4", "row-17-unexcused": "3"})
    assert answer.status_code == 303
    page = text_of(ec.get(answer.location))
    assert "Corrections saved" in page
    assert "Row 09/23/2025: attended 5.25 4 5.25 ec.rivera" in page
    assert "Row 09/23/2025: unexcused 1.75 3 1.75 ec.rivera" in page
    assert "3 unexcused hours on 09/23/2025" in page
    assert "corrected; read as 1.75" in page
    assert "Total of the rows (computed) 154 137 14 3" in page


def test_a_header_field_and_the_date_submitted_are_corrected_from_the_form(ec, ec_aor):
    aor = ec_aor(GRID)
    post(ec, aor["id"], participant_name="D'Angelo, Ana", submitted_date="2025-10-07")
    page = text_of(ec.get(f"/inbox/{aor['id']}"))
    assert "AOR {}: D'Angelo, Ana, September 2025".format(aor["id"]) in page
    assert "Date submitted 10/08/2025 10/07/2025 10/08/2025" in page
    assert "Late:" not in page


def test_a_bad_value_is_named_beside_its_input_and_nothing_is_kept(ec, ec_aor, client_as):
    aor = ec_aor(GRID)
    answer = post(ec, aor["id"], **{"row-17-attended": "25", "cin": "123"})
    assert answer.status_code == 422
    assert 'id="row-17-attended-error"' in answer.text
    assert re.search(r'name="row-17-attended" value="25"[^>]*aria-describedby="row-17', answer.text)
    assert 'id="fix-cin-error">CIN must be 8 digits then a letter.' in answer.text
    assert client_as("ec").get(f"/api/v1/aors/{aor['id']}").json["corrections"] == []


def test_a_row_added_without_a_date_is_named_on_the_new_line(ec, ec_aor):
    aor = ec_aor(GRID)
    answer = post(ec, aor["id"], **{"new-attended": "3"})
    assert answer.status_code == 422
    assert 'id="new-date-error">Name the row by its date' in answer.text


def test_rows_are_removed_and_added_from_the_form(ec, ec_aor, client_as):
    aor = ec_aor(GRID)
    answer = post(
        ec,
        aor["id"],
        **{"row-1-remove": "yes", "row-5-note": "bus late", "new-date": "2025-09-27",
           "new-scheduled": "3", "new-attended": "3"},
    )  # fmt: skip
    assert answer.status_code == 303
    reading = client_as("ec").get(f"/api/v1/aors/{aor['id']}").json
    dates = [row["date"] for row in reading["rows"]]
    assert "2025-09-01" not in dates and "2025-09-27" in dates
    assert next(r for r in reading["rows"] if r["date"] == "2025-09-05")["note"] == "bus late"


class FormFields(HTMLParser):
    """What a browser sends from the correction form as the page fills it in."""

    def __init__(self) -> None:
        super().__init__()
        self.inside, self.select, self.values = False, None, {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = "aor-fix" in (a.get("class") or "")
        elif self.inside and tag == "input" and a.get("name") != "csrf_token":
            if a.get("type") != "checkbox" or "checked" in a:
                self.values[a["name"]] = a.get("value") or ""
        elif self.inside and tag == "select":
            self.select = a["name"]
            self.values[self.select] = None
        elif (
            self.select
            and tag == "option"
            and (self.values[self.select] is None or "selected" in a)
        ):
            self.values[self.select] = a.get("value") or ""

    def handle_endtag(self, tag):
        self.inside = self.inside and tag != "form"
        self.select = None if tag == "select" else self.select


def unchanged_form(page: str) -> dict[str, str]:
    parser = FormFields()
    parser.feed(page)
    return parser.values


@pytest.mark.parametrize("code", ["ILL", "VAC"])
def test_the_form_sent_back_unchanged_keeps_nothing(app, ec, upload, client_as, code):
    # A code the county does not know stays as read, unless the person changes it.
    aor = upload(aor_pdfs.pdf(CLEAN.with_row(6, code=code).with_row(0, att="four"))).json
    assign(app, aor["case_number"])
    form = unchanged_form(ec.get(f"/inbox/{aor['id']}").text)
    assert form["row-7-code"] == code and form["row-1-attended"] == "four"
    assert form == {**shown(aor), **form}
    answer = post(ec, aor["id"], **form)
    assert answer.status_code == 303
    assert "Nothing was changed" in text_of(ec.get(answer.location))
    assert client_as("ec").get(f"/api/v1/aors/{aor['id']}").json["corrections"] == []


def test_the_reading_is_marked_reviewed_and_the_mark_taken_back(ec, ec_aor):
    aor = ec_aor(GRID)
    post(ec, aor["id"], reviewed="yes")
    page = text_of(ec.get(f"/inbox/{aor['id']}"))
    assert "Marked reviewed." in page
    assert "Reviewed by ec.rivera on" in page
    assert "Take back the reviewed mark" in page
    assert "Reviewed by ec.rivera" in text_of(ec.get("/inbox"))
    post(ec, aor["id"], reviewed="no")
    assert "Reviewed by" not in text_of(ec.get(f"/inbox/{aor['id']}"))


def test_a_replaced_aor_offers_no_correction_and_refuses_one(ec, ec_aor, sample_pdf):
    first = ec_aor(GRID)
    ec_aor(GRID, data=sample_pdf(GRID) + b"\n% corrected\n")
    page = ec.get(f"/inbox/{first['id']}").text
    assert "Correct the reading" not in page
    assert post(ec, first["id"], participant_name="Someone").status_code == 409


def test_the_contractor_sees_on_their_upload_page_what_staff_corrected_not_who(
    ec, ec_aor, page_client
):
    aor = ec_aor(GRID)
    post(ec, aor["id"], submitted_date="2025-10-07")
    page = text_of(page_client("contractor").get("/aors/upload"))
    assert "Corrected by county staff." in page
    assert "Date submitted: 10/08/2025 → 10/07/2025 (" in page
    assert "ec.rivera" not in page
