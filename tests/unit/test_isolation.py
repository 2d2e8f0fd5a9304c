"""Work on untrusted files runs in warm child processes that cannot stall or exhaust the service."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from service.isolation import Limits, WorkerFailed, WorkerStarved, WorkerUnavailable
from service.isolation_pool import PoolSettings, ReaderPool

WORKER = "tests.support.misbehaving_worker"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def pool():
    """A pool of warm readers, stopped after the test: ``pool(size=1, max_files=200)``."""
    made: list[ReaderPool] = []

    def make(size: int = 1, max_files: int = 200) -> ReaderPool:
        made.append(ReaderPool(PoolSettings(size=size, max_files=max_files)))
        return made[-1]

    yield make
    for each in made:
        each.close()


def pid_of(readers: ReaderPool, limits: Limits | None = None) -> int:
    return int(readers.read(WORKER, b"", ["--mode=pid"], limits or Limits())["pid"])


def running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def test_a_well_behaved_worker_answers_with_its_json(pool):
    assert pool().read(WORKER, b"12345", ["--mode=echo"], Limits()) == {"echo": 5}


def test_one_warm_reader_reads_file_after_file_in_the_same_process(pool):
    readers = pool()
    first = pid_of(readers)
    started = time.monotonic()
    assert [pid_of(readers) for _ in range(5)] == [first] * 5
    assert time.monotonic() - started < 1.0  # no interpreter started, no import


def test_files_with_other_cpu_limits_share_the_warm_reader(pool):
    # A scan's OCR may use minutes, a text AOR seconds: the limit goes with the file.
    readers = pool()
    assert pid_of(readers, Limits(cpu_seconds=1)) == pid_of(readers, Limits(cpu_seconds=120))


def test_a_worker_stuck_in_a_loop_is_killed_at_its_cpu_time_limit(pool):
    started = time.monotonic()
    with pytest.raises(WorkerFailed, match="more than 1 seconds of processor time") as refused:
        pool().read(WORKER, b"", ["--mode=loop"], Limits(cpu_seconds=1, seconds=30))
    assert refused.value.stalled
    assert time.monotonic() - started < 5


def test_each_file_has_its_own_cpu_time_limit_however_long_the_reader_has_run(pool):
    readers = pool()
    fast = Limits(cpu_seconds=1, seconds=30)
    first = pid_of(readers, fast)
    # Three files of 0.4 s each: 1.2 s in one process, none over its own second.
    for _ in range(3):
        assert readers.read(WORKER, b"0.4", ["--mode=burn"], fast) == {"echo": 3}
    assert pid_of(readers, fast) == first


def test_a_worker_that_waits_longer_than_its_cpu_limit_without_using_cpu_is_not_refused(pool):
    # What a reader on a busy machine looks like: it waits for a core, using none.
    answer = pool().read(WORKER, b"2.5", ["--mode=sleep"], Limits(cpu_seconds=1, seconds=30))
    assert answer == {"echo": 3}


def test_a_worker_past_the_wall_clock_backstop_is_called_busy_not_hostile(pool):
    with pytest.raises(WorkerStarved) as busy:
        pool().read(WORKER, b"5", ["--mode=sleep"], Limits(cpu_seconds=1, seconds=1.5))
    assert busy.value.status == 503
    assert "Retry-After" in busy.value.response_headers()


def test_a_worker_that_grabs_memory_is_stopped_at_its_memory_limit_and_replaced(pool):
    readers, small = pool(), Limits(memory_mb=256)
    before = pid_of(readers, small)
    answer = readers.read(WORKER, b"", ["--mode=memory"], small)
    assert answer == {"error": {"status": 422, "message": "out of memory"}}
    assert pid_of(readers, small) != before  # a heap that hit its limit reads nothing more


def test_a_worker_that_dies_gives_a_clear_refusal(pool):
    with pytest.raises(WorkerFailed, match="could not be read") as refused:
        pool().read(WORKER, b"", ["--mode=die"], Limits())
    assert not refused.value.stalled


def test_a_reader_that_answers_garbage_is_refused_and_replaced(pool):
    readers = pool()
    for data in (b"not json", b"long"):
        with pytest.raises(WorkerFailed, match="gave no answer") as refused:
            readers.read("tests.support.babbling_reader", data, [], Limits(seconds=10))
        assert not refused.value.stalled
    assert readers.status()["live"] == 1


def test_a_killed_reader_costs_one_process_and_the_pool_replaces_it(pool):
    readers, fast = pool(size=2), Limits(cpu_seconds=1, seconds=30)
    readers.start(WORKER, fast)
    wait_for(lambda: readers.status()["idle"] == 2)
    before = set(readers.status()["pids"])
    with pytest.raises(WorkerFailed):
        readers.read(WORKER, b"", ["--mode=loop"], fast)
    wait_for(lambda: readers.status()["idle"] == 2)
    after = set(readers.status()["pids"])
    assert len(before & after) == 1 and len(after) == 2
    assert not any(running(pid) for pid in before - after)


def test_a_reader_killed_while_idle_is_replaced_and_the_next_file_read_not_refused(pool):
    readers = pool()
    idle = pid_of(readers)
    os.kill(idle, signal.SIGKILL)
    wait_for(lambda: not running(idle))
    assert readers.read(WORKER, b"12345", ["--mode=echo"], Limits()) == {"echo": 5}
    assert idle not in readers.status()["pids"]


def test_a_reader_is_replaced_after_its_number_of_files(pool):
    readers = pool(max_files=3)
    pids = [pid_of(readers) for _ in range(6)]
    assert pids[0] == pids[1] == pids[2] != pids[3] == pids[4] == pids[5]
    assert not running(pids[0])


def test_readers_started_in_the_background_serve_the_first_file(pool):
    readers = pool(size=2)
    readers.start(WORKER, Limits())
    started = set(readers.status()["pids"])
    assert len(started) == 2
    assert pid_of(readers) in started


def test_closing_the_pool_leaves_no_reader_and_a_read_in_progress_is_busy_not_stalled(pool):
    readers = pool(size=2)
    answers: list[BaseException] = []

    def slow_read() -> None:
        try:
            readers.read(WORKER, b"5", ["--mode=sleep"], Limits(seconds=30))
        except WorkerUnavailable as exc:
            answers.append(exc)

    reading = threading.Thread(target=slow_read)
    reading.start()
    pid_of(readers)
    wait_for(lambda: readers.status()["idle"] == 1)
    pids = readers.status()["pids"]
    readers.close()
    reading.join(timeout=5)
    assert [type(answer) for answer in answers] == [WorkerUnavailable]
    wait_for(lambda: not any(running(pid) for pid in pids))
    with pytest.raises(WorkerUnavailable):
        pid_of(readers)


def test_readers_end_by_themselves_when_the_process_holding_them_is_killed():
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, WORKER],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    pids = [int(pid) for pid in holder.stdout.readline().split()]
    assert len(pids) == 2 and all(running(pid) for pid in pids)
    holder.kill()  # no atexit, no close: the readers see their input end
    holder.wait()
    wait_for(lambda: not any(running(pid) for pid in pids))


def test_a_process_forked_from_the_holder_starts_readers_of_its_own():
    result = subprocess.run(
        [sys.executable, "-c", FORKER, WORKER], cwd=ROOT, capture_output=True, text=True
    )
    parent, child, parent_again = (int(pid) for pid in result.stdout.split())
    assert child != parent == parent_again  # the child never wrote into its parent's reader


FORKER = """
import os, sys
from service.isolation import Limits
from service.isolation_pool import ReaderPool
pool = ReaderPool()
pid = lambda: pool.read(sys.argv[1], b"", ["--mode=pid"], Limits())["pid"]
print(pid(), flush=True)
child = os.fork()
if child == 0:
    print(pid(), flush=True)
    pool.close()
    os._exit(0)
os.waitpid(child, 0)
print(pid(), flush=True)
pool.close()
"""


HOLDER = """
import sys, time
from service.isolation import Limits
from service.isolation_pool import PoolSettings, ReaderPool
pool = ReaderPool(PoolSettings(size=2))
pool.start(sys.argv[1], Limits())
while pool.status()["idle"] < 2:
    time.sleep(0.01)
print(*pool.status()["pids"], flush=True)
time.sleep(60)
"""


def wait_for(condition, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


@pytest.fixture(scope="module", autouse=True)
def readers_before_this_module() -> set[int]:
    return set(readers_of(os.getpid()))


def test_no_reader_process_is_left_by_this_module(readers_before_this_module):
    assert set(readers_of(os.getpid())) - readers_before_this_module == set()


def readers_of(parent: int) -> list[int]:
    """Reader processes (``--files=`` on their command line) still running under ``parent``."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            command = stat.with_name("cmdline").read_bytes()
        except (FileNotFoundError, ProcessLookupError):
            continue
        if int(fields[1]) == parent and fields[0] != "Z" and b"--files=" in command:
            found.append(int(stat.parent.name))
    return found
