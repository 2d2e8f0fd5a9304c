"""Where jobs keep their results (and a conversion its input): the "jobs" store."""

from __future__ import annotations

from flask import current_app
from sqlalchemy.orm import Session

from service.storage import BlobStore, store_for


def job_store(session: Session) -> BlobStore:
    """The current app's "jobs" store; on the database backend it writes in ``session``."""
    return store_for(current_app, "jobs", session)
