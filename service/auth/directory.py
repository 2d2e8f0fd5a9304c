"""Accounts as the admin page shows and changes them: input checked by the API's schemas."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from marshmallow import Schema, ValidationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from schemas.users import ContactSchema, NewAccountSchema, NewTokenSchema, PasswordSchema
from service import units
from service.auth import accounts, lockout, new_account
from service.auth.permissions import Role
from service.documents import flatten_errors
from service.errors import InvalidInput
from service.models.audit import AuditEvent
from service.models.user import CaseAssignment, User

# The audit actions of a sign-in: the JSON call and the page.
SIGN_IN_ACTIONS = ("session.sign_in", "web.sign_in")
NEW_ACCOUNT_FIELDS = (
    "username",
    "display_name",
    "role",
    "unit",
    "worker_number",
    "provider",
    "phone",
    "email",
)
CONTACT_FIELDS = ("phone", "email")


@dataclass(frozen=True)
class AccountRow:
    """One line of the accounts table."""

    user: User
    state: str
    last_sign_in: dt.datetime | None
    live_tokens: int


def overview(session: Session, at: dt.datetime | None = None) -> list[AccountRow]:
    """Every account with its state, its last sign-in (from the audit trail) and live tokens."""
    at = at or accounts.now()
    last = dict(
        session.execute(
            select(AuditEvent.user_id, func.max(AuditEvent.at))
            .where(AuditEvent.action.in_(SIGN_IN_ACTIONS), AuditEvent.outcome == "ok")
            .group_by(AuditEvent.user_id)
        ).all()
    )
    waiting = lockout.locked_addresses(session, at)
    return [
        AccountRow(
            user=user,
            state=_state(user, waiting.get(user.username, 0)),
            last_sign_in=last.get(user.id),
            live_tokens=sum(1 for token in user.tokens if token.revoked_at is None),
        )
        for user in accounts.list_users(session)
    ]


def _state(user: User, waiting_addresses: int) -> str:
    if not user.active:
        return "Disabled"
    if waiting_addresses:
        # Only those addresses wait; the account still signs in from anywhere else.
        where = "1 address" if waiting_addresses == 1 else f"{waiting_addresses} addresses"
        return f"Active (wrong passwords: sign-in from {where} waits)"
    return "Active"


def create_account(
    session: Session, fields: dict[str, str], password: str, *, commit: bool = True
) -> User:
    """A new account from the page's form: blank fields are absent, a blank password is none;
    the unit, typed in any spelling, must be one the admin keeps (service/units.py)."""
    given = {key: value for key, value in fields.items() if key in NEW_ACCOUNT_FIELDS and value}
    given |= {"password": password} if password else {}
    new_account.check(session, given)  # every problem at once, not one a try
    data = _load(NewAccountSchema(), given)
    data["unit"] = units.resolve(session, data.get("unit"))
    user = accounts.create_user(session, **data)
    if commit:
        session.commit()
    return user


def disable_account(session: Session, username: str, by: User) -> User:
    """Disable an account (not one's own: the last administrator cannot lock everyone out)."""
    if username == by.username:
        raise accounts.AccountError("An administrator may not disable their own account.")
    user = accounts.disable_user(session, username)
    session.commit()
    return user


def move_account(session: Session, username: str, unit: str) -> User:
    """Move an account to a listed unit; an EC's assigned cases move with them, so the new
    unit's supervisor sees them and the old one's no longer does."""
    user = accounts.get_user(session, username)
    code = units.resolve(session, unit)
    if code is None and user.role == Role.SUPERVISOR:
        raise accounts.AccountError("unit: a supervisor account names the unit it supervises")
    user.unit = code
    for assignment in session.scalars(
        select(CaseAssignment).where(CaseAssignment.ec_id == user.id)
    ):
        assignment.unit = code
    session.commit()
    return user


def set_contact(session: Session, username: str, given: dict[str, Any]) -> User:
    """A new phone and e-mail for an account (a blank one clears it); notices print them."""
    blanks = {key: (given.get(key) or "").strip() or None for key in CONTACT_FIELDS}
    data = _load(ContactSchema(), blanks)
    user = accounts.get_user(session, username)
    user.phone, user.email = data["phone"], data["email"]
    session.commit()
    return user


def set_password(session: Session, username: str, password: str) -> User:
    """A new password; this unlocks the account and ends its open sessions."""
    if password:  # an empty one gets the accounts module's own message
        password = _load(PasswordSchema(), {"password": password})["password"]
    user = accounts.set_password(session, username, password)
    session.commit()
    return user


def issue_token(session: Session, username: str, label: str) -> tuple[User, str]:
    """A new bearer token for the account, to be shown once."""
    label = _load(NewTokenSchema(), {"label": label})["label"]
    token = accounts.issue_token(session, username, label)
    session.commit()
    return accounts.get_user(session, username), token


def _load(schema: Schema, data: dict[str, Any]) -> dict[str, Any]:
    try:
        loaded: dict[str, Any] = schema.load(data)
    except ValidationError as exc:
        raise InvalidInput(flatten_errors(exc.messages)) from None
    return loaded
