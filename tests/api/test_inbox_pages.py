"""The AOR inbox pages without a browser: who sees which reading, what is marked, the 42-6 link."""

from __future__ import annotations

import html
import io
import re

import pytest

from parsers.aor import read_aor
from tests.referrals import assign, refer

# The sample with one day of unexcused hours, submitted a day late.
LATE = "aor-101-000-grid"
# The sample with no unexcused hours, on time, one finding.
CLEAN = "aor-101-001-fillable"


@pytest.fixture
def ec(page_client):
    return page_client("ec")


def text_of(answer) -> str:
    """The page's text, tags dropped and spaces squeezed: what a reader sees."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", answer.text)).split())


def test_the_inbox_shows_the_latest_reading_with_its_lateness_and_unexcused_hours(ec, ec_aor):
    aor = ec_aor(LATE)
    answer = ec.get("/inbox")
    assert answer.status_code == 200
    shown = text_of(answer)
    assert "D'Angelo, Ana-Lucía QU7PX4E September 2025" in shown
    assert "Late: submitted 10/08/2025, due 10/07/2025 (1 day late)" in shown
    assert "1.75 unexcused hours on 09/23/2025" in shown
    # WIC 11322.8: the month's average; its 1.75 h shortfall is the unexcused hours.
    assert "Short of the month's required hours by 1.75 h (unexcused hours)" in shown
    assert "138.25 attended, 14 excused, ⚠ 1.75 unexcused" in shown
    assert "Required 35 h a week (147 h this month)" in shown
    assert f'href="/inbox/{aor["id"]}"' in answer.text


def test_a_corrected_aor_replaces_the_one_it_corrects_as_the_latest(ec, ec_aor, sample_pdf):
    first = ec_aor(LATE)
    # The same report sent again with a byte more: a new file for the same case and month.
    corrected = ec_aor(LATE, data=sample_pdf(LATE) + b"\n% corrected\n")
    assert corrected["id"] != first["id"]
    answer = ec.get("/inbox")
    assert f'href="/inbox/{corrected["id"]}"' in answer.text
    assert f'href="/inbox/{first["id"]}"' not in answer.text
    assert text_of(answer).count("QU7PX4E") == 1
    replaced = text_of(ec.get(f"/inbox/{first['id']}"))
    assert f"A corrected AOR replaced this reading: open AOR {corrected['id']}" in replaced
    assert "Prepare 42-6 noncompliance notice" not in replaced


def test_a_clean_report_says_so_and_names_its_finding(app, ec, client_for, sample_pdf):
    # Sent by the provider it names, for a case referred to them: no finding about its sender.
    refer(app, "FTKS5P3H", "equus")
    equus = client_for("equus.sam", "contractor", provider="Equus Workforce Services")
    answer = equus.post(
        "/api/v1/aors",
        data={"file": (io.BytesIO(sample_pdf(CLEAN)), "kim.pdf")},
        content_type="multipart/form-data",
    )
    assign(app, answer.json["case_number"])
    shown = text_of(ec.get("/inbox"))
    assert "Nguyễn Văn Kim FTKS5P3H January 2026" in shown
    # Its one finding, a make-up session, is a note: shown, but the report is not marked.
    assert "finding to check with the provider" not in shown
    assert "no findings needing action, no participation shortfall" in shown
    assert "1 note, nothing to act on" in shown
    assert "aor-attention" not in ec.get("/inbox").text
    detail = text_of(ec.get(f"/inbox/{answer.json['id']}"))
    assert "Note make_up_session : 2026-01-11: 2 hours attended on a day with nothing" in detail
    assert "Late:" not in shown
    assert "unexcused hours on" not in shown


def test_an_ec_sees_only_the_aors_of_their_cases(ec, upload, sample_pdf):
    upload(sample_pdf(LATE))  # its case is nobody's
    shown = text_of(ec.get("/inbox"))
    assert "QU7PX4E" not in shown
    assert "No AORs have arrived for your cases yet." in shown


def test_the_units_supervisor_sees_the_reading_and_whose_case_it_is(ec_aor, client_as, client_for):
    ec_aor(LATE)
    shown = text_of(client_as("supervisor").get("/inbox"))
    assert "QU7PX4E" in shown
    assert "EC ec.rivera" in shown
    other_unit = client_for("sup.okafor", "supervisor", unit="U22")
    assert "QU7PX4E" not in text_of(other_unit.get("/inbox"))


def test_the_detail_page_shows_rows_both_totals_weeks_and_the_original(ec, ec_aor):
    aor = ec_aor(LATE)
    answer = ec.get(f"/inbox/{aor['id']}")
    assert answer.status_code == 200
    shown = text_of(answer)
    assert "09/23/2025 Tue 7 5.25 0 ⚠ 1.75 unexcused worked 2nd shift & stayed late" in shown
    assert "Total of the rows (computed) 154 138.25 14 1.75" in shown
    assert "Total printed on the AOR 154 138.25 14 1.75" in shown
    # Attended, excused, unexcused, expected (Labor Day's share out), countable.
    assert "09/01/2025 – 09/07/2025 28 7 0 28 (1 closed holiday) 35" in shown
    assert "09/22/2025 – 09/28/2025 33.25 0 ⚠ 1.75 35 33.25" in shown
    assert "Short by 1.75 h, all unexcused" in shown
    assert "HOL (holiday): 7 h" in shown
    assert f'href="/api/v1/aors/{aor["id"]}/file"' in answer.text
    assert f'href="/inbox/{aor["id"]}/notice"' in answer.text


def test_the_pdf_downloads_as_a_sanitised_copy_with_the_session(ec, ec_aor, sample_pdf):
    aor = ec_aor(LATE)
    answer = ec.get(f"/api/v1/aors/{aor['id']}/file")
    assert answer.status_code == 200
    assert read_aor(answer.data) == read_aor(sample_pdf(LATE))
    # The original, as uploaded, is evidence for a supervisor.
    assert ec.get(f"/api/v1/aors/{aor['id']}/original").status_code == 403


def test_an_aor_without_unexcused_hours_offers_no_notice_and_refuses_one(ec, ec_aor):
    aor = ec_aor(CLEAN)
    assert "Prepare 42-6" not in ec.get(f"/inbox/{aor['id']}").text
    refused = ec.get(f"/inbox/{aor['id']}/notice")
    assert refused.status_code == 409
    assert "records no unexcused hours" in text_of(refused)
    assert refused.mimetype == "text/html"


def test_another_ecs_aor_is_not_found_as_a_page(ec_aor, client_for):
    aor = ec_aor(LATE)
    stranger = client_for("ec.okafor", "ec", unit="U22")
    for path in (f"/inbox/{aor['id']}", f"/inbox/{aor['id']}/notice"):
        answer = stranger.get(path)
        assert answer.status_code == 404  # as an unknown id: no hint that it exists
        assert f"no AOR with id {aor['id']}" in answer.text
        assert answer.mimetype == "text/html"


def test_an_unknown_aor_is_a_404_page(ec):
    answer = ec.get("/inbox/999")
    assert answer.status_code == 404
    assert "no AOR with id 999" in answer.text


def test_contractors_use_their_upload_page_not_the_inbox(client_as):
    answer = client_as("contractor").get("/inbox")
    assert answer.status_code == 403
    assert "may not read the aor inbox" in answer.text
    assert answer.mimetype == "text/html"


def test_the_notice_page_is_the_42_6_filled_in_from_the_aor(ec, ec_aor):
    aor = ec_aor("aor-101-002-docx")
    answer = ec.get(f"/inbox/{aor['id']}/notice")
    assert answer.status_code == 200
    page = answer.text
    assert 'name="case_number" value="K62GSAR"' in page
    assert 'name="participant.name" value="Johnson, Fatima"' in page
    assert 'name="ec.worker_number" value="W2918"' in page
    assert 'name="noncompliance_dates.0" value="2025-10-06"' in page
    assert 'name="noncompliance_dates.2" value="2025-10-21"' in page
    assert 'value="noncompliance_initiated" selected' in page
    assert 'name="est.name" value=""' in page
    assert 'id="f-est-name-error"' not in page  # left for the EC: asked, not a failure
    assert f"Filled in from AOR {aor['id']} (October 2025)." in page
    assert 'action="/forms/42-6"' in page
