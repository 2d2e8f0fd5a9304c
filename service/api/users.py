"""Accounts API for administrators: list, create, disable, issue tokens, set passwords."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from flask_smorest import Blueprint

from schemas.users import (
    AccountSchema,
    ContactSchema,
    IssuedTokenSchema,
    NewAccountSchema,
    NewTokenSchema,
    PasswordSchema,
)
from service import units
from service.api.audit import note_record
from service.api.auth import current_user, requires
from service.auth import accounts, directory
from service.auth.permissions import Action
from service.extensions import db
from service.models.user import User

blp = Blueprint("users", __name__, url_prefix="/users", description="Accounts (administrators)")
NOT_FOUND = {"404": {"description": "No such account"}}


@blp.route("")
@requires(Action.MANAGE_USERS)
@blp.response(200, AccountSchema(many=True))
def list_accounts() -> Sequence[User]:
    """List the accounts, with the facts of their tokens."""
    return accounts.list_users(db.session)


@blp.route("", methods=["POST"])
@requires(Action.MANAGE_USERS)
@blp.arguments(NewAccountSchema)
@blp.response(201, AccountSchema)
def create_account(new: dict[str, Any]) -> User:
    """Create an account; the password is optional (a token-only account needs none)."""
    new["unit"] = units.resolve(db.session, new.get("unit"))
    user = accounts.create_user(db.session, **new)
    db.session.commit()
    note_record("user", user.id)
    return user


@blp.route("/<username>/disable", methods=["POST"])
@requires(Action.MANAGE_USERS)
@blp.response(200, AccountSchema)
@blp.doc(responses=NOT_FOUND)
def disable_account(username: str) -> User:
    """Disable an account: its tokens are revoked and its sessions end."""
    user = directory.disable_account(db.session, username, current_user())
    note_record("user", user.id)
    return user


@blp.route("/<username>/tokens", methods=["POST"])
@requires(Action.MANAGE_USERS)
@blp.arguments(NewTokenSchema)
@blp.response(201, IssuedTokenSchema)
@blp.doc(responses=NOT_FOUND)
def issue_token(body: dict[str, str], username: str) -> dict[str, str]:
    """Issue a bearer token; this answer is the only time it is shown."""
    token = accounts.issue_token(db.session, username, body["label"])
    db.session.commit()
    note_record("user", accounts.get_user(db.session, username).id)
    return {"username": username, "label": body["label"], "token": token}


@blp.route("/<username>/contact", methods=["PUT"])
@requires(Action.MANAGE_USERS)
@blp.arguments(ContactSchema)
@blp.response(200, AccountSchema)
@blp.doc(responses=NOT_FOUND)
def set_contact(body: dict[str, Any], username: str) -> User:
    """Set an account's phone and e-mail, which the notices it fills in print."""
    user = directory.set_contact(db.session, username, body)
    note_record("user", user.id)
    return user


@blp.route("/<username>/password", methods=["PUT"])
@requires(Action.MANAGE_USERS)
@blp.arguments(PasswordSchema)
@blp.response(204)
@blp.doc(responses=NOT_FOUND)
def set_password(body: dict[str, str], username: str) -> None:
    """Set an account's password; this unlocks it and ends its open sessions."""
    user = accounts.set_password(db.session, username, body["password"])
    db.session.commit()
    note_record("user", user.id)
