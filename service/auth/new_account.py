"""Everything wrong with a new account's form, said at once rather than one refusal a try."""

from __future__ import annotations

from typing import Any

from marshmallow import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from schemas.users import NewAccountSchema
from service import units
from service.auth.accounts import MIN_PASSWORD, USERNAME, AccountError
from service.auth.permissions import Role
from service.documents import flatten_errors
from service.errors import InvalidInput
from service.models.user import User


def check(session: Session, given: dict[str, Any]) -> None:
    """Refuse ``given`` (the form's non-blank fields, the password among them) with every
    problem found: the schema's, the unit, the role's needs and a username already taken."""
    try:
        NewAccountSchema().load(given)
        errors: dict[str, list[str]] = {}
    except ValidationError as exc:
        errors = flatten_errors(exc.messages)
    for field, message in _rules(session, given):
        if field not in errors:
            errors[field] = [message]
    if errors:
        raise InvalidInput(errors)


def _rules(session: Session, given: dict[str, Any]) -> list[tuple[str, str]]:
    found = []
    username, role = str(given.get("username", "")), given.get("role")
    if username and not USERNAME.match(username):
        found.append(("username", "Use 3 to 64 lower-case letters, digits, '.', '_' or '-'."))
    elif username and session.scalar(select(User.id).where(User.username == username)):
        found.append(("username", f"'{username}' is taken: choose another username."))
    if role and role not in {r.value for r in Role}:
        found.append(("role", "Choose a role from the list."))
    if role == Role.CONTRACTOR and not given.get("provider"):
        found.append(("provider", "Enter the contractor's provider organisation."))
    if role == Role.SUPERVISOR and not given.get("unit"):
        found.append(("unit", "Choose the unit this supervisor supervises."))
    try:
        units.resolve(session, given.get("unit"))
    except AccountError as exc:
        text = exc.message.partition(": ")[2] or exc.message
        found.append(("unit", text[:1].upper() + text[1:]))
    password = given.get("password")
    if password and len(str(password)) < MIN_PASSWORD:
        found.append(("password", f"Use at least {MIN_PASSWORD} characters."))
    return found
