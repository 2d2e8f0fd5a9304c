"""Finished jobs are deleted JOB_RETENTION_HOURS after they end, with the results only they held."""

from __future__ import annotations

import datetime as dt

from service.jobs import records
from service.jobs.results import job_store
from service.jobs.retention import purge
from service.models.job import Job

NOW = dt.datetime(2026, 11, 29, 12, 0, tzinfo=dt.UTC)


def _job(session, state: str, hours_ago: float | None, content: bytes | None) -> str:
    job = records.create_job(session, "print", None, 1, {"ids": [1]})
    job.state = state
    if hours_ago is not None:
        job.finished_at = NOW - dt.timedelta(hours=hours_ago)
    if content is not None:
        digest = job_store(session).put(content)
        job.result = {"sha256": digest, "filename": "run.pdf", "mimetype": "application/pdf"}
    session.commit()
    return job.id


def test_jobs_finished_longer_ago_than_the_retention_go_with_results_no_other_job_names(app):
    from service.extensions import db

    with app.app_context():
        session, store = db.session, job_store(db.session)
        old = _job(session, "done", 73, b"%PDF- old run")
        old_failed = _job(session, "failed", 100, None)
        shared_old = _job(session, "done", 80, b"%PDF- same run")
        recent = _job(session, "done", 1, b"%PDF- same run")
        running = _job(session, "running", None, None)
        old_digest = session.get(Job, old).result["sha256"]
        shared_digest = session.get(Job, recent).result["sha256"]

        assert purge(session, store, 72, now=NOW) == 3

        left = {job.id for job in session.query(Job)}
        assert left == {recent, running}
        assert old_failed not in left and shared_old not in left
        assert not store.exists(old_digest)
        assert store.exists(shared_digest)  # the recent job still names it


def test_nothing_is_purged_while_every_finished_job_is_within_the_retention(app):
    from service.extensions import db

    with app.app_context():
        _job(db.session, "done", 71, b"%PDF- kept")
        assert purge(db.session, job_store(db.session), 72, now=NOW) == 0
        assert db.session.query(Job).count() == 1
