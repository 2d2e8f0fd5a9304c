"""AOR files as downloaded: a sanitised copy for everyone, the original for supervisors only."""

from __future__ import annotations

import pytest
from werkzeug.http import parse_options_header

from parsers.aor import read_aor
from service.extensions import db
from service.models.aor import AorUpload
from service.models.audit import AuditEvent
from tests.active_pdfs import active_parts, with_active_content
from tests.referrals import assign

GRID = "aor-101-000-grid"


@pytest.fixture
def hostile(app, upload, sample_pdf):
    """The contractor's AOR carrying scripts, actions and attachments, its case the EC's."""
    data = with_active_content(sample_pdf(GRID))
    aor = upload(data, "September-AOR.html").json
    assign(app, aor["case_number"])
    return aor, data


@pytest.mark.parametrize("role", ["ec", "supervisor", "contractor"])
def test_everyone_downloads_a_copy_without_scripts_actions_or_attachments(
    client_as, hostile, sample_pdf, role
):
    aor, data = hostile
    assert active_parts(data) >= {"/JavaScript", "/OpenAction", "/Launch", "/EF", "/XFA"}
    copy = client_as(role).get(f"/api/v1/aors/{aor['id']}/file")
    assert copy.status_code == 200
    assert copy.mimetype == "application/pdf"
    assert active_parts(copy.data) == set()
    assert read_aor(copy.data) == read_aor(sample_pdf(GRID))


def test_the_ec_is_told_what_was_taken_out_of_the_file(client_as, hostile):
    aor, _ = hostile
    reading = client_as("ec").get(f"/api/v1/aors/{aor['id']}").json
    removed = [f for f in reading["findings"] if f["code"] == "active_content_removed"]
    assert removed
    assert "JavaScript" in removed[0]["message"]


def test_only_a_supervisor_of_the_case_downloads_the_original_and_it_is_audited(
    app, client_as, client_for, hostile
):
    aor, data = hostile
    path = f"/api/v1/aors/{aor['id']}/original"
    assert client_as("ec").get(path).status_code == 403
    assert client_as("contractor").get(path).status_code == 403
    assert client_for("sup.okafor", "supervisor", unit="U22").get(path).status_code == 404
    original = client_as("supervisor").get(path)
    assert original.status_code == 200
    assert original.data == data
    with app.app_context():
        rows = db.session.query(AuditEvent).filter_by(action="aors.get_aor_original").all()
    assert [(r.record_type, r.record_id, r.status) for r in rows][-1] == (
        "aor",
        str(aor["id"]),
        200,
    )


def download_name(answer) -> str:
    return parse_options_header(answer.headers["Content-Disposition"])[1]["filename"]


def test_a_download_name_always_ends_in_pdf(client_as, hostile):
    aor, _ = hostile
    assert aor["filename"] == "September-AOR.html"  # as sent, for the record
    copy = client_as("ec").get(f"/api/v1/aors/{aor['id']}/file")
    assert download_name(copy) == "September-AOR.pdf"
    original = client_as("supervisor").get(f"/api/v1/aors/{aor['id']}/original")
    assert download_name(original) == "September-AOR-original.pdf"


def test_an_aor_stored_before_copies_were_made_is_sanitised_on_first_download(
    app, client_as, hostile
):
    aor, _ = hostile
    with app.app_context():
        db.session.get(AorUpload, aor["id"]).sanitised_sha256 = None
        db.session.commit()
    copy = client_as("ec").get(f"/api/v1/aors/{aor['id']}/file")
    assert copy.status_code == 200
    assert active_parts(copy.data) == set()
    with app.app_context():
        assert db.session.get(AorUpload, aor["id"]).sanitised_sha256 is not None


def test_the_detail_page_offers_the_original_to_the_supervisor_only(page_client, hostile):
    aor, _ = hostile
    original = f'href="/api/v1/aors/{aor["id"]}/original"'
    copy = f'href="/api/v1/aors/{aor["id"]}/file"'
    ec_page = page_client("ec").get(f"/inbox/{aor['id']}").text
    assert copy in ec_page and original not in ec_page
    assert original in page_client("supervisor").get(f"/inbox/{aor['id']}").text
