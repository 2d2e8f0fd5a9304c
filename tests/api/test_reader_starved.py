"""A valid AOR read by the real reader on a machine starved of CPU: read, queued, or told busy."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from service.aor.gate import GateSettings, ReaderGate
from service.aor.stalled import StalledFiles
from service.extensions import db

GRID = "aor-101-000-grid"
DOCX = "aor-101-002-docx"
# The reader is refused at this much processor time; every stop below lasts longer. A text
# AOR takes about 0.03 s; the margin is for the kernel's tick-sampled accounting, which
# charges whole ticks to a task that is scheduled in and out hundreds of times.
CPU_LIMIT = 2
STOPPED = 3
SPINNING = 5


@pytest.fixture
def real_reader(app, upload, sample_pdf):
    """The app's gate with the real reader, ``readers`` of them and ``queue`` places, a
    CPU_LIMIT-second CPU limit, warmed by one upload: ``real_reader(readers=1, queue=1)``."""
    app.config["AOR_READ_CPU_SECONDS"] = CPU_LIMIT

    def gate(readers: int = 1, queue: int = 0) -> ReaderGate:
        settings = GateSettings(readers=readers, queue=queue, wait=30, retry_after=9)
        app.extensions["aor_readers"].close()  # the app's own; this one is closed by ``app``
        with app.app_context():
            app.extensions["aor_readers"] = ReaderGate(settings, StalledFiles(db.engine))
        assert upload(sample_pdf("aor-101-003-grid")).status_code == 201  # a reader is warm
        return app.extensions["aor_readers"]

    return gate


@pytest.fixture
def spinners() -> Iterator[Any]:
    """``spin(seconds)``: two processes spinning per core for that long, each in a session
    (so a scheduling group) of its own, as busy programs of other users are. They stop by
    themselves, so a starved reader is starved for a known time, then gets the cores back."""
    started: list[subprocess.Popen[bytes]] = []

    def spin(seconds: float) -> None:
        loop = (
            f"import time\nend = time.monotonic() + {seconds}\nwhile time.monotonic() < end: pass"
        )
        started.extend(
            subprocess.Popen([sys.executable, "-c", loop], start_new_session=True)
            for _ in range(2 * (os.cpu_count() or 1))
        )
        time.sleep(0.5)  # all of them spinning

    yield spin
    for process in started:
        process.kill()
        process.wait()


def lowest_priority(pid: int) -> None:
    """``pid`` at nice 19, and its session's scheduling group too: the reader runs in a
    session of its own, which the kernel's autogroup would otherwise give a fair share."""
    os.setpriority(os.PRIO_PROCESS, pid, 19)
    autogroup = Path(f"/proc/{pid}/autogroup")
    if autogroup.exists():
        autogroup.write_text("19")


def in_background(read: Any, data: bytes) -> tuple[threading.Thread, list[Any]]:
    answers: list[Any] = []
    thread = threading.Thread(target=lambda: answers.append(read(data)))
    thread.start()
    return thread, answers


def reader_cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def test_a_valid_aor_whose_reader_is_stopped_longer_than_its_cpu_limit_is_read(
    app, upload, sample_pdf, real_reader
):
    gate = real_reader()
    [pid] = gate.pool.status()["pids"]
    os.kill(pid, signal.SIGSTOP)  # a reader given no core at all, for a while
    started = time.monotonic()
    try:
        reading, answers = in_background(upload, sample_pdf(GRID))
        time.sleep(STOPPED)
    finally:
        os.kill(pid, signal.SIGCONT)
    reading.join(timeout=60)
    took = time.monotonic() - started
    [answer] = answers
    assert answer.status_code == 201, answer.json
    assert answer.json["case_number"] == "QU7PX4E"
    assert took > STOPPED > CPU_LIMIT
    assert gate.pool.status()["pids"] == [pid]  # the same reader, not one killed and replaced


def test_a_valid_aor_read_while_spinning_processes_hog_every_core_is_read(
    app, upload, sample_pdf, real_reader, spinners
):
    gate = real_reader()
    [pid] = gate.pool.status()["pids"]
    lowest_priority(pid)
    spinners(SPINNING)
    spent = reader_cpu_seconds(pid)
    started = time.monotonic()
    answer = upload(sample_pdf(DOCX))
    took = time.monotonic() - started
    assert answer.status_code == 201, answer.json
    assert reader_cpu_seconds(pid) - spent < CPU_LIMIT
    assert took > CPU_LIMIT, "the reader was not starved; the test proves nothing"


def test_uploads_beyond_the_readers_wait_in_the_queue_and_only_a_full_queue_answers_503(
    app, upload, sample_pdf, real_reader
):
    gate = real_reader(readers=1, queue=1)
    [pid] = gate.pool.status()["pids"]
    os.kill(pid, signal.SIGSTOP)
    try:
        first, first_answers = in_background(upload, sample_pdf(GRID))
        _wait_for(lambda: gate.status()["reading"] == 1)
        second, second_answers = in_background(upload, sample_pdf(DOCX))
        _wait_for(lambda: gate.status()["waiting"] == 1)
        told = time.monotonic()
        refused = upload(sample_pdf("aor-101-005-docx"))
        told = time.monotonic() - told
        time.sleep(STOPPED)
    finally:
        os.kill(pid, signal.SIGCONT)
    first.join(timeout=60)
    second.join(timeout=60)
    assert refused.status_code == 503, refused.json
    assert refused.headers["Retry-After"] == "9", refused.json
    assert "try again" in refused.json["message"]
    assert told < 1.0  # told at once, not after a wait
    assert [a.status_code for a in first_answers + second_answers] == [201, 201]
    assert upload(sample_pdf("aor-101-005-docx")).status_code == 201  # once the queue empties


def _wait_for(condition: Any, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "never happened"
        time.sleep(0.01)
