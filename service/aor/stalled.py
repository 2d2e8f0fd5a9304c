"""Files refused for stalling the reader, remembered in the database by their SHA-256."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from service.models.stalled import StalledFile


class StalledFiles:
    """The gate's stall memory. Each call has its own short transaction, so a refusal is
    remembered even though the request that met it ends in an error and rolls back."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def refusal(self, digest: str) -> str | None:
        with Session(self.engine) as session:
            found = session.get(StalledFile, digest)
            return found.message if found is not None else None

    def remember(self, digest: str, message: str) -> None:
        now = dt.datetime.now(dt.UTC)
        with Session(self.engine) as session:
            session.add(StalledFile(sha256=digest, message=message[:300], refused_at=now))
            try:
                session.commit()
            except IntegrityError:  # two readers of the same file stalled at once
                session.rollback()
