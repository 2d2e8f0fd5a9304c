"""The AOR reader gate: a few readers at once, a short queue, and stalled files refused on sight."""

from __future__ import annotations

import threading
import time

import pytest

from service.aor.gate import GateSettings, ReaderGate, ReadersBusy
from service.isolation import Limits, WorkerFailed, WorkerUnavailable

WORKER = "tests.support.misbehaving_worker"
FAST = Limits(cpu_seconds=1, seconds=30)


class Remembered:
    """A stall memory in a dict, as the database keeps it."""

    def __init__(self) -> None:
        self.kept: dict[str, str] = {}

    def refusal(self, digest: str) -> str | None:
        return self.kept.get(digest)

    def remember(self, digest: str, message: str) -> None:
        self.kept[digest] = message


@pytest.fixture
def make_gate():
    """``make_gate(settings, memory)``: a gate whose reader processes stop after the test."""
    made: list[ReaderGate] = []

    def make(settings: GateSettings, memory: Remembered | None = None) -> ReaderGate:
        made.append(ReaderGate(settings, memory))
        return made[-1]

    yield make
    for gate in made:
        gate.close()


def in_background(gate: ReaderGate, data: bytes, mode: str) -> threading.Thread:
    thread = threading.Thread(target=gate.read, args=(WORKER, data, [f"--mode={mode}"], FAST))
    thread.start()
    return thread


def wait_for_readers(gate: ReaderGate, busy: int) -> None:
    deadline = time.monotonic() + 5
    while gate.status()["reading"] < busy:
        assert time.monotonic() < deadline, "the reader did not start"
        time.sleep(0.01)


def test_a_read_beyond_the_readers_and_the_queue_is_told_busy_at_once(make_gate):
    gate = make_gate(GateSettings(readers=1, queue=0, wait=10, retry_after=7))
    reading = in_background(gate, b"1.5", "sleep")
    wait_for_readers(gate, 1)
    started = time.monotonic()
    with pytest.raises(ReadersBusy) as busy:
        gate.read(WORKER, b"12", ["--mode=echo"], FAST)
    assert time.monotonic() - started < 0.5
    assert busy.value.status == 503
    assert busy.value.response_headers() == {"Retry-After": "7"}
    reading.join()


def test_a_queued_read_waits_for_the_reader_and_is_then_read(make_gate):
    gate = make_gate(GateSettings(readers=1, queue=1, wait=10))
    reading = in_background(gate, b"1", "sleep")
    wait_for_readers(gate, 1)
    assert gate.read(WORKER, b"12", ["--mode=echo"], FAST) == {"echo": 2}
    reading.join()


def test_a_queued_read_that_waits_too_long_is_told_busy(make_gate):
    gate = make_gate(GateSettings(readers=1, queue=1, wait=0.2))
    reading = in_background(gate, b"1.5", "sleep")
    wait_for_readers(gate, 1)
    with pytest.raises(ReadersBusy):
        gate.read(WORKER, b"12", ["--mode=echo"], FAST)
    reading.join()


def test_a_file_that_stalls_a_reader_is_remembered_and_refused_again_without_a_reader(
    monkeypatch, make_gate
):
    memory = Remembered()
    gate = make_gate(GateSettings(readers=1, queue=0), memory)
    with pytest.raises(WorkerFailed, match="processor time") as first:
        gate.read(WORKER, b"a stalling file", ["--mode=loop"], FAST)
    assert list(memory.kept.values()) == [first.value.message]

    def no_reader(*_args: object) -> None:
        raise AssertionError("a reader was started for a file known to stall")

    monkeypatch.setattr(gate.pool, "read", no_reader)
    with pytest.raises(WorkerFailed) as again:
        gate.read(WORKER, b"a stalling file", ["--mode=loop"], FAST)
    assert again.value.message == first.value.message


def test_a_file_that_merely_failed_is_not_remembered(make_gate):
    memory = Remembered()
    gate = make_gate(GateSettings(readers=1, queue=0), memory)
    with pytest.raises(WorkerFailed):
        gate.read(WORKER, b"", ["--mode=die"], FAST)
    assert memory.kept == {}


def test_the_gate_reads_on_warm_readers_it_starts_once(make_gate):
    gate = make_gate(GateSettings(readers=2, queue=0))
    gate.warm(WORKER, FAST)
    gate.warm(WORKER, FAST)
    assert gate.status()["processes"] == 2
    pids = {gate.read(WORKER, b"", ["--mode=pid"], FAST)["pid"] for _ in range(4)}
    assert len(pids) <= 2
    assert gate.status() == {"readers": 2, "reading": 0, "waiting": 0, "processes": 2}


def test_a_read_cut_short_by_the_service_stopping_is_not_remembered_as_a_stall(make_gate):
    memory = Remembered()
    gate = make_gate(GateSettings(readers=1, queue=0), memory)
    answers: list[Exception] = []

    def read() -> None:
        try:
            gate.read(WORKER, b"5", ["--mode=sleep"], FAST)
        except (WorkerFailed, WorkerUnavailable) as exc:
            answers.append(exc)

    gate.warm(WORKER, FAST)
    while gate.pool.status()["idle"] < 1:
        time.sleep(0.01)
    reading = threading.Thread(target=read)
    reading.start()
    wait_for_readers(gate, 1)
    time.sleep(0.3)  # the reader has the file
    gate.close()
    reading.join(timeout=5)
    assert [type(answer) for answer in answers] == [WorkerUnavailable]
    assert memory.kept == {}
