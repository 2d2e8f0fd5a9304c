"""The job task functions without a broker: begun at most twice, recorded once, retried once."""

from __future__ import annotations

from typing import Any

import pytest

from service.auth import accounts
from service.extensions import db
from service.jobs import records
from service.jobs.queue import start_job, wait_for_jobs
from service.jobs.tasks import run_job
from service.models.job import Job
from service.slips import workflow as slips
from tests.conftest import ACCOUNTS, read_pdf

OKAFOR = {"name": "Chidi Okafor", "worker_number": "W5150", "unit": "U22", "office": "eastmont"}


class FlakyOffice:
    """Converts on the real pool, after failing the first ``failures`` conversions."""

    def __init__(self, pool: Any, failures: int) -> None:
        self.real, self.failures, self.calls = pool, failures, 0

    def convert(self, docx: bytes, meta: dict[str, Any], timeout: float | None = None) -> bytes:
        self.calls += 1
        if self.calls <= self.failures:
            raise RuntimeError("LibreOffice went away")
        pdf: bytes = self.real.convert(docx, meta, timeout)
        return pdf


@pytest.fixture
def print_job(app, tokens, example):
    """A queued print job of ``n`` slips in the clerical queue, started by the clerk; its id."""

    def make(n: int) -> str:
        with app.app_context():
            ec = accounts.get_user(db.session, ACCOUNTS["ec"]["username"])
            supervisor = accounts.get_user(db.session, ACCOUNTS["supervisor"]["username"])
            clerk = accounts.get_user(db.session, ACCOUNTS["clerical"]["username"])
            ids = []
            for i in range(n):
                payload = example("50-20e") | {"supervisor": None, "clerical": None}
                payload |= {"action": "transfer", "closed_files": None, "to_ec": dict(OKAFOR)}
                payload["case_name"] = f"Quintero-{i:03d}, Marisol"
                slip = slips.create_slip(db.session, ec, payload)[0]
                slips.approve(db.session, slip.id, supervisor)
                ids.append(slip.id)
            job = records.create_job(db.session, "print", clerk, n, {"ids": ids})
            db.session.commit()
            return job.id

    return make


def job_row(app, job_id: str) -> Job:
    with app.app_context():
        job = db.session.get(Job, job_id)
        db.session.expunge(job)
        return job


def run(app, job_id: str, last_try: bool = True) -> None:
    with app.app_context():
        run_job(job_id, last_try=last_try)


def result_text(app, job: Job) -> list[str]:
    from service.jobs.results import job_store

    with app.app_context():
        return read_pdf(job_store(db.session).get(job.result["sha256"])).pages


def test_a_print_job_run_once_is_done_with_its_pdf(app, pdf, print_job):
    job_id = print_job(3)
    run(app, job_id)
    job = job_row(app, job_id)
    assert (job.state, job.done, job.total, job.attempts) == ("done", 3, 3, 1)
    assert job.finished_at is not None and job.error is None
    pages = result_text(app, job)
    assert len(pages) == 3
    for i, page in enumerate(pages):
        assert f"Quintero-{i:03d}, Marisol" in page


def test_a_second_delivery_of_a_finished_job_does_nothing(app, pdf, print_job):
    job_id = print_job(1)
    run(app, job_id)
    first = job_row(app, job_id)
    app.extensions["office"] = FlakyOffice(pdf, failures=99)  # would fail if it ran again
    run(app, job_id)
    again = job_row(app, job_id)
    assert (again.state, again.attempts, again.result) == ("done", 1, first.result)
    assert again.finished_at == first.finished_at


def test_an_error_before_the_last_try_is_raised_for_a_retry_which_then_succeeds(
    app, pdf, print_job
):
    job_id = print_job(2)
    app.extensions["office"] = FlakyOffice(pdf, failures=1)
    with pytest.raises(RuntimeError):
        run(app, job_id, last_try=False)
    assert job_row(app, job_id).state == "running"
    run(app, job_id, last_try=True)
    job = job_row(app, job_id)
    assert (job.state, job.attempts) == ("done", 2)
    assert len(result_text(app, job)) == 2


def test_an_error_on_the_last_try_fails_the_job_with_a_plain_reason(app, pdf, print_job):
    job_id = print_job(1)
    app.extensions["office"] = FlakyOffice(pdf, failures=99)
    run(app, job_id, last_try=True)
    job = job_row(app, job_id)
    assert job.state == "failed"
    assert job.error == "the service met an error running it"
    assert job.result is None


def test_a_job_begun_twice_already_fails_on_a_third_delivery(app, print_job):
    job_id = print_job(1)
    with app.app_context():
        assert records.begin(db.session, job_id) is not None  # its worker was lost
        assert records.begin(db.session, job_id) is not None  # and the retry's too
        assert records.begin(db.session, job_id) is None
    job = job_row(app, job_id)
    assert (job.state, job.attempts) == ("failed", 2)
    assert "stopped twice" in job.error


def test_a_job_whose_owner_was_disabled_fails_without_a_retry(app, print_job):
    job_id = print_job(1)
    with app.app_context():
        clerk = accounts.get_user(db.session, ACCOUNTS["clerical"]["username"])
        clerk.active = False
        db.session.commit()
    run(app, job_id, last_try=False)  # a refusal is not retried: no exception
    job = job_row(app, job_id)
    assert job.state == "failed"
    assert "no longer active" in job.error


def test_a_job_finished_once_is_not_finished_again_nor_failed(app, print_job):
    job_id = print_job(1)
    with app.app_context():
        records.begin(db.session, job_id)
        assert records.finish(db.session, job_id, {"sha256": "a" * 64}) is True
        assert records.finish(db.session, job_id, {"sha256": "b" * 64}) is False
        records.fail(db.session, job_id, "late failure")
    job = job_row(app, job_id)
    assert (job.state, job.result, job.error) == ("done", {"sha256": "a" * 64}, None)


def test_without_a_broker_a_started_job_runs_on_the_servers_threads_and_retries_once(
    app, pdf, print_job
):
    job_id = print_job(1)
    flaky = FlakyOffice(pdf, failures=1)
    app.extensions["office"] = flaky
    with app.app_context():
        job = db.session.get(Job, job_id)
        db.session.delete(job)
        db.session.commit()
        clerk = accounts.get_user(db.session, ACCOUNTS["clerical"]["username"])
        started = start_job(db.session, "print", clerk, 1, {"ids": job.payload["ids"]})
    assert wait_for_jobs(app, timeout=120)
    done = job_row(app, started.id)
    assert (done.state, done.attempts, flaky.calls) == ("done", 2, 2)


def test_a_conversion_job_turns_the_stored_docx_into_a_pdf(app, pdf, tokens, example):
    from service import documents
    from service.jobs.results import job_store

    docx = documents.render("50-20e", example("50-20e")).content
    with app.app_context():
        clerk = accounts.get_user(db.session, ACCOUNTS["clerical"]["username"])
        digest = job_store(db.session).put(docx)
        payload = {"docx": digest, "meta": {}, "filename": "slip.pdf"}
        job_id = records.create_job(db.session, "convert", clerk, 1, payload).id
        db.session.commit()
    run(app, job_id)
    job = job_row(app, job_id)
    assert job.state == "done" and job.result["filename"] == "slip.pdf"
    text = "\n".join(result_text(app, job))
    assert "Delacroix-Yamada, Renée" in text and "H7K2M58" in text
