"""Sign-in lockout per username and client address, with waits that grow with each failure.

Keyed by the pair, so wrong passwords from one address never lock the account elsewhere:
an outsider cannot keep a worker from signing in at their desk.
"""

from __future__ import annotations

import datetime as dt
import ipaddress

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from service.models.session import SignInFailure

FAILURES_BEFORE_WAIT = 5
FIRST_WAIT = dt.timedelta(minutes=1)
LONGEST_WAIT = dt.timedelta(hours=1)
# A pair that has not failed for this long starts counting afresh.
FORGET_AFTER = dt.timedelta(days=1)
USERNAME_LENGTH = SignInFailure.username.type.length or 64
ADDRESS_LENGTH = SignInFailure.address.type.length or 45


def client_key(address: str | None) -> str:
    """The address a lockout or rate limit counts: IPv6 by its /64, which one host holds whole."""
    if not address:
        return "unknown"
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address[:ADDRESS_LENGTH]
    if isinstance(parsed, ipaddress.IPv6Address):
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)


def wait_after(failures: int) -> dt.timedelta | None:
    """How long a pair waits after this many failures in a row: none, then 1 min doubling."""
    if failures < FAILURES_BEFORE_WAIT:
        return None
    doublings = min(failures - FAILURES_BEFORE_WAIT, 32)
    return min(FIRST_WAIT * 2**doublings, LONGEST_WAIT)


def is_locked(session: Session, username: str, address: str, at: dt.datetime) -> bool:
    row = session.get(SignInFailure, _key(username, address))
    return row is not None and row.locked_until is not None and _aware(row.locked_until) > at


def record_failure(session: Session, username: str, address: str, at: dt.datetime) -> None:
    """Count a failure for the pair; from the fifth on, the pair waits before trying again."""
    key = _key(username, address)
    row = session.get(SignInFailure, key)
    if row is None:
        row = SignInFailure(username=key[0], address=key[1], failures=0, last_failed_at=at)
        session.add(row)
    elif at - _aware(row.last_failed_at) > FORGET_AFTER:
        row.failures, row.locked_until = 0, None
    row.failures += 1
    row.last_failed_at = at
    wait = wait_after(row.failures)
    row.locked_until = at + wait if wait else None


def clear(session: Session, username: str, address: str | None = None) -> None:
    """Forget the failures of a username from one address, or from every address."""
    query = delete(SignInFailure).where(SignInFailure.username == username[:USERNAME_LENGTH])
    if address is not None:
        query = query.where(SignInFailure.address == _key(username, address)[1])
    session.execute(query)


def locked_addresses(session: Session, at: dt.datetime) -> dict[str, int]:
    """Per username, how many addresses are waiting now (the accounts page shows it)."""
    rows = session.execute(
        select(SignInFailure.username, func.count())
        .where(SignInFailure.locked_until > at)
        .group_by(SignInFailure.username)
    )
    return {row[0]: row[1] for row in rows}


def purge_stale(session: Session, at: dt.datetime) -> None:
    """Forget pairs that have not failed for a day; none of them is still waiting."""
    session.execute(delete(SignInFailure).where(SignInFailure.last_failed_at < at - FORGET_AFTER))


def _key(username: str, address: str) -> tuple[str, str]:
    # A name longer than the column can never be an account; its prefix counts for it.
    return username[:USERNAME_LENGTH], address[:ADDRESS_LENGTH]


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
