"""Queue benchmark: the in-process pools against the Celery path, on the same cores, in one run.

``.venv/bin/python bench/queue.py [--jobs 60]``. Needs PostgreSQL and RabbitMQ, as the
cluster test (tests/cluster) does; it makes a database and queues of its own and drops them.

1. Broker round trip: a no-op Celery task sent and its answer awaited (rpc backend, a
   worker thread in this process), the least a task costs for going through RabbitMQ.
2. One PDF conversion job at a time, start to done, both ways: the difference is what the
   queue adds to each job (broker, the worker's database round trips, our polling).
3. ``--jobs`` conversion jobs at once, both ways: documents per minute. In-process, the
   jobs run on the server's threads and its LibreOffice pool (``PDF_WORKERS`` = cores);
   on Celery, on one ``wtwforms worker --queues pdf --concurrency <cores>``. The same
   task function (service/jobs/tasks.py ``run_job``) runs either way; files go through the
   database store, as on several machines. Target: Celery keeps at least 90%.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

# The repository in place of bench/, whose queue.py would stand in for the standard library's.
sys.path.remove(sys.path[0])
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pypdfium2 as pdfium
import sqlalchemy
from sqlalchemy import func, select

from service import create_app, documents
from service.extensions import db
from service.forms import get_form
from service.jobs.queue import start_job, wait_for_jobs
from service.jobs.results import job_store
from service.models.job import Job

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
BROKER = os.environ.get("WTWFORMS_BENCH_BROKER_URL", "amqp://guest:guest@127.0.0.1:5672//")
PG = os.environ.get("WTWFORMS_BENCH_PG_SERVER", "postgresql+psycopg://postgres@127.0.0.1")
FORM, LATENCY_RUNS, PINGS = "42-6", 10, 200


def admin(statement: str) -> None:
    engine = sqlalchemy.create_engine(f"{PG}/postgres", isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(sqlalchemy.text(statement))
    engine.dispose()


def inputs(count: int) -> list[bytes]:
    """``count`` different DOCX of the form (different fictional names), rendered now."""
    made = []
    for number in range(count):
        payload = documents.example(FORM)
        payload["participant"]["name"] = f"Bench Person {number:03d}"
        made.append(documents.render(FORM, payload).content)
    return made


def submit(app: Any, docx: list[bytes]) -> list[str]:
    """A "convert" job for each DOCX (stored first, as a web process would)."""
    with app.app_context():
        digests = [job_store(db.session).put(content) for content in docx]
        db.session.commit()
        payload = {"meta": documents.pdf_metadata(get_form(FORM))}
        return [
            start_job(db.session, "convert", None, 1, payload | {"docx": d, "filename": "b.pdf"}).id
            for d in digests
        ]


def finished(app: Any, ids: list[str]) -> list[Job]:
    with app.app_context():
        jobs = list(db.session.scalars(select(Job).where(Job.id.in_(ids))))
        db.session.rollback()
        return [job for job in jobs if job.state in ("done", "failed")]


def ended(app: Any, ids: list[str]) -> int:
    """How many of the jobs have ended: one count, as cheap a poll as the database allows."""
    with app.app_context():
        query = select(func.count()).where(Job.id.in_(ids), Job.state.in_(("done", "failed")))
        count = int(db.session.scalar(query) or 0)
        db.session.rollback()
        return count


def pages_of(app: Any, ids: list[str]) -> int:
    """Pages of the jobs' PDFs; every job must have ended done."""
    jobs = finished(app, ids)
    assert len(jobs) == len(ids) and all(j.state == "done" for j in jobs), [j.error for j in jobs]
    with app.app_context():
        store = job_store(db.session)
        pages = 0
        for job in jobs:
            pages += len(pdfium.PdfDocument(store.get((job.result or {})["sha256"])))
        return pages


def cpu_seconds(tmp: Path, group: int | None = None) -> float:
    """Processor time used so far by this process and by every process of the path: those
    whose command line names ``tmp`` (LibreOffice and its bridge, whose profiles lie under
    it) and those of process group ``group`` (the Celery worker and its children)."""
    total = time.process_time()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            line = (entry / "cmdline").read_bytes().decode(errors="replace")
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if str(tmp) in line or (group is not None and int(fields[2]) == group):
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def run_path(
    app: Any, docx: list[bytes], wait: Callable[[list[str]], None], cpu: Callable[[], float]
) -> dict[str, float]:
    """One job at a time (p50 ms), then all of ``docx`` at once (documents per minute, and
    processor time per page, all the path's processes counted)."""
    latencies = []
    for content in docx[:LATENCY_RUNS]:
        started = time.perf_counter()
        wait(submit(app, [content]))
        latencies.append((time.perf_counter() - started) * 1000)
    started, spent = time.perf_counter(), cpu()
    ids = submit(app, docx)
    wait(ids)
    took, spent = time.perf_counter() - started, cpu() - spent
    pages = pages_of(app, ids)
    return {
        "p50": statistics.median(latencies),
        "docs_min": len(ids) * 60 / took,
        "pages_min": pages * 60 / took,
        "pages": pages / len(ids),
        "cpu_page": spent * 1000 / pages,
    }


def in_process(base: dict[str, Any], docx: list[bytes], cores: int) -> dict[str, float]:
    app = create_app(base | {"PDF_WORKERS": cores, "JOB_THREADS": cores})
    pool = app.extensions["office"]
    pool.start()
    while pool.status()["ready"] < cores:
        time.sleep(0.1)
    try:

        def wait(_ids: list[str]) -> None:
            wait_for_jobs(app)

        def cpu() -> float:
            return cpu_seconds(Path(base["DATA_DIR"]))

        run_path(app, docx[:cores], wait, cpu)  # warm-up
        return run_path(app, docx, wait, cpu)
    finally:
        pool.close()
        app.extensions["aor_readers"].close()


def as_env(value: Any) -> str:
    """How Flask's ``from_prefixed_env`` reads it back: JSON, else the string itself."""
    return value if isinstance(value, str) else json.dumps(value)


def start_worker(env: dict[str, str], cores: int, log: Path) -> subprocess.Popen[bytes]:
    command = [str(BIN / "wtwforms"), "worker", "--queues", "pdf", f"--concurrency={cores}"]
    with log.open("wb") as out:
        worker = subprocess.Popen(
            command, env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    deadline = time.monotonic() + 120
    while " ready." not in log.read_text(errors="replace"):
        if worker.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"the worker did not start:\n{log.read_text(errors='replace')}")
        time.sleep(0.2)
    return worker


def on_celery(base: dict[str, Any], docx: list[bytes], cores: int, tmp: Path) -> dict[str, float]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WTWFORMS_")}
    env |= {f"WTWFORMS_{key}": as_env(value) for key, value in base.items()}
    env["WTWFORMS_DATA_DIR"] = str(tmp / "worker")
    worker = start_worker(env, cores, tmp / "worker.log")
    app = create_app(base | {"PDF_WARM_START": False})

    def wait(ids: list[str]) -> None:
        # The bench shares the two cores with the worker: polling a batch every 5 ms would
        # spend a good part of one core on its own queries (a web page polls every second),
        # which the in-process path, joining its threads, never pays.
        # One job is polled often, so its latency is measured, not the poll's interval.
        interval = 0.005 if len(ids) == 1 else 0.1
        while ended(app, ids) < len(ids):
            time.sleep(interval)

    def cpu() -> float:
        return cpu_seconds(tmp, group=worker.pid)

    try:
        run_path(app, docx[: 2 * cores], wait, cpu)  # warm-up: each worker process's LibreOffice
        return run_path(app, docx, wait, cpu)
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(timeout=60)
        app.extensions["aor_readers"].close()


def broker_round_trip(prefix: str) -> list[float]:
    """Milliseconds for a no-op task to go to a worker through RabbitMQ and answer."""
    from celery import Celery
    from celery.contrib.testing.worker import start_worker as worker_thread

    celery = Celery("bench", broker=BROKER, backend="rpc://")
    celery.conf.update(task_default_queue=f"{prefix}ping", worker_hijack_root_logger=False)

    @celery.task(name="bench.noop")
    def noop() -> None:
        """Nothing: what is timed is the trip."""

    times: list[float] = []
    worker = worker_thread(celery, pool="solo", perform_ping_check=False, loglevel="WARNING")
    # Its (daemon) thread may outlive the timed part: what it leaves ends with this process.
    with contextlib.suppress(RuntimeError), worker:
        for number in range(PINGS + 20):
            started = time.perf_counter()
            noop.delay().get(timeout=10)
            if number >= 20:  # the first ones open connections and declare queues
                times.append((time.perf_counter() - started) * 1000)
    return times


def drop_queues(prefix: str) -> None:
    from kombu import Connection

    with Connection(BROKER, connect_timeout=5) as connection:
        for name in (f"{prefix}pdf", f"{prefix}aor", f"{prefix}ping"):
            for drop in ("queue_delete", "exchange_delete"):
                with contextlib.suppress(Exception):  # never declared
                    getattr(connection.channel(), drop)(name)


def report(pings: list[float], local: dict[str, float], celery: dict[str, float]) -> bool:
    ratio = celery["docs_min"] / local["docs_min"]
    p95 = statistics.quantiles(pings, n=20)[-1]
    print(f"\nno-op task through RabbitMQ and back: p50 {statistics.median(pings):.2f} ms, "
          f"p95 {p95:.2f} ms ({len(pings)} tasks)")  # fmt: skip
    print(f"\n{'':34}{'in-process':>12}{'Celery':>12}{'Celery/in':>11}")
    rows = [
        ("one conversion job, p50 ms", "p50", "{:.0f}"),
        ("documents per minute", "docs_min", "{:.0f}"),
        ("pages per minute", "pages_min", "{:.0f}"),
    ]
    for label, key, shape in rows:
        a, b = shape.format(local[key]), shape.format(celery[key])
        print(f"{label:34}{a:>12}{b:>12}{celery[key] / local[key]:>10.2f}x")
    print(f"\nqueue overhead per job: {celery['p50'] - local['p50']:.0f} ms (p50 difference)")
    for name, figures in (("in-process", local), ("Celery", celery)):
        print(
            f"processor time per PDF page, {name}: {figures['cpu_page']:.0f} ms "
            f"(all its processes; {figures['pages']:.0f} page(s) a document)"
        )
    verdict = "meets" if ratio >= 0.9 else "MISSES"
    print(f"\nCelery keeps {ratio:.0%} of in-process throughput: {verdict} the 90% target")
    return ratio >= 0.9


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=60)
    parser.add_argument("--cores", type=int, default=os.cpu_count() or 1)
    options = parser.parse_args()
    run = uuid.uuid4().hex[:8]
    name, prefix = f"wtwforms_bench_{run}", f"wtwforms-bench-{run}-"
    admin(f"CREATE DATABASE {name}")
    try:
        with tempfile.TemporaryDirectory(prefix="wtwforms-queue-bench-") as tmp:
            base = {
                "DATABASE_URL": f"{PG}/{name}",
                "STORAGE_BACKEND": "database",
                "JOB_QUEUE_PREFIX": prefix,
                "BROKER_URL": BROKER,
                "SECRET_KEY": f"bench-{run}",
                "DATA_DIR": str(Path(tmp) / "web"),
                "AOR_READERS_WARM_START": False,
            }
            docx = inputs(options.jobs)
            pings = broker_round_trip(prefix)
            local = in_process(base | {"BROKER_URL": None}, docx, options.cores)
            celery = on_celery(base, docx, options.cores, Path(tmp))
            met = report(pings, local, celery)
    finally:
        drop_queues(prefix)
        admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    sys.exit(0 if met else 1)


if __name__ == "__main__":
    main()
