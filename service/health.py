"""Health probes: the database, file storage, the PDF pool and the job queue (no Flask here)."""

from __future__ import annotations

import datetime as dt
import os
import secrets
import shutil
import socket
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import delete, insert, text
from sqlalchemy.engine import Engine

from service.faults import storage_full
from service.models.blob import StoredBlob
from service.office.pool import OfficePool

# Default ports of the brokers Celery names by scheme (RabbitMQ, Redis).
BROKER_PORTS = {"amqp": 5672, "amqps": 5671, "pyamqp": 5672, "redis": 6379, "rediss": 6380}
PROBE_TIMEOUT = 2.0
# The store name of the database storage's probe row, which no store of files uses.
PROBE_STORE = "health-probe"


def database(engine: Engine) -> dict[str, Any]:
    """``{"up": bool}``: one round trip (SELECT 1) on a pooled connection."""
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as exc:
        return {"up": False, "error": type(exc).__name__}
    return {"up": True}


def storage(root: Path) -> dict[str, Any]:
    """``{"backend": "local", "writable": bool, "free_bytes": int}`` for the folder that holds
    the files: a small file is written and removed, as a full disk or a read-only mount would
    refuse."""
    report: dict[str, Any] = {"backend": "local", "writable": True, "free_bytes": None}
    try:
        report["free_bytes"] = shutil.disk_usage(root).free
        with tempfile.NamedTemporaryFile(dir=root, prefix=".health-") as probe:
            probe.write(b"ok")
            probe.flush()
    except OSError as exc:
        report["writable"] = False
        report["error"] = os.strerror(exc.errno) if exc.errno else type(exc).__name__
    return report


def stored_rows(engine: Engine) -> dict[str, Any]:
    """``{"backend": "database", "writable": bool, "free_bytes": null}`` for files kept in
    the database: a probe row is written and removed, each in its own transaction, as a full
    disk or a read-only database would refuse. The database's free space is not ours to see."""
    report: dict[str, Any] = {"backend": "database", "writable": True, "free_bytes": None}
    # Its own store and a random digest: concurrent checks never meet, and no file is touched.
    digest, now = secrets.token_hex(32), dt.datetime.now(dt.UTC)
    row = {"store": PROBE_STORE, "digest": digest, "size": 2, "content": b"ok", "created_at": now}
    try:
        with engine.begin() as connection:
            connection.execute(insert(StoredBlob).values(row))
        with engine.begin() as connection:
            probe = (StoredBlob.store == PROBE_STORE) & (StoredBlob.digest == digest)
            connection.execute(delete(StoredBlob).where(probe))
    except Exception as exc:
        report["writable"] = False
        report["error"] = "No space left on device" if storage_full(exc) else type(exc).__name__
    return report


def pdf(pool: OfficePool) -> dict[str, Any]:
    """The LibreOffice pool: its live ``workers`` against the ``target``, and a ``state``:
    ready, starting (workers on their way), short (fewer than the target, none on the way),
    idle (not started: the first PDF starts it) or unavailable (LibreOffice not installed)."""
    status = pool.status()
    target = int(status.get("target", pool.settings.workers))
    ready, starting = int(status["ready"]), int(status["starting"])
    report = {"workers": ready, "starting": starting, "target": target}
    if pool.missing():
        return report | {"state": "unavailable"}
    if ready >= target:
        return report | {"state": "ready"}
    if starting:
        return report | {"state": "starting"}
    if not ready and status.get("last_error") is None:
        return report | {"state": "idle"}
    return report | {"state": "short"}


def queue(broker_url: str | None) -> dict[str, Any]:
    """The job queue's broker: ``{"configured": false}`` without one, else whether it answers
    (a TCP connection to its host and port)."""
    if not broker_url:
        return {"configured": False, "state": "not configured"}
    parts = urlsplit(broker_url)
    host = parts.hostname or "localhost"
    port = parts.port or BROKER_PORTS.get(parts.scheme.split("+")[0], 0)
    try:
        with socket.create_connection((host, port), timeout=PROBE_TIMEOUT):
            pass
    except OSError:
        return {"configured": True, "state": "unreachable"}
    return {"configured": True, "state": "reachable"}


def overall(report: dict[str, Any]) -> str:
    """``down`` when something every request needs fails (the database, writing files),
    ``degraded`` when a part some requests need does (PDF workers short, the queue), else ``ok``."""
    if not report["database"]["up"] or not report["storage"]["writable"]:
        return "down"
    if report["pdf"]["state"] == "short" or report["queue"]["state"] == "unreachable":
        return "degraded"
    return "ok"
