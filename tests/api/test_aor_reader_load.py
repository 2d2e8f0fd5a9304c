"""AOR uploads under attack: bounded readers, stalling files remembered, a rate per account."""

from __future__ import annotations

import hashlib
import io
import os
import signal
import threading
import time
import urllib.error
import urllib.request
from collections import Counter

import pytest
from waitress.server import create_server

from service.aor import intake
from service.aor.gate import GateSettings, ReaderGate
from service.aor.stalled import StalledFiles
from service.extensions import db
from service.models.stalled import StalledFile
from tests.support.stalling_reader import SLEEP, hostile_pdf

GRID = "aor-101-000-grid"


@pytest.fixture
def stalling_reader(app, monkeypatch):
    """The stand-in reader (it spins on ``%spin``), a 1 s CPU limit, and a gate of
    ``readers`` with ``queue`` places: ``stalling_reader(readers=2, queue=2)``."""
    monkeypatch.setattr(intake, "WORKER", "tests.support.stalling_reader")
    app.config["AOR_READ_CPU_SECONDS"] = 1

    def gate(readers: int = 2, queue: int = 2) -> ReaderGate:
        settings = GateSettings(readers=readers, queue=queue, wait=30)
        app.extensions["aor_readers"].close()  # the app's own; this one is closed by ``app``
        with app.app_context():
            app.extensions["aor_readers"] = ReaderGate(settings, StalledFiles(db.engine))
        return app.extensions["aor_readers"]

    return gate


def multipart(data: bytes, filename: str) -> tuple[bytes, str]:
    boundary = "wtwforms-test-boundary"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
        f'filename="{filename}"\r\nContent-Type: application/pdf\r\n\r\n'
    ).encode()
    return (
        head + data + f"\r\n--{boundary}--\r\n".encode(),
        f"multipart/form-data; boundary={boundary}",
    )


def test_two_dozen_stalling_uploads_at_once_leave_the_health_check_answering(
    app, tokens, stalling_reader
):
    stalling_reader(readers=2, queue=2)
    server = create_server(app, host="127.0.0.1", port=0, threads=8)  # as `make run`
    base = f"http://127.0.0.1:{server.effective_port}"
    loop = threading.Thread(target=server.run, daemon=True)
    loop.start()
    answers: list[tuple[int, str | None, float]] = []

    def send(number: int) -> None:
        body, kind = multipart(hostile_pdf(tag=str(number)), f"aor-{number}.pdf")
        request = urllib.request.Request(
            f"{base}/api/v1/aors",
            data=body,
            headers={"Authorization": f"Bearer {tokens['contractor']}", "Content-Type": kind},
        )
        started = time.monotonic()
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                status, retry = response.status, None
        except urllib.error.HTTPError as refused:
            status, retry = refused.code, refused.headers.get("Retry-After")
        answers.append((status, retry, time.monotonic() - started))

    def health() -> float:
        started = time.monotonic()
        with urllib.request.urlopen(f"{base}/api/v1/health", timeout=60) as response:
            assert response.status == 200
        return time.monotonic() - started

    try:
        attack = [threading.Thread(target=send, args=(n,)) for n in range(24)]
        for thread in attack:
            thread.start()
        time.sleep(0.3)
        waits = [health() for _ in range(3)]
        for thread in attack:
            thread.join()
    finally:
        server.trigger.pull_trigger(server.close)  # closed in its own loop, which then ends
        loop.join(timeout=10)
        server.task_dispatcher.shutdown()
    assert max(waits) < 1.0, waits
    statuses = Counter(status for status, _, _ in answers)
    assert set(statuses) == {422, 503}, statuses
    assert statuses[422] <= 6  # two readers and two queue places, and any sent after them
    busy = [(retry, took) for status, retry, took in answers if status == 503]
    assert all(retry for retry, _ in busy)
    assert max(took for _, took in busy) < 2.0  # told at once, not after a wait


def test_a_file_refused_for_stalling_is_refused_again_at_once_without_a_reader(
    app, upload, stalling_reader, monkeypatch
):
    stalling_reader()
    data = hostile_pdf()
    first = upload(data)
    assert first.status_code == 422
    assert "processor time" in first.json["message"]
    assert "built to stall a reader" in first.json["message"]
    with app.app_context():
        kept = db.session.get(StalledFile, hashlib.sha256(data).hexdigest())
        assert kept is not None and kept.message == first.json["message"]

    def no_reader(*_args: object) -> None:
        raise AssertionError("a reader was started for a file known to stall")

    monkeypatch.setattr(app.extensions["aor_readers"].pool, "read", no_reader)
    started = time.monotonic()
    again = upload(data)
    assert time.monotonic() - started < 1.0
    assert (again.status_code, again.json["message"]) == (422, first.json["message"])


def test_a_valid_aor_whose_reader_waits_past_its_cpu_limit_is_read_not_refused(
    app, upload, sample_pdf, stalling_reader
):
    stalling_reader()
    # The reader sleeps 2 s (a busy machine: waiting for a core uses no CPU), then reads.
    answer = upload(sample_pdf(GRID) + b"\n" + SLEEP + b"\n")
    assert answer.status_code == 201, answer.json
    assert answer.json["case_number"] == "QU7PX4E"


def test_an_account_past_its_upload_rate_is_refused_on_the_api_and_the_page(
    app, upload, page_client, client_for, sample_pdf
):
    app.config["AOR_UPLOAD_RATE"] = "2 per minute"
    assert upload(sample_pdf(GRID)).status_code == 201
    assert upload(sample_pdf(GRID)).status_code == 200
    third = upload(sample_pdf(GRID))
    assert third.status_code == 429
    assert third.headers["Retry-After"]
    page = page_client("contractor")
    on_page = page.post(
        "/aors/upload/one",
        data={"file": (io.BytesIO(sample_pdf(GRID)), "grid.pdf")},
        headers={"X-CSRF-Token": page.csrf},
        content_type="multipart/form-data",
    )
    assert on_page.status_code == 429
    other = client_for("harbor.li", "contractor", provider="Harbor Job Services")
    elsewhere = other.post(
        "/api/v1/aors",
        data={"file": (io.BytesIO(sample_pdf(GRID)), "grid.pdf")},
        content_type="multipart/form-data",
    )
    assert elsewhere.status_code in (200, 201)


def test_uploads_are_read_one_after_another_by_the_same_warm_reader(app, upload, sample_pdf):
    for name in ("aor-101-000-grid", "aor-101-002-docx", "aor-101-003-grid"):
        assert upload(sample_pdf(name), f"{name}.pdf").status_code == 201
    readers = app.extensions["aor_readers"].pool.status()
    assert (readers["live"], len(readers["pids"])) == (1, 1)


def test_the_apps_first_request_starts_its_readers_and_the_first_upload_uses_one(
    app, client, upload, sample_pdf
):
    app.config["AOR_READERS_WARM_START"] = True
    pool = app.extensions["aor_readers"].pool
    assert pool.status()["live"] == 0  # nothing started with the app itself
    assert client.get("/api/v1/health").status_code == 200
    assert pool.status()["live"] == app.config["AOR_READERS"]
    started = pool.status()["pids"]
    assert upload(sample_pdf(GRID)).status_code == 201
    assert pool.status()["pids"] == started


def test_a_reader_killed_between_uploads_costs_no_upload(app, upload, sample_pdf):
    assert upload(sample_pdf(GRID)).status_code == 201
    pool = app.extensions["aor_readers"].pool
    [killed] = pool.status()["pids"]
    os.kill(killed, signal.SIGKILL)
    answer = upload(sample_pdf("aor-101-002-docx"))
    assert answer.status_code == 201, answer.json
    assert killed not in pool.status()["pids"]
