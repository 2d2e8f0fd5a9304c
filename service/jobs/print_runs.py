"""A print run of many slips as a job: its slips chosen now, printed on a worker."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from service.jobs.queue import start_job
from service.models.job import Job
from service.models.user import User
from service.slips.printing import NothingToPrint, PrintSettings, choose_slips


def start_print_run(
    session: Session,
    viewer: User,
    ids: Sequence[int] | None,
    settings: PrintSettings,
    threshold: int,
) -> Job | None:
    """A print job for a run of more than ``threshold`` slips; None for a shorter one, which
    prints in the request. The slips are chosen here, so a slip out of reach or an empty
    queue is said at once, and the job prints the queue as it stood when asked."""
    slips = choose_slips(session, viewer, ids)
    if len(slips) <= threshold:
        return None
    if len(slips) > settings.max_slips:
        raise NothingToPrint(
            f"at most {settings.max_slips} slips print at once; {len(slips)} given"
        )
    return start_job(session, "print", viewer, len(slips), {"ids": [slip.id for slip in slips]})
