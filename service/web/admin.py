"""The administrator's accounts page: list, create, disable, set a password, issue a token."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from service import units
from service.api.audit import note_record
from service.api.auth import current_user, requires
from service.auth import directory
from service.auth.accounts import AccountError
from service.auth.permissions import Action, Role
from service.errors import InvalidInput
from service.extensions import db
from service.web.base import field_errors, form_values, page_blueprint
from service.web.nav import ROLE_LABELS

bp = page_blueprint("admin", __name__, url_prefix="/admin")
# The errors a form can fix: shown beside its fields, the form filled in again.
FIXABLE = (InvalidInput, AccountError)


def _page(status: int = 200, **shown: Any) -> ResponseReturnValue:
    rows = directory.overview(db.session)
    shown.setdefault("errors", {})
    shown.setdefault("values", {})
    choices = [(role.value, ROLE_LABELS[role]) for role in Role]
    kept = [(unit.code, f"{unit.name} ({unit.code})") for unit in units.list_units(db.session)]
    page = render_template(
        "admin_accounts.html",
        rows=rows,
        role_choices=choices,
        unit_choices=[("", "No unit"), *kept],
        **shown,
    )
    return page, status


@bp.get("/accounts")
@requires(Action.MANAGE_USERS)
def accounts() -> ResponseReturnValue:
    return _page()


@bp.post("/accounts")
@requires(Action.MANAGE_USERS)
def create_account() -> ResponseReturnValue:
    values = form_values(directory.NEW_ACCOUNT_FIELDS)
    try:
        user = directory.create_account(db.session, values, request.form.get("password", ""))
    except FIXABLE as exc:
        errors = field_errors(exc, (*directory.NEW_ACCOUNT_FIELDS, "password"))
        return _page(422, errors={"new": errors}, values={"new": values})
    note_record("user", user.id)
    flash(f"Account {user.username} created.", "status")
    return redirect(url_for("admin.accounts"), 303)


@bp.post("/accounts/<username>/disable")
@requires(Action.MANAGE_USERS)
def disable_account(username: str) -> ResponseReturnValue:
    try:
        user = directory.disable_account(db.session, username, current_user())
    except AccountError as exc:
        return _page(422, errors={f"disable:{username}": {"": [exc.message]}})
    note_record("user", user.id)
    flash(f"Account {username} disabled; its tokens are revoked.", "status")
    return redirect(url_for("admin.accounts"), 303)


@bp.post("/accounts/<username>/password")
@requires(Action.MANAGE_USERS)
def set_password(username: str) -> ResponseReturnValue:
    try:
        user = directory.set_password(db.session, username, request.form.get("password", ""))
    except FIXABLE as exc:
        return _page(422, errors={f"password:{username}": field_errors(exc, ["password"])})
    note_record("user", user.id)
    flash(f"Password of {username} set; its other sessions have ended.", "status")
    return redirect(url_for("admin.accounts"), 303)


@bp.post("/accounts/<username>/unit")
@requires(Action.MANAGE_USERS)
def move_account(username: str) -> ResponseReturnValue:
    try:
        user = directory.move_account(db.session, username, request.form.get("unit", ""))
    except FIXABLE as exc:
        return _page(422, errors={f"unit:{username}": field_errors(exc, ["unit"])})
    note_record("user", user.id)
    flash(f"{username} is now in {user.unit or 'no unit'}.", "status")
    return redirect(url_for("admin.accounts"), 303)


@bp.post("/accounts/<username>/contact")
@requires(Action.MANAGE_USERS)
def set_contact(username: str) -> ResponseReturnValue:
    """The account's phone and e-mail, which the notices it fills in print."""
    values = form_values(directory.CONTACT_FIELDS)
    try:
        user = directory.set_contact(db.session, username, values)
    except FIXABLE as exc:
        errors = {f"contact:{username}": field_errors(exc, directory.CONTACT_FIELDS)}
        return _page(422, errors=errors, values={f"contact:{username}": values})
    note_record("user", user.id)
    flash(f"Phone and e-mail of {username} saved.", "status")
    return redirect(url_for("admin.accounts"), 303)


@bp.post("/accounts/<username>/tokens")
@requires(Action.MANAGE_USERS)
def issue_token(username: str) -> ResponseReturnValue:
    label = request.form.get("label", "").strip()
    try:
        user, token = directory.issue_token(db.session, username, label)
    except FIXABLE as exc:
        errors = {f"token:{username}": field_errors(exc, ["label"])}
        return _page(422, errors=errors, values={f"token:{username}": {"label": label}})
    note_record("user", user.id)
    # Rendered, not flashed: the token must not travel in the session cookie.
    return _page(201, issued={"username": username, "label": label, "token": token})
