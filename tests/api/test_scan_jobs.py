"""A scanned AOR's reading as a job: 202 with the job's URL, pages counted, the AOR its result."""

from __future__ import annotations

import io
from functools import cache

import pytest

from parsers import tesseract
from tests.conftest import PROVIDER
from tests.scans import scan, scanned_aor

pytestmark = pytest.mark.skipif(not tesseract.available(), reason="Tesseract not installed")
SEED = 100528507  # a generated AOR


@cache
def office_scan() -> bytes:
    return scanned_aor(SEED)[1]


@cache
def two_page_letter() -> bytes:
    """A scan of two pages that are no AOR."""
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    for line in ("Minutes of the staff meeting held on Tuesday", "Items for next week"):
        canvas.setFont("Helvetica", 12)
        canvas.drawString(72, 700, line)
        canvas.showPage()
    canvas.save()
    return scan(buffer.getvalue(), seed=3)


def pages(pdf: bytes) -> int:
    import pypdfium2 as pdfium

    return len(pdfium.PdfDocument(pdf))


def _read_all(app) -> None:
    assert app.extensions["aor_scans"].wait(timeout=180)


def test_a_scan_upload_answers_202_with_a_job_that_ends_done_with_the_aor_as_result(
    app, upload, client_as
):
    contractor = client_as("contractor")
    answer = upload(office_scan(), "scan.pdf")
    assert answer.status_code == 202, answer.get_json()
    body = answer.get_json()
    job_url = body["job"]["url"]
    assert job_url == f"/api/v1/jobs/{body['job']['id']}"
    assert answer.headers["Location"] == body["status_url"] == f"/api/v1/aors/{body['id']}"
    _read_all(app)
    job = contractor.get(job_url).get_json()
    assert job["kind"] == "read" and job["state"] == "done", job
    assert job["done"] == job["total"] == pages(office_scan())
    assert job["result_url"] == body["status_url"]
    result = contractor.get(f"{job_url}/result")
    assert result.status_code == 303 and result.headers["Location"].endswith(body["status_url"])
    assert contractor.get(job["result_url"]).get_json()["status"] in ("read", "needs_review")


def test_a_scan_that_is_no_aor_fails_its_job_after_counting_each_of_its_pages(
    app, upload, client_as
):
    answer = upload(two_page_letter(), "letter.pdf")
    assert answer.status_code == 202
    _read_all(app)
    job = client_as("contractor").get(answer.get_json()["job"]["url"]).get_json()
    assert job["state"] == "failed"
    assert "not an Attendance and Outcome Report" in job["error"]
    assert job["total"] == 2 and job["done"] == 2
    assert "result_url" not in job


def test_a_scans_job_is_followed_by_those_who_may_read_the_aor_and_no_one_else(
    app, upload, client_as, client_for
):
    answer = upload(office_scan(), "scan.pdf")
    job_url = answer.get_json()["job"]["url"]
    _read_all(app)
    colleague = client_for("coastline.al", "contractor", provider=PROVIDER)
    assert colleague.get(job_url).get_json()["state"] == "done"
    stranger = client_for("harbor.lee", "contractor", provider="Harbor Job Services")
    assert stranger.get(job_url).status_code == 404
    assert stranger.get(f"{job_url}/result").status_code == 404
    assert client_as("ec").get(job_url).status_code == 404  # not the EC's case


def test_the_same_scan_sent_again_while_read_answers_the_same_job(app, upload, client_as):
    runner = app.extensions["aor_scans"]
    held: list[int] = []
    original, runner.submit = runner.submit, held.append
    try:
        first = upload(office_scan(), "scan.pdf").get_json()
        again = upload(office_scan(), "scan-again.pdf")
    finally:
        runner.submit = original
    assert again.status_code == 202
    assert again.get_json()["job"] == first["job"]
    job = client_as("contractor").get(first["job"]["url"]).get_json()
    assert job["state"] == "queued" and job["done"] == 0
