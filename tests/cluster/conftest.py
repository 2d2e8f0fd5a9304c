"""A cluster on this machine: two web processes and two Celery workers sharing one database.

Each process is a separate OS process with a data directory of its own, so anything that
reaches another process goes through PostgreSQL (records and files) or RabbitMQ (jobs).
Skipped, saying why, only when RabbitMQ or PostgreSQL does not answer.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
BROKER_URL = os.environ.get("WTWFORMS_TEST_BROKER_URL", "amqp://guest:guest@127.0.0.1:5672//")
# The server the cluster's own database is made on (and dropped from afterwards).
PG_SERVER = os.environ.get("WTWFORMS_TEST_PG_SERVER", "postgresql+psycopg://postgres@127.0.0.1")
START_SECONDS = 120
# Accounts the test works as (fictional), by role, made with `wtwforms users create`.
ACCOUNTS = {
    "ec": ["--role", "ec", "--unit", "U17", "--worker-number", "W2918"],
    "supervisor": ["--role", "supervisor", "--unit", "U17", "--worker-number", "S1001"],
    "clerical": ["--role", "clerical", "--worker-number", "C0042"],
    "contractor": ["--role", "contractor", "--provider", "Coastline Career Pathways, Inc."],
}


@dataclass
class Process:
    """One of the cluster's processes: its command's process group, and its log."""

    name: str
    popen: subprocess.Popen[bytes]
    log: Path

    def log_text(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def kill(self) -> None:
        """SIGKILL to the whole process group, as a machine lost: no goodbye to the broker."""
        if self.popen.poll() is None:
            os.killpg(self.popen.pid, signal.SIGKILL)
            self.popen.wait(timeout=30)


@dataclass
class Cluster:
    """The running cluster: web base URLs, workers, tokens by role, and the database."""

    webs: list[str]
    workers: list[Process]
    tokens: dict[str, str]
    database_url: str
    queue_prefix: str
    processes: list[Process] = field(default_factory=list)

    def call(self, web: int, method: str, path: str, role: str, **kwargs: Any) -> Any:
        """``method path`` on web process ``web`` (0 or 1) as ``role``: (status, headers,
        body bytes)."""
        headers = {"Authorization": f"Bearer {self.tokens[role]}"} | kwargs.pop("headers", {})
        request = urllib.request.Request(
            self.webs[web] + path, method=method, headers=headers, **kwargs
        )
        try:
            with urllib.request.urlopen(request, timeout=180) as answer:
                return answer.status, answer.headers, answer.read()
        except urllib.error.HTTPError as refused:
            return refused.code, refused.headers, refused.read()


def _answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=2):
            return True
    except OSError:
        return False


def _broker_answers() -> str | None:
    """None when RabbitMQ answers with these credentials; else why not."""
    parts = urlsplit(BROKER_URL)
    if not _answers(parts.hostname or "127.0.0.1", parts.port or 5672):
        return f"RabbitMQ does not answer at {parts.hostname}:{parts.port or 5672}"
    from kombu import Connection

    try:
        with Connection(BROKER_URL, connect_timeout=5) as connection:
            connection.ensure_connection(max_retries=1)
    except Exception as exc:
        return f"RabbitMQ refused the connection: {type(exc).__name__}"
    return None


def _postgres_answers() -> str | None:
    parts = urlsplit(PG_SERVER.replace("+psycopg", ""))
    if not _answers(parts.hostname or "127.0.0.1", parts.port or 5432):
        return f"PostgreSQL does not answer at {parts.hostname}:{parts.port or 5432}"
    return None


def _admin_sql(statement: str) -> None:
    import sqlalchemy

    engine = sqlalchemy.create_engine(f"{PG_SERVER}/postgres", isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(sqlalchemy.text(statement))
    engine.dispose()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wtwforms(env: dict[str, str], *args: str) -> str:
    """The `wtwforms` command, its output; it fails the test if it fails."""
    done = subprocess.run(
        [str(BIN / "wtwforms"), *args], env=env, cwd=ROOT, capture_output=True, timeout=120
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    return done.stdout.decode().strip()


def _accounts(env: dict[str, str]) -> dict[str, str]:
    """The accounts and their API tokens, made with the CLI (one command each: --token)."""
    with ThreadPoolExecutor(len(ACCOUNTS)) as pool:
        made = pool.map(lambda role: wtwforms(env, "users", "create", *_account(role)), ACCOUNTS)
        return {role: out.splitlines()[-1] for role, out in zip(ACCOUNTS, made, strict=True)}


def _account(role: str) -> list[str]:
    return [f"cluster.{role}", *ACCOUNTS[role], "--token"]


def _start(name: str, command: list[str], env: dict[str, str], base: Path) -> Process:
    data = base / name
    data.mkdir(mode=0o700)
    log = base / f"{name}.log"
    with log.open("wb") as out:
        popen = subprocess.Popen(
            command,
            env=env | {"WTWFORMS_DATA_DIR": str(data)},
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, killed as one
        )
    return Process(name, popen, log)


def _wait_until(ready: Callable[[], bool], what: str, processes: list[Process]) -> None:
    deadline = time.monotonic() + START_SECONDS
    while not ready():
        for process in processes:
            if process.popen.poll() is not None:
                pytest.fail(f"{process.name} ended while starting:\n{process.log_text()[-3000:]}")
        if time.monotonic() > deadline:
            pytest.fail(f"{what} not ready after {START_SECONDS} s")
        time.sleep(0.3)


def _healthy(base: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base}/api/v1/health", timeout=5) as answer:
            return bool(answer.status == 200)
    except OSError:
        return False


def _leftovers(base: Path) -> None:
    """End any process of the cluster's left behind (a killed worker's LibreOffice)."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            line = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if str(base) in line:
            with contextlib.suppress(ProcessLookupError):
                os.kill(int(entry.name), signal.SIGKILL)


def _drop_queues(prefix: str) -> None:
    from kombu import Connection

    with Connection(BROKER_URL, connect_timeout=5) as connection:
        channel = connection.channel()
        for name in (f"{prefix}pdf", f"{prefix}aor"):
            for drop in (channel.queue_delete, channel.exchange_delete):
                try:
                    drop(name)
                except Exception:  # never declared: nothing to drop
                    channel = connection.channel()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    """Two web processes (waitress) and two workers (`wtwforms worker --queues pdf,aor`) on
    a fresh PostgreSQL database, files stored in it, jobs on queues of their own."""
    why_not = _broker_answers() or _postgres_answers()
    if why_not:
        pytest.skip(f"the cluster test needs RabbitMQ and PostgreSQL: {why_not}")
    run = uuid.uuid4().hex[:10]
    name, prefix = f"wtwforms_cluster_{run}", f"wtwforms-test-{run}-"
    base = tmp_path_factory.mktemp("cluster")
    _admin_sql(f"CREATE DATABASE {name}")
    env = {key: value for key, value in os.environ.items() if not key.startswith("WTWFORMS_")} | {
        "WTWFORMS_DATABASE_URL": f"{PG_SERVER}/{name}",
        "WTWFORMS_BROKER_URL": BROKER_URL,
        "WTWFORMS_STORAGE_BACKEND": "database",
        "WTWFORMS_JOB_QUEUE_PREFIX": prefix,
        "WTWFORMS_SECRET_KEY": f"cluster-test-{run}",  # every machine shares one key
        "WTWFORMS_PRINT_JOB_THRESHOLD": "20",
        "WTWFORMS_PDF_BATCH_PART": "10",
        "WTWFORMS_PDF_WORKERS": "1",
        "WTWFORMS_AOR_READERS": "1",
        # A render or read waits behind the print run on the worker left after the kill.
        "WTWFORMS_PDF_REMOTE_TIMEOUT": "150",
        "WTWFORMS_AOR_REMOTE_TIMEOUT": "150",
        "WTWFORMS_DATA_DIR": str(base / "cli"),
    }
    processes: list[Process] = []
    try:
        wtwforms(env, "units", "add", "U17")  # the first command migrates the new database
        ports = [free_port(), free_port()]
        for number, port in enumerate(ports):
            serve = [str(BIN / "waitress-serve"), "--host=127.0.0.1", f"--port={port}"]
            processes.append(_start(f"web{number}", [*serve, "--threads=8", "wsgi:app"], env, base))
        work = [str(BIN / "wtwforms"), "worker", "--queues", "pdf,aor", "--concurrency", "1"]
        workers = [_start(f"worker{n}", work, env, base) for n in range(2)]
        processes += workers
        webs = [f"http://127.0.0.1:{port}" for port in ports]
        tokens = _accounts(env)  # while the processes start
        _wait_until(lambda: all(_healthy(web) for web in webs), "web processes", processes)
        _wait_until(
            lambda: all(" ready." in worker.log_text() for worker in workers), "workers", processes
        )
        yield Cluster(webs, workers, tokens, f"{PG_SERVER}/{name}", prefix, processes)
    finally:
        for process in processes:
            process.kill()
        _leftovers(base)
        _drop_queues(prefix)
        _admin_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
