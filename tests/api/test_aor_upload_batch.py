"""The upload page's batch summary, its past readings, and an AOR not the sender's to send."""

from __future__ import annotations

import io
import re

import pytest

from tests import aor_files
from tests.conftest import PROVIDER
from tests.referrals import refer

GRID = "aor-101-000-grid"  # Coastline's report: case QU7PX4E
FILLABLE = "aor-101-001-fillable"  # printed with Equus's name: case FTKS5P3H
EQUUS = "Equus Workforce Services"


@pytest.fixture
def contractor(page_client):
    return page_client("contractor")


def post_files(client, *named: tuple[str, bytes]):
    files = [(io.BytesIO(data), name) for name, data in named]
    data = {"csrf_token": client.csrf, "files": files}
    return client.post("/aors/upload", data=data, content_type="multipart/form-data")


def summary_of(page: str) -> str:
    found = re.search(
        r'<p id="upload-summary" class="upload-summary" role="status">([^<]*)</p>', page
    )
    assert found, "the page has no batch summary"
    return found.group(1)


def test_a_batch_is_summed_up_as_read_refused_and_already_received(app, contractor, sample_pdf):
    refer(app, "QU7PX4E", "coastline")
    post_files(contractor, ("grid.pdf", sample_pdf(GRID)))
    ours = aor_files.with_fields(sample_pdf(FILLABLE), {"provider": PROVIDER})
    answer = post_files(
        contractor,
        ("kim.pdf", ours),
        ("notes.txt", b"minutes of the meeting"),
        ("grid-again.pdf", sample_pdf(GRID)),
    )
    assert summary_of(answer.text) == "1 read, 1 refused, 1 already received."
    assert 'data-outcome="already received"' in answer.text


def test_the_page_without_an_upload_says_nothing_yet(contractor):
    assert summary_of(contractor.get("/aors/upload").text) == ""


def test_a_past_reading_reopens_from_the_recent_uploads_table(contractor, sample_pdf):
    post_files(contractor, ("grid.pdf", sample_pdf(GRID)))
    table = contractor.get("/aors/upload").text
    link = re.search(
        r'<a href="(/aors/upload/\d+)">grid\.pdf<span class="visually-hidden"> \(upload 1\)', table
    )
    assert link, "the recent uploads table does not link the upload"
    reopened = contractor.get(link.group(1)).text
    assert "D&#39;Angelo, Ana-Lucía, case QU7PX4E, September 2025" in reopened
    assert "<td>138.25</td>" in reopened


def test_an_aor_printed_with_another_providers_name_says_so(app, contractor, sample_pdf):
    refer(app, "FTKS5P3H", "coastline")
    page = post_files(contractor, ("kim.pdf", sample_pdf(FILLABLE))).text
    assert (
        f"This AOR names {EQUUS} as the provider, not your organisation ({PROVIDER}). It is kept "
        "for the case manager to check and replaces no earlier AOR." in page
    )
    assert "no referral on record" not in page


def test_an_aor_for_a_case_not_referred_to_the_sender_says_so(contractor, sample_pdf):
    page = post_files(contractor, ("grid.pdf", sample_pdf(GRID))).text
    assert "Your organisation has no referral on record for case QU7PX4E." in page
    assert "as the provider, not your organisation" not in page


def test_an_aor_of_the_senders_own_referred_case_says_nothing_of_the_kind(
    app, contractor, sample_pdf
):
    refer(app, "QU7PX4E", "coastline")
    page = post_files(contractor, ("grid.pdf", sample_pdf(GRID))).text
    assert 'class="mismatch"' not in page


def test_an_aor_for_a_case_referred_only_to_others_is_refused_saying_why(
    app, contractor, sample_pdf
):
    refer(app, "QU7PX4E", "equus")
    page = post_files(contractor, ("grid.pdf", sample_pdf(GRID))).text
    assert "Not read: Your organisation has no referral for the case number on this AOR" in page
    assert summary_of(page) == "0 read, 1 refused, 0 already received."
