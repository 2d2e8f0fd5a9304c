"""Jobs on a real Celery worker (`wtwforms worker`) against the local RabbitMQ."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from service.auth import accounts
from service.extensions import db
from tests.api.conftest import transfer_slip
from tests.conftest import ACCOUNTS, read_pdf

BROKER = os.environ.get("WTWFORMS_TEST_BROKER_URL", "amqp://guest:guest@127.0.0.1:5672//")
WTWFORMS = Path(sys.executable).with_name("wtwforms")


def broker_answers() -> bool:
    parts = urlsplit(BROKER)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 5672), 2):
            return True
    except OSError:
        return False


pytestmark = pytest.mark.skipif(not broker_answers(), reason=f"no broker at {BROKER}")


@pytest.fixture
def on_broker(app, tmp_path):
    """The test app sends its jobs to queues of its own; ``start()`` starts a worker of them."""
    prefix = f"wtwforms-test-{uuid.uuid4().hex[:10]}-"
    app.config.update(BROKER_URL=BROKER, JOB_QUEUE_PREFIX=prefix, PRINT_JOB_THRESHOLD=1)
    env = os.environ | {
        "WTWFORMS_BROKER_URL": BROKER,
        "WTWFORMS_JOB_QUEUE_PREFIX": prefix,
        "WTWFORMS_DATA_DIR": app.config["DATA_DIR"],
        "WTWFORMS_DATABASE_URL": app.config["DATABASE_URL"],
    }
    workers: list[subprocess.Popen[bytes]] = []

    def start() -> subprocess.Popen[bytes]:
        log = (tmp_path / f"worker-{len(workers)}.log").open("wb")
        command = [str(WTWFORMS), "worker", "--queues", "pdf,aor", "--concurrency", "1"]
        workers.append(subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT))
        return workers[-1]

    yield start
    for worker in workers:
        worker.send_signal(signal.SIGTERM)
    for worker in workers:
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
    _delete_queues(app, prefix)


def _delete_queues(app, prefix: str) -> None:
    from service.jobs.queue import celery_for

    celery = celery_for(app)
    with celery.connection_for_write() as connection:
        channel = connection.default_channel
        for name in ("pdf", "aor"):
            channel.queue_delete(f"{prefix}{name}")
    celery.close()  # the test app's pooled broker connections


def follow(client, url: str, seconds: float = 180) -> dict:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        job = client.get(url).json
        if job["state"] in ("done", "failed"):
            return job
        time.sleep(0.5)
    raise AssertionError(f"the job at {url} did not end in {seconds} s: {job}")


def test_a_worker_prints_a_run_and_converts_a_document_sent_through_the_broker(
    app, client_as, on_broker, queued, example
):
    from service import documents
    from service.jobs.queue import start_job
    from service.jobs.results import job_store

    queued(3)
    clerk = client_as("clerical")
    answer = clerk.post("/api/v1/slips/print", json={})
    assert answer.status_code == 202, answer.json
    # The job waits on the broker while no worker runs: nothing in this process prints it.
    time.sleep(1)
    assert clerk.get(answer.json["job"]["url"]).json["state"] == "queued"
    worker = on_broker()
    job = follow(clerk, answer.json["job"]["url"])
    assert job["state"] == "done", job
    assert job["done"] == job["total"] == 3
    pages = read_pdf(clerk.get(job["result_url"]).data).pages
    assert [f"Quintero-{i:03d}, Marisol" in page for i, page in enumerate(pages)] == [True] * 3

    docx = documents.render("50-20e", example("50-20e")).content
    with app.test_request_context():
        owner = accounts.get_user(db.session, ACCOUNTS["clerical"]["username"])
        payload = {"docx": job_store(db.session).put(docx), "filename": "slip.pdf"}
        converted = start_job(db.session, "convert", owner, 1, payload)
    job = follow(clerk, f"/api/v1/jobs/{converted.id}")
    assert job["state"] == "done", job
    text = read_pdf(clerk.get(job["result_url"]).data).text
    assert "Delacroix-Yamada, Renée" in text and "H7K2M58" in text
    assert worker.poll() is None  # still running: it takes the next job


def test_with_a_broker_a_scan_is_read_by_an_aor_worker_not_by_the_server(
    app, client_as, upload, on_broker
):
    from parsers import tesseract
    from tests.scans import scanned_aor

    if not tesseract.available():
        pytest.skip("Tesseract not installed")
    # With a broker, even telling a scan from a text AOR is a worker's: one runs first.
    on_broker()
    answer = upload(scanned_aor(100528507)[1], "scan.pdf")
    assert answer.status_code == 202, answer.get_json()
    status_url = answer.get_json()["status_url"]
    assert app.extensions["aor_scans"].wait(timeout=1)  # nothing queued in this process
    assert app.extensions["aor_readers"].status()["processes"] == 0
    contractor = client_as("contractor")
    deadline = time.monotonic() + 240
    while contractor.get(status_url).get_json()["status"] == "reading":
        assert time.monotonic() < deadline, "the worker did not read the scan"
        time.sleep(1)
    read = contractor.get(status_url).get_json()
    assert read["status"] in ("read", "needs_review"), read
    assert read["source"] == "ocr" and read["case_number"] and read["rows"]


def children(pid: int) -> list[int]:
    found = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return [int(child) for child in found]


def test_a_worker_process_killed_mid_run_loses_nothing_the_run_is_done_on_its_retry(
    app, client_as, on_broker, example
):
    from service.models.job import Job
    from service.slips import workflow as slips

    with app.app_context():
        ec = accounts.get_user(db.session, ACCOUNTS["ec"]["username"])
        supervisor = accounts.get_user(db.session, ACCOUNTS["supervisor"]["username"])
        for i in range(60):
            payload = transfer_slip(example, i)
            slips.approve(db.session, slips.create_slip(db.session, ec, payload)[0].id, supervisor)
    worker = on_broker()
    clerk = client_as("clerical")
    url = clerk.post("/api/v1/slips/print", json={}).json["job"]["url"]
    deadline = time.monotonic() + 120
    while clerk.get(url).json["state"] != "running":
        assert time.monotonic() < deadline, "the worker did not begin the job"
        time.sleep(0.05)
    (process,) = children(worker.pid)
    os.kill(process, signal.SIGKILL)  # the process printing it, mid-run

    job = follow(clerk, url)
    assert job["state"] == "done", job
    pages = read_pdf(clerk.get(job["result_url"]).data).pages
    assert len(pages) == 60 and "Quintero-059, Marisol" in pages[59]
    with app.app_context():
        assert db.session.get(Job, job["id"]).attempts == 2
    assert process not in children(worker.pid)  # a new process took its place
