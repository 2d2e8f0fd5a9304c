"""Long print runs as jobs (embedded mode, no broker): 202 with a job URL, then the PDF."""

from __future__ import annotations

import pytest

from service.auth import accounts
from service.extensions import db
from service.jobs import records
from service.jobs.queue import wait_for_jobs
from tests.conftest import ACCOUNTS, read_pdf

SLIPS = "/api/v1/slips"


@pytest.fixture
def small_threshold(app):
    app.config["PRINT_JOB_THRESHOLD"] = 2


def test_a_run_over_the_threshold_answers_202_and_its_job_ends_in_the_pdf(
    app, client_as, pdf, queued, small_threshold
):
    ids = queued(4)
    clerk = client_as("clerical")
    answer = clerk.post(f"{SLIPS}/print", json={})
    assert answer.status_code == 202, answer.json
    url = answer.json["job"]["url"]
    assert answer.headers["Location"] == url == f"/api/v1/jobs/{answer.json['job']['id']}"
    assert answer.json["total"] == answer.json["slip_count"] == 4
    assert wait_for_jobs(app, timeout=120)
    job = clerk.get(url).json
    assert job["state"] == "done", job
    assert job["done"] == job["total"] == 4
    assert job["error"] is None
    result = clerk.get(job["result_url"])
    assert result.status_code == 200
    assert result.mimetype == "application/pdf"
    pages = read_pdf(result.data).pages
    assert len(pages) == len(ids)
    for i, page in enumerate(pages):
        assert f"Quintero-{i:03d}, Marisol" in page


def test_a_run_at_the_threshold_still_prints_in_the_request(
    client_as, pdf, queued, small_threshold
):
    queued(2)
    answer = client_as("clerical").post(f"{SLIPS}/print", json={})
    assert answer.status_code == 200
    assert len(read_pdf(answer.data).pages) == 2


def test_another_clerk_follows_the_job_but_an_ec_gets_404(
    app, client_as, client_for, pdf, queued, small_threshold
):
    queued(3)
    url = client_as("clerical").post(f"{SLIPS}/print", json={}).json["job"]["url"]
    assert wait_for_jobs(app, timeout=120)
    other_clerk = client_for("clerk.ngata", "clerical", worker_number="C0043")
    assert other_clerk.get(url).json["state"] == "done"
    assert other_clerk.get(f"{url}/result").status_code == 200
    ec = client_as("ec")
    assert ec.get(url).status_code == 404
    assert ec.get(f"{url}/result").status_code == 404


def test_an_ecs_print_job_is_theirs_alone(app, client_as, client_for, pdf, queued, small_threshold):
    ids = queued(3)
    url = client_as("ec").post(f"{SLIPS}/print", json={"ids": ids}).json["job"]["url"]
    assert wait_for_jobs(app, timeout=120)
    assert client_as("ec").get(url).json["state"] == "done"
    colleague = client_for("ec.okafor", "ec", unit="U17", worker_number="W5150")
    assert colleague.get(url).status_code == 404
    assert client_as("clerical").get(url).status_code == 404


def test_a_job_not_done_has_no_result_yet(app, client_as):
    with app.app_context():
        clerk = accounts.get_user(db.session, ACCOUNTS["clerical"]["username"])
        job = records.create_job(db.session, "print", clerk, 30, {"ids": [1]})
        db.session.commit()
        job_id = job.id
    clerk_client = client_as("clerical")
    answer = clerk_client.get(f"/api/v1/jobs/{job_id}")
    assert answer.json == {
        "id": job_id,
        "kind": "print",
        "state": "queued",
        "done": 0,
        "total": 30,
        "error": None,
    }
    refused = clerk_client.get(f"/api/v1/jobs/{job_id}/result")
    assert refused.status_code == 409
    assert "queued" in refused.json["message"]


def test_job_calls_are_audited_with_the_job_they_name(app, client_as):
    from sqlalchemy import select

    from service.models.audit import AuditEvent

    client_as("clerical").get("/api/v1/jobs/no-such-job")
    with app.app_context():
        event = db.session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
        assert (event.record_type, event.record_id) == ("job", "no-such-job")
        assert event.status == 404
