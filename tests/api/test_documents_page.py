"""The documents page without a browser: the list, its filters, refusals, the file again."""

from __future__ import annotations

import html
import re

import pytest

from tests.conftest import read_docx


@pytest.fixture
def ec(page_client):
    return page_client("ec")


@pytest.fixture
def generated(client_as, example):
    """Generate a form as a role through the API: ``generated("42-6", role="ec", **changes)``."""

    def go(form_id: str, role: str = "ec", **changes) -> int:
        payload = example(form_id) | changes
        answer = client_as(role).post(f"/api/v1/forms/{form_id}/render", json=payload)
        assert answer.status_code == 200, answer.get_json()
        return int(answer.headers["Content-Location"].split("/")[-2])

    return go


def rows_of(answer) -> list[str]:
    """Each table body row's text, as a reader sees it."""
    body = re.search(r"<tbody>(.*?)</tbody>", answer.text, re.S)
    assert body, "the page has no table"
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", body.group(1), re.S)
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", row)).split()) for row in rows]


def test_the_documents_are_listed_newest_first_with_participant_and_maker(ec, generated):
    generated("42-6")
    generated("63-62")
    rows = rows_of(ec.get("/documents"))
    assert len(rows) == 2
    assert rows[0].startswith("63-62: CalFresh")
    assert rows[1].startswith("42-6: Employment Counselor Notice")
    assert "B4C7Q21 Marisol Ortega-Reyes DOCX" in rows[1]
    assert rows[1].endswith("(document 1)")
    assert "ec.rivera Download" in rows[1]


def test_the_filters_narrow_the_list_by_form_and_case(ec, generated):
    generated("42-6")
    generated("42-6", case_number="H7K2M58")
    generated("63-62")
    assert len(rows_of(ec.get("/documents?form_id=42-6"))) == 2
    narrowed = rows_of(ec.get("/documents?form_id=42-6&case_number=h7k2m58"))
    assert len(narrowed) == 1
    assert "H7K2M58" in narrowed[0]
    assert rows_of(ec.get("/documents?case_number=ZZZ9999")) == ["No documents match the filters."]


def test_a_bad_filter_is_named_beside_its_field_and_kept(ec):
    answer = ec.get("/documents?case_number=12%3Cb%3E&form_id=99-9")
    assert answer.status_code == 422
    assert 'id="case_number-error">Case number must be 7 to 10 letters and digits.' in answer.text
    assert 'value="12&lt;b&gt;"' in answer.text
    answer = ec.get("/documents?form_id=99-9")
    assert 'id="form_id-error">Choose a form from the list.' in answer.text


def test_the_download_link_gives_the_same_file_again(ec, generated, client_as, example):
    payload = example("42-6")
    first = client_as("ec").post("/api/v1/forms/42-6/render", json=payload)
    page = ec.get("/documents")
    link = re.search(r'href="(/api/v1/documents/\d+/file)"', page.text)
    assert link
    again = ec.get(link.group(1))
    assert again.status_code == 200
    assert again.data == first.data
    assert "Marisol Ortega-Reyes" in read_docx(again.data).everything


def test_an_ec_sees_only_their_own_documents_and_the_supervisor_the_units(
    ec, generated, client_as, client_for
):
    generated("42-6", role="supervisor")
    assert rows_of(ec.get("/documents")) == ["No documents yet."]
    assert len(rows_of(client_as("supervisor").get("/documents"))) == 1
    other_unit = client_for("sup.okafor", "supervisor", unit="U22")
    assert rows_of(other_unit.get("/documents")) == ["No documents yet."]


@pytest.mark.parametrize("role", ["clerical", "contractor", "admin"])
def test_roles_that_generate_no_forms_are_refused_the_page(client_as, role):
    answer = client_as(role).get("/documents")
    assert answer.status_code == 403
    assert answer.mimetype == "text/html"
