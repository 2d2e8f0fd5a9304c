"""First run: a one-time link, printed while no account exists, to create the first admin."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets

from sqlalchemy import exists, select, update
from sqlalchemy.orm import Session

from service.auth import directory
from service.auth.accounts import AccountError, now
from service.auth.permissions import Role
from service.errors import DomainError
from service.models.unit import SetupToken
from service.models.user import User

TOKEN_BYTES = 32
# What the page takes: the account's facts, never a role (the first account is an admin).
FIRST_ADMIN_FIELDS = ("username", "display_name")


class SetupClosed(DomainError):
    """The link is unknown, used, or an account exists: the page is gone for good."""

    status = 404

    def __init__(self) -> None:
        super().__init__("Not found.")


def has_accounts(session: Session) -> bool:
    return bool(session.scalar(select(exists().where(User.id.is_not(None)))))


def issue_link_token(session: Session) -> str | None:
    """A new one-time token while no account exists (None once one does); only its hash is
    kept. Each server start prints a new one; any unused one opens the page until an account
    exists."""
    if has_accounts(session):
        return None
    token = secrets.token_urlsafe(TOKEN_BYTES)
    session.add(SetupToken(token_hash=_digest(token), created_at=now()))
    session.commit()
    return token


def check_token(session: Session, token: str) -> None:
    """Refuse (SetupClosed) unless ``token`` is an unused link while no account exists."""
    if has_accounts(session) or _unused(session, token) is None:
        raise SetupClosed()


def create_first_admin(session: Session, token: str, fields: dict[str, str], password: str) -> User:
    """The first administrator, with the password rules of every account; the token is spent.

    Spending it is one conditional UPDATE, so two submits of one link make one account.
    """
    check_token(session, token)
    if not password:
        raise AccountError("password: enter a password; the first administrator signs in")
    given = {key: fields.get(key, "") for key in FIRST_ADMIN_FIELDS}
    user = directory.create_account(
        session, given | {"role": Role.ADMIN.value}, password, commit=False
    )
    spent = session.execute(
        update(SetupToken)
        .where(SetupToken.token_hash == _digest(token), SetupToken.used_at.is_(None))
        .values(used_at=now())
    )
    others = session.scalar(select(exists().where(User.id != user.id)))
    if spent.rowcount != 1 or others:  # type: ignore[attr-defined]
        session.rollback()
        raise SetupClosed()
    session.commit()
    return user


def is_this_machine(address: str | None, forwarded: bool) -> bool:
    """Whether a request comes from this machine: a loopback address (after ProxyFix, the
    real client's), and not relayed by a proxy the service was not told to trust."""
    if not address or forwarded:
        return False
    try:
        return ipaddress.ip_address(address.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


def _unused(session: Session, token: str) -> SetupToken | None:
    found = session.scalar(select(SetupToken).where(SetupToken.token_hash == _digest(token)))
    if found is None or found.used_at is not None:
        return None
    # Compared again in constant time: the lookup above found it by its hash.
    return found if hmac.compare_digest(found.token_hash, _digest(token)) else None


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
