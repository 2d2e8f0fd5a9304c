"""Scanned AORs through the API and the upload page: 202 at once, read in the background."""

from __future__ import annotations

import io
import time
from functools import cache

import pytest

from parsers import tesseract
from service.aor import background
from tests.scans import scan, scanned_aor

pytestmark = pytest.mark.skipif(not tesseract.available(), reason="Tesseract not installed")
SEED = 100528507  # a one-page generated AOR


@cache
def office_scan() -> bytes:
    return scanned_aor(SEED)[1]


@cache
def scanned_letter() -> bytes:
    """A scan of a page that is no AOR."""
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.setFont("Helvetica", 12)
    canvas.drawString(72, 700, "Minutes of the staff meeting held on Tuesday")
    canvas.save()
    return scan(buffer.getvalue(), seed=2)


@pytest.fixture
def held(app):
    """The background readers held: what they would read is listed, read when the test says."""
    queued: list[int] = []
    runner = app.extensions["aor_scans"]
    original = runner.submit
    runner.submit = queued.append

    def read_now() -> None:
        with app.app_context():
            for upload_id in queued:
                background.read_scan(upload_id)

    yield read_now
    runner.submit = original


def test_a_scan_answers_202_at_once_and_reads_as_reading_until_it_is_read(upload, client_as, held):
    contractor = client_as("contractor")
    start = time.perf_counter()
    answer = upload(office_scan(), "scan.pdf")
    assert answer.status_code == 202, answer.get_json()
    assert time.perf_counter() - start < 5  # no OCR in the request (its reader may be starting)
    body = answer.get_json()
    assert body["status"] == "reading" and body["participant_name"] == ""
    assert answer.headers["Location"] == body["status_url"] == f"/api/v1/aors/{body['id']}"
    assert contractor.get(body["status_url"]).get_json()["status"] == "reading"
    held()
    read = contractor.get(body["status_url"]).get_json()
    assert read["status"] in ("read", "needs_review")
    assert read["case_number"] and read["report_month"] and read["rows"]
    note = next(f for f in read["findings"] if f["code"] == "read_by_ocr")
    assert "Handwritten entries are not read" in note["message"]


def test_the_background_readers_read_a_scan_sent_through_the_api(app, upload, client_as):
    answer = upload(office_scan(), "scan.pdf")
    assert answer.status_code == 202
    assert app.extensions["aor_scans"].wait(timeout=120)
    read = client_as("contractor").get(answer.get_json()["status_url"]).get_json()
    assert read["status"] in ("read", "needs_review")
    assert read["source"] == "ocr" and read["participant_name"]


def test_a_value_marked_for_review_makes_the_status_needs_review(upload, client_as, held):
    poor = scanned_aor(SEED, _poor_scanner())[1]
    answer = upload(poor, "poor-scan.pdf")
    held()
    read = client_as("contractor").get(answer.get_json()["status_url"]).get_json()
    marked = [f for f in read["findings"] if f["code"] == "needs_review"]
    assert marked and read["status"] == "needs_review"
    assert all(f["severity"] == "needs_action" for f in marked)


def _poor_scanner():
    from tests.scans import Scanner

    return Scanner(noise=45.0, speckles=3000, quality=20, blur=1.1)


def test_staff_see_each_values_confidence_and_the_provider_sees_the_marks(
    app, upload, client_as, held
):
    from service.aor.records import describe
    from service.api.aors import aor_store  # noqa: F401
    from service.extensions import db
    from service.models.aor import AorUpload

    answer = upload(office_scan(), "scan.pdf")
    held()
    provider_view = client_as("contractor").get(answer.get_json()["status_url"]).get_json()
    assert "ocr" not in provider_view
    with app.app_context():
        staff_view = describe(db.session.get(AorUpload, answer.get_json()["id"]))
    confidence = staff_view["ocr"]["confidence"]
    assert staff_view["ocr"]["threshold"] == 80.0
    assert 0 <= confidence["fields"]["case_number"] <= 100
    assert len(confidence["rows"]) == len(staff_view["rows"])


def test_a_scan_that_cannot_be_read_fails_saying_why_and_its_original_is_kept(
    app, upload, client_as, held
):
    answer = upload(scanned_letter(), "letter.pdf")
    assert answer.status_code == 202
    held()
    read = client_as("contractor").get(answer.get_json()["status_url"]).get_json()
    assert read["status"] == "failed"
    assert "not an Attendance and Outcome Report" in read["failure"]
    with app.app_context():
        from service.api.aors import aor_store

        assert aor_store().get(read["sha256"]) == scanned_letter()


def test_the_same_scan_sent_again_while_it_is_read_answers_the_same_upload(upload, held):
    first = upload(office_scan(), "scan.pdf").get_json()
    again = upload(office_scan(), "scan-again.pdf")
    assert again.status_code == 202 and again.get_json()["id"] == first["id"]


def test_a_text_aor_is_still_read_in_its_own_request(upload, sample_pdf):
    answer = upload(sample_pdf("aor-101-000-grid"))
    assert answer.status_code == 201
    assert answer.get_json()["status"] in ("read", "needs_review")
    assert "status_url" not in answer.get_json()


def test_a_scan_left_reading_by_a_stopped_server_is_read_after_the_first_request(
    app, upload, client_as, held
):
    answer = upload(office_scan(), "scan.pdf").get_json()  # queued, never read
    runner = app.extensions["aor_scans"]
    runner.resumed = False  # as a server process starting again
    queued: list[int] = []
    runner.submit = queued.append
    client_as("contractor").get("/api/v1/aors")
    assert queued == [answer["id"]]


def test_the_upload_page_shows_a_scan_reading_then_its_reading(page_client, held):
    contractor = page_client("contractor")
    sent = contractor.post(
        "/aors/upload/one",
        data={"file": (io.BytesIO(office_scan()), "scan.pdf")},
        headers={"X-CSRF-Token": contractor.csrf},
        content_type="multipart/form-data",
    )
    assert sent.status_code == 202, sent.text
    assert "Status: reading" in sent.text and "data-poll=" in sent.text
    upload_id = int(sent.text.split("/aors/upload/")[1].split("/")[0])
    refresh = f"/aors/upload/{upload_id}"
    assert f'href="{refresh}"' in sent.text  # without the script: a link to refresh
    assert "Status: reading" in contractor.get(f"{refresh}/item").text
    held()
    item = contractor.get(f"{refresh}/item").text
    assert "data-poll" not in item
    assert "Status: read." in item or "Status: needs review." in item
    page = contractor.get(refresh).text
    assert "Upload AORs" in page and ("Status: read." in page or "Status: needs review." in page)


def test_a_scan_whose_reading_failed_is_read_again_when_sent_again(upload, client_as, held):
    first = upload(scanned_letter(), "letter.pdf").get_json()
    held()
    assert client_as("contractor").get(first["status_url"]).get_json()["status"] == "failed"
    again = upload(scanned_letter(), "letter.pdf")
    assert again.status_code == 202
    assert again.get_json()["id"] == first["id"] and again.get_json()["status"] == "reading"
