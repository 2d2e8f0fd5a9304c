"""Work on untrusted files runs in a child process that cannot stall or exhaust the service."""

from __future__ import annotations

import time

import pytest

from service.isolation import Limits, WorkerFailed, WorkerStarved, run_worker

WORKER = "tests.support.misbehaving_worker"


def test_a_well_behaved_worker_answers_with_its_json():
    assert run_worker(WORKER, b"12345", ["--mode=echo"], Limits()) == {"echo": 5}


def test_a_worker_stuck_in_a_loop_is_killed_at_its_cpu_time_limit():
    started = time.monotonic()
    with pytest.raises(WorkerFailed, match="more than 1 seconds of processor time") as refused:
        run_worker(WORKER, b"", ["--mode=loop"], Limits(cpu_seconds=1, seconds=30))
    assert refused.value.stalled
    assert time.monotonic() - started < 5


def test_a_worker_that_waits_longer_than_its_cpu_limit_without_using_cpu_is_not_refused():
    # What a reader on a busy machine looks like: it waits for a core, using none.
    answer = run_worker(WORKER, b"2.5", ["--mode=sleep"], Limits(cpu_seconds=1, seconds=30))
    assert answer == {"echo": 3}


def test_a_worker_past_the_wall_clock_backstop_is_called_busy_not_hostile():
    with pytest.raises(WorkerStarved) as busy:
        run_worker(WORKER, b"5", ["--mode=sleep"], Limits(cpu_seconds=1, seconds=1.5))
    assert busy.value.status == 503
    assert "Retry-After" in busy.value.response_headers()


def test_a_worker_that_grabs_memory_is_stopped_at_its_memory_limit():
    answer = run_worker(WORKER, b"", ["--mode=memory"], Limits(memory_mb=256))
    assert answer == {"error": {"status": 422, "message": "out of memory"}}


def test_a_worker_that_dies_gives_a_clear_refusal():
    with pytest.raises(WorkerFailed, match="could not be read") as refused:
        run_worker(WORKER, b"", ["--mode=die"], Limits())
    assert not refused.value.stalled
