"""With a broker, a request's PDF conversion and AOR reading are done by a worker it waits for."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from sqlalchemy import func, select

from service.extensions import db
from service.models.job import Job
from tests.api.test_jobs_celery import broker_answers, on_broker  # noqa: F401 (a fixture)
from tests.conftest import read_pdf
from tests.support.processes import descendants

pytestmark = pytest.mark.skipif(not broker_answers(), reason="no broker")
SAMPLES = Path(__file__).resolve().parents[1] / "data" / "aor_samples"
SAMPLE = "aor-101-000-grid"


@pytest.fixture
def start_worker(request):
    """The test app's jobs go to queues of its own; calling this starts a worker of them."""
    return request.getfixturevalue("on_broker")


@pytest.fixture
def nothing_here(app, monkeypatch):
    """The web app's own reader gate and LibreOffice pool fail the test if asked to work."""

    def here(*_args, **_kwargs):
        raise AssertionError("the web process did the work itself")

    monkeypatch.setattr(app.extensions["aor_readers"], "read", here)
    monkeypatch.setattr(app.extensions["office"], "convert", here)


def running(name: str, besides: int) -> set[int]:
    """This test process's descendants whose command line names ``name``, but for those of
    the process ``besides`` (the worker, whose LibreOffice is its own)."""
    named = set()
    for pid in descendants(os.getpid()) - descendants(besides):
        try:
            line = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
        except OSError:
            continue
        if name.encode() in line:
            named.add(pid)
    return named


def jobs_left(app) -> int:
    with app.app_context():
        return int(db.session.scalar(select(func.count()).select_from(Job)) or 0)


def render_pdf(client, example):
    return client.post("/api/v1/forms/42-6/render?format=pdf", json=example("42-6"))


def upload_sample(upload):
    return upload((SAMPLES / f"{SAMPLE}.pdf").read_bytes(), f"{SAMPLE}.pdf")


def test_a_pdf_render_and_a_text_aor_upload_are_done_by_a_worker_and_the_web_app_starts_neither(
    app, client_as, upload, start_worker, example, nothing_here
):
    worker = start_worker()
    # Other tests' LibreOffice pools may live on in this process for the session: only a new
    # LibreOffice would be this app's.
    earlier = running("soffice", besides=worker.pid)
    ec = client_as("ec")
    rendered = render_pdf(ec, example)
    assert rendered.status_code == 200, rendered.get_data(as_text=True)[:500]
    participant = example("42-6")["participant"]["name"]
    assert participant in read_pdf(rendered.data).text

    uploaded = upload_sample(upload)
    assert uploaded.status_code == 201, uploaded.get_json()
    expected = json.loads((SAMPLES / f"{SAMPLE}.json").read_text())
    assert uploaded.get_json()["case_number"] == expected["case_number"]

    # Nothing of either ran here: no LibreOffice started, no reader process, no pool begun.
    assert running("soffice", besides=worker.pid) - earlier == set()
    assert app.extensions["aor_readers"].status()["processes"] == 0
    assert app.extensions["office"].status()["ready"] == 0
    health = ec.get("/api/v1/health").get_json()
    assert health["pdf"]["state"] == "remote" and health["pdf"]["queue"] == "reachable"
    assert jobs_left(app) == 0  # each request's job went with its answer


def test_a_file_the_worker_refuses_is_answered_as_the_worker_refused_it(app, upload, start_worker):
    from service.aor.stalled import StalledFiles

    data = (SAMPLES / "aor-101-001-fillable.pdf").read_bytes()
    message = "Reading the file used more than 20 seconds of processor time (fictional)."
    StalledFiles(db.engine).remember(hashlib.sha256(data).hexdigest(), message)
    start_worker()
    answer = upload(data, "aor.pdf")
    assert (answer.status_code, answer.get_json()["message"]) == (422, message)
    assert "Retry-After" not in answer.headers
    assert jobs_left(app) == 0


def test_a_pdf_render_no_worker_takes_answers_503_with_retry_after_once_the_wait_runs_out(
    app, client_as, start_worker, example
):
    app.config["PDF_REMOTE_TIMEOUT"] = 1.0
    answer = render_pdf(client_as("ec"), example)
    assert answer.status_code == 503, answer.get_json()
    assert int(answer.headers["Retry-After"]) > 0
    assert jobs_left(app) == 0


def test_a_text_aor_no_worker_reads_answers_503_with_retry_after_and_is_not_stored(
    app, upload, start_worker
):
    app.config["AOR_REMOTE_TIMEOUT"] = 1.0
    answer = upload_sample(upload)
    assert answer.status_code == 503, answer.get_json()
    assert int(answer.headers["Retry-After"]) > 0
    assert "busy reading other AORs" in answer.get_json()["message"]
    assert jobs_left(app) == 0
    assert app.extensions["aor_readers"].status()["processes"] == 0


def test_a_pdf_render_is_refused_at_once_when_too_many_conversions_already_wait(
    app, client_as, start_worker, example
):
    app.config["PDF_REMOTE_QUEUE"] = 0
    answer = render_pdf(client_as("ec"), example)
    assert answer.status_code == 503
    assert "busy" in answer.get_json()["message"] and answer.headers["Retry-After"]
    assert jobs_left(app) == 0


def test_users_create_with_token_prints_a_token_that_signs_the_new_account_in(
    monkeypatch, tmp_path, capsys
):
    from service import create_app
    from service.auth import accounts
    from service.cli import NO_WORKERS, main

    monkeypatch.setenv("WTWFORMS_DATA_DIR", str(tmp_path / "cli"))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    main(["users", "create", "clerk.okafor", "--role", "clerical", "--token"])
    created, token = capsys.readouterr().out.strip().splitlines()
    assert created == "created clerk.okafor (clerical)"
    app = create_app(NO_WORKERS | {"DATA_DIR": str(tmp_path / "cli")})
    with app.app_context():
        user = accounts.user_for_token(db.session, token)
        assert user is not None and user.username == "clerk.okafor"
        app.extensions["aor_readers"].close()
        db.engine.dispose()


def test_a_result_no_job_names_is_discarded_and_one_a_job_names_is_kept(app):
    from service.jobs import records
    from service.jobs.remote import discard
    from service.jobs.results import job_store

    with app.test_request_context():
        store = job_store(db.session)
        named, unnamed = store.put(b"%PDF-1.7 kept"), store.put(b"%PDF-1.7 nobody's")
        job = records.create_job(db.session, "convert", None, 1, {"docx": "0" * 64})
        records.finish(db.session, job.id, {"sha256": named})
        discard(db.session, store, named)
        discard(db.session, store, unnamed)
        assert store.get(named) == b"%PDF-1.7 kept"
        assert not store.exists(unnamed)
