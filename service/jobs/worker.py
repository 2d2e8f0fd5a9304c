"""`wtwforms worker`: a Celery worker of the "pdf" and "aor" queues, on any machine.

Prefork: each worker process, once forked, starts its own warm LibreOffice ("pdf") and its
own AOR reader ("aor"), under the readers' limits (memory, processor time) set as each
reader process starts. Nothing of the parent's pools crosses the fork.
"""

from __future__ import annotations

import os
import socket
import sys
from typing import Any

import click

# The queues a worker may take (service.jobs.QUEUES; not imported: the command line must
# start without Flask and SQLAlchemy).
QUEUES = ("pdf", "aor")
# One LibreOffice and one reader per worker process: the processes are the parallelism.
PER_PROCESS = {"PDF_WORKERS": 1, "AOR_READERS": 1, "AOR_OCR_THREADS": 1, "JOB_WORKER": True}


@click.command("worker")
@click.option(
    "--queues", default=",".join(QUEUES), show_default=True, help="Queues to take jobs from."
)
@click.option("--concurrency", type=click.IntRange(min=1), help="Worker processes (one a core).")
@click.option("--loglevel", default="INFO", show_default=True)
def worker_command(queues: str, concurrency: int | None, loglevel: str) -> None:
    """Run jobs (print runs, conversions, scans) from the broker WTWFORMS_BROKER_URL names."""
    from service import create_app
    from service.cli import NO_WORKERS, UserError
    from service.jobs.queue import make_celery, queue_name

    names = [name.strip() for name in queues.split(",") if name.strip()]
    unknown = sorted(set(names) - set(QUEUES))
    if unknown or not names:
        raise UserError(f"--queues takes {', '.join(QUEUES)}; not {', '.join(unknown) or 'none'}")
    app = create_app(NO_WORKERS | PER_PROCESS)
    if not app.config.get("BROKER_URL"):
        raise UserError("no broker: set WTWFORMS_BROKER_URL (e.g. amqp://user:pass@host:5672//)")
    celery = make_celery(app)
    _connect_process_hooks(app, names)
    argv = [
        "worker",
        f"--queues={','.join(queue_name(app.config, name) for name in names)}",
        f"--concurrency={concurrency or os.cpu_count() or 1}",
        "--pool=prefork",
        f"--loglevel={loglevel}",
        f"--hostname=wtwforms-{os.getpid()}@{socket.gethostname()}",
        "--without-mingle",
        "--without-gossip",
    ]
    celery.worker_main(argv)
    sys.exit(0)


def _connect_process_hooks(app: Any, queues: list[str]) -> None:
    from celery.signals import worker_process_init, worker_process_shutdown

    def started(**_: Any) -> None:
        prepare_process(app, queues)

    def stopping(**_: Any) -> None:
        close_process(app)

    worker_process_init.connect(started, weak=False)
    worker_process_shutdown.connect(stopping, weak=False)


def prepare_process(app: Any, queues: list[str]) -> None:
    """In a freshly forked worker process: its own database connections, LibreOffice and
    reader, started now so the first job does not wait for them."""
    from service.aor.gate import reader_limits
    from service.aor.intake import WORKER
    from service.extensions import db
    from service.office import pool_from_config

    db.engine.dispose(close=False)  # the parent's connections stay the parent's
    if "pdf" in queues:
        pool = pool_from_config(app.config)
        app.extensions["office"] = pool
        pool.start()
    if "aor" in queues:
        app.extensions["aor_readers"].warm(WORKER, reader_limits(app.config))


def close_process(app: Any) -> None:
    """A worker process ending: no LibreOffice or reader of its outlives it."""
    app.extensions["office"].close()
    app.extensions["aor_readers"].close()
