"""`wtwforms users`: accounts from the command line (create, contact, list, disable, token)."""

from __future__ import annotations

import json
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

import click

from service.auth.permissions import Role

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def _database() -> AbstractContextManager[Session]:
    from service.cli import _database as database

    return database()


@click.group("users")
def users_group() -> None:
    """Accounts: create, list, disable, and issue API tokens."""


@users_group.command("create")
@click.argument("username")
@click.option("--role", required=True, type=click.Choice([r.value for r in Role]))
@click.option("--name", "display_name", default="", help="Full name as shown to others.")
@click.option("--unit", default=None, help="Unit (ECs and supervisors).")
@click.option("--worker-number", default=None)
@click.option("--provider", default=None, help="Provider organisation (contractors).")
@click.option("--phone", default=None, help="Phone notices print, like 510-555-0123.")
@click.option("--email", default=None, help="E-mail notices print, like name@county.gov.")
@click.option("--password", "ask_password", is_flag=True, help="Prompt for a sign-in password.")
@click.option("--token", "with_token", is_flag=True, help="Also issue an API token: last line.")
def users_create(
    username: str, role: str, display_name: str, ask_password: bool, with_token: bool, **facts: Any
) -> None:
    """Create an account (with --token, and its API token, shown once)."""
    from service import units
    from service.auth import accounts, directory

    contact = {key: facts.pop(key) for key in directory.CONTACT_FIELDS}
    facts |= _contact(contact)

    password = (
        click.prompt("Password", hide_input=True, confirmation_prompt=True)
        if ask_password
        else None
    )
    with _database() as session:
        facts["unit"] = units.resolve(session, facts.get("unit"))
        user = accounts.create_user(
            session, username, display_name or username, role, password=password, **facts
        )
        # One command, not two: each starts the app (seconds on a loaded machine).
        token = accounts.issue_token(session, username) if with_token else None
        click.echo(f"created {user.username} ({user.role})")
        if token is not None:
            click.echo(token)


@users_group.command("contact")
@click.argument("username")
@click.option("--phone", default=None, help='Like 510-555-0123; "" clears it.')
@click.option("--email", default=None, help='Like name@county.gov; "" clears it.')
def users_contact(username: str, phone: str | None, email: str | None) -> None:
    """Set the phone and e-mail that notices filled in by this account print; one left out stays."""
    from service.auth import accounts, directory

    with _database() as session:
        user = accounts.get_user(session, username)
        given = {"phone": user.phone if phone is None else phone}
        given["email"] = user.email if email is None else email
        user = directory.set_contact(session, username, _contact(given))
        click.echo(f"{user.username}: phone {user.phone or '-'}, e-mail {user.email or '-'}")


def _contact(given: dict[str, str | None]) -> dict[str, Any]:
    """Phone and e-mail as typed, checked with the accounts API's words; blank is none."""
    from marshmallow import ValidationError

    from schemas.users import ContactSchema
    from service.documents import flatten_errors

    blanks = {key: (value or "").strip() or None for key, value in given.items()}
    try:
        return dict(ContactSchema().load(blanks))
    except ValidationError as exc:
        problems = flatten_errors(exc.messages)
        message = " ".join(f"--{k}: {' '.join(v)}" for k, v in problems.items())
        raise click.UsageError(message) from None


@users_group.command("list")
@click.option("--json", "as_json", is_flag=True)
def users_list(as_json: bool) -> None:
    """List accounts."""
    from service.auth import accounts

    with _database() as session:
        rows = [
            {"username": u.username, "role": u.role, "unit": u.unit, "provider": u.provider,
             "phone": u.phone, "email": u.email, "active": u.active}
            for u in accounts.list_users(session)
        ]  # fmt: skip
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    for row in rows:
        state = "" if row["active"] else "  (disabled)"
        where = row["unit"] or row["provider"] or ""
        click.echo(f"{row['username']:<24} {row['role']:<11} {where}{state}")


@users_group.command("disable")
@click.argument("username")
def users_disable(username: str) -> None:
    """Disable an account and revoke its tokens."""
    from service.auth import accounts

    with _database() as session:
        accounts.disable_user(session, username)
    click.echo(f"disabled {username}")


@users_group.command("token")
@click.argument("username")
@click.option("--label", default="", help="What the token is for.")
def users_token(username: str, label: str) -> None:
    """Issue an API token; it is shown once and stored only as a hash."""
    from service.auth import accounts

    with _database() as session:
        token = accounts.issue_token(session, username, label)
    click.echo(token)
