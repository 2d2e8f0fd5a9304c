"""The contractor's AOR upload page without a browser: each file read, errors beside its name."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from service.extensions import db
from service.models.aor import AorUpload
from service.models.audit import AuditEvent
from tests import aor_files
from tests.conftest import PROVIDER
from tests.referrals import refer

FILLABLE = "aor-101-001-fillable"
GRID = "aor-101-000-grid"


@pytest.fixture
def contractor(page_client):
    return page_client("contractor")


def files(*named: tuple[str, bytes]) -> list[tuple[io.BytesIO, str]]:
    return [(io.BytesIO(data), name) for name, data in named]


def corrected(data: bytes) -> bytes:
    """The fillable sample with its 01/11 make-up session scheduled, as the contractor fixes it."""
    return aor_files.with_fields(data, {"r11_sched": "2", "tot_sched": "145"})


def post_files(client, *named, **extra):
    data = {"csrf_token": client.csrf, "files": files(*named), **extra}
    return client.post("/aors/upload", data=data, content_type="multipart/form-data")


def test_several_files_are_read_and_a_bad_one_is_named_with_its_error(app, contractor, sample_pdf):
    answer = post_files(
        contractor,
        ("grid.pdf", sample_pdf(GRID)),
        ("notes.txt", b"minutes of the meeting"),
        ("fillable.pdf", sample_pdf(FILLABLE)),
    )
    assert answer.status_code == 200
    page = answer.text
    assert "D&#39;Angelo, Ana-Lucía, case QU7PX4E, September 2025" in page
    assert "Late: submitted 10/08/2025, due 10/07/2025." in page
    assert "<td>138.25</td>" in page
    assert "Note: 2026-01-11: 2 hours attended on a day with nothing scheduled" in page
    assert "On time: submitted 02/04/2026, due 02/06/2026." in page
    assert "notes.txt</h3>" in page
    assert "Not read: The file is not a PDF; upload the AOR as a PDF document." in page
    with app.app_context():
        assert db.session.query(AorUpload).count() == 2


def test_a_corrected_aor_says_it_replaced_the_earlier_reading(app, contractor, sample_pdf):
    # Only the provider's own report is corrected: the sample names another provider.
    ours = aor_files.with_fields(sample_pdf(FILLABLE), {"provider": PROVIDER})
    refer(app, "FTKS5P3H", "coastline")
    post_files(contractor, ("kim.pdf", ours))
    answer = post_files(contractor, ("kim-fixed.pdf", corrected(ours)))
    assert "This reading replaces the earlier reading of case FTKS5P3H for January 2026" in (
        answer.text
    )
    assert "No findings." in answer.text
    recent = contractor.get("/aors/upload").text
    assert "Replaced by upload 2" in recent
    assert recent.count("<td>Current</td>") == 1


def test_the_same_file_again_shows_the_stored_reading(contractor, sample_pdf):
    post_files(contractor, ("grid.pdf", sample_pdf(GRID)))
    again = post_files(contractor, ("grid-again.pdf", sample_pdf(GRID)))
    assert again.status_code == 200
    assert "already received on" in again.text
    assert "as grid.pdf" in again.text


def test_a_post_with_no_file_says_so_beside_the_field(contractor):
    answer = contractor.post(
        "/aors/upload", data={"csrf_token": contractor.csrf}, content_type="multipart/form-data"
    )
    assert answer.status_code == 422
    assert 'id="aor-files-error">Choose one or more AOR PDF files.' in answer.text


def test_more_files_than_the_page_reads_at_once_are_refused_whole(app, contractor, sample_pdf):
    app.config["AOR_UPLOAD_MAX_FILES"] = 2
    many = [(f"{n}.pdf", sample_pdf(GRID)) for n in range(3)]
    answer = post_files(contractor, *many)
    assert answer.status_code == 422
    assert "Upload at most 2 files at a time; 3 were chosen." in answer.text
    with app.app_context():
        assert db.session.query(AorUpload).count() == 0


def test_a_form_post_above_the_apps_2_mib_limit_passes_its_csrf_check(app, contractor, sample_pdf):
    # The csrf_token form field is read with the upload's limit, not the app's 2 MiB.
    big = aor_files.pages(1) + b"%" + b"x" * (3 * 1024 * 1024)
    answer = post_files(contractor, ("big.pdf", big), ("grid.pdf", sample_pdf(GRID)))
    assert answer.status_code == 200, answer.text[:500]
    assert "case QU7PX4E" in answer.text
    assert "big.pdf</h3>" in answer.text


def test_a_file_over_the_aor_limit_is_refused_beside_its_name(app, contractor, sample_pdf):
    app.config["AOR_MAX_BYTES"] = 1024 * 1024
    big = b"%PDF-1.7\n" + b"x" * (1024 * 1024 + 1)
    answer = post_files(contractor, ("big.pdf", big), ("grid.pdf", sample_pdf(GRID)))
    assert answer.status_code == 200
    assert "Not read: The file is larger than 1 MB, the limit." in answer.text
    assert "case QU7PX4E" in answer.text


def test_a_post_over_the_total_limit_re_shows_the_page_with_a_message(app, contractor):
    app.config["AOR_UPLOAD_MAX_TOTAL"] = 1024 * 1024
    answer = post_files(contractor, ("big.pdf", b"%PDF-" + b"x" * (1024 * 1024)))
    assert answer.status_code == 413
    assert "The files together are larger than 1 MB; upload fewer at a time." in answer.text
    assert "<h1>Upload AORs</h1>" in answer.text


def test_the_script_sends_one_file_with_the_token_in_a_header(app, contractor, sample_pdf):
    answer = contractor.post(
        "/aors/upload/one",
        data={"file": (io.BytesIO(sample_pdf(GRID)), "grid.pdf")},
        headers={"X-CSRF-Token": contractor.csrf},
        content_type="multipart/form-data",
    )
    assert answer.status_code == 201
    assert answer.text.lstrip().startswith('<li class="upload-result')
    assert "case QU7PX4E" in answer.text
    scanned = contractor.post(
        "/aors/upload/one",
        data={"file": (io.BytesIO(aor_files.scanned()), "scan.pdf")},
        headers={"X-CSRF-Token": contractor.csrf},
        content_type="multipart/form-data",
    )
    # A scan is kept and read by OCR in the background: its item says so, and is asked for again.
    assert scanned.status_code == 202
    assert "Status: reading" in scanned.text and "data-poll=" in scanned.text
    with app.app_context():
        rows = db.session.query(AuditEvent).filter_by(action="aor_upload.upload_one").all()
        assert [(r.status, r.record_type) for r in rows] == [(201, "aor"), (202, "aor")]


def test_an_upload_without_the_csrf_token_is_refused(app, contractor, sample_pdf):
    answer = contractor.post(
        "/aors/upload/one",
        data={"file": (io.BytesIO(sample_pdf(GRID)), "grid.pdf")},
        content_type="multipart/form-data",
    )
    assert answer.status_code == 400
    assert "CSRF token is missing" in answer.text
    with app.app_context():
        assert db.session.query(AorUpload).count() == 0


def test_the_page_links_to_the_blank_fillable_aor(contractor):
    page = contractor.get("/aors/upload").text
    assert 'href="/api/v1/aors/blank"' in page
    blank = contractor.get("/api/v1/aors/blank")
    assert blank.mimetype == "application/pdf"
    assert "r01_date" in (PdfReader(io.BytesIO(blank.data)).get_fields() or {})


@pytest.mark.parametrize("role", ["ec", "supervisor", "clerical", "admin"])
def test_only_contractors_upload_on_the_page(page_client, role):
    assert page_client(role).get("/aors/upload").status_code == 403
