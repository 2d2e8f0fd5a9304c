"""Long work as jobs: on Celery workers when BROKER_URL names a broker, else in-process.

The names below come from service.jobs.queue on first use: ``wtwforms worker`` (in this
package) must load with the command line, which starts without Flask or SQLAlchemy.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "QUEUES",
    "celery_for",
    "make_celery",
    "queue_name",
    "start_job",
    "submit_scan",
    "wait_for_jobs",
]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from service.jobs import queue

        return getattr(queue, name)
    raise AttributeError(f"module 'service.jobs' has no attribute {name!r}")
