"""Work on untrusted files runs in a child process that cannot stall or exhaust the service."""

from __future__ import annotations

import time

import pytest

from service.isolation import Limits, WorkerFailed, run_worker

WORKER = "tests.support.misbehaving_worker"


def test_a_well_behaved_worker_answers_with_its_json():
    assert run_worker(WORKER, b"12345", ["--mode=echo"], Limits()) == {"echo": 5}


def test_a_worker_stuck_in_a_loop_is_killed_at_its_time_limit():
    started = time.monotonic()
    with pytest.raises(WorkerFailed, match=r"longer than 1\.5 seconds"):
        run_worker(WORKER, b"", ["--mode=loop"], Limits(seconds=1.5))
    assert time.monotonic() - started < 5


def test_a_worker_that_grabs_memory_is_stopped_at_its_memory_limit():
    answer = run_worker(WORKER, b"", ["--mode=memory"], Limits(memory_mb=256))
    assert answer == {"error": {"status": 422, "message": "out of memory"}}


def test_a_worker_that_dies_gives_a_clear_refusal():
    with pytest.raises(WorkerFailed, match="could not be read"):
        run_worker(WORKER, b"", ["--mode=die"], Limits())
