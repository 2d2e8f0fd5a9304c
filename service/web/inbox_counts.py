"""The AOR inbox's counts in the navigation: how many latest readings wait in each state."""

from __future__ import annotations

from sqlalchemy.exc import SQLAlchemyError

from service.aor.inbox_query import REVIEWED, state_counts
from service.auth.permissions import Action, allowed
from service.extensions import db
from service.models.user import User
from service.web.inbox_format import state_count
from service.web.nav import NavEntry

INBOX = "inbox.inbox_page"


def nav_counts(user: User | None, entries: list[NavEntry]) -> dict[str, str]:
    """Per counted nav entry's endpoint, the words beside its label ("2 need action")."""
    counted = any(e.endpoint == INBOX and e.counted for e in entries)
    if user is None or not counted or not allowed(user.role, Action.READ_AOR_INBOX):
        return {}
    try:
        counts = state_counts(db.session, user)
    except SQLAlchemyError:
        # The counts are an aside: a page saying the database failed must still render.
        return {}
    # What waits for someone; the reviewed readings are on the inbox page's own tabs.
    words = [state_count(n, state) for state, n in counts.items() if n and state != REVIEWED]
    return {INBOX: ", ".join(words)} if words else {}
