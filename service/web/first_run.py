"""First run: the console's one-time link to "Create the first administrator", this machine only."""

from __future__ import annotations

import sys

from flask import Flask, abort, current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_wtf.csrf import CSRFError

from service import first_run, units
from service.api.audit import note_record
from service.api.auth import start_session
from service.auth.accounts import AccountError
from service.errors import InvalidInput
from service.extensions import csrf, db
from service.web.base import field_errors, form_values, page_blueprint

bp = page_blueprint("first_run", __name__)
FIELDS = (*first_run.FIRST_ADMIN_FIELDS, "password")
# Headers a relaying proxy adds; with no trusted proxy, their presence means "not this machine".
PROXY_HEADERS = ("X-Forwarded-For", "Forwarded", "X-Real-IP")


def announce(app: Flask) -> None:
    """At start-up: keep the county offices listed, and while no account exists print the
    one-time link on the console (it names no participant, only the token)."""
    with app.app_context():
        units.sync_offices(db.session)
        db.session.commit()
        if not app.config.get("FIRST_RUN_LINK", True):
            return
        token = first_run.issue_link_token(db.session)
    if token is not None:
        base = str(app.config.get("LOCAL_URL", "http://127.0.0.1:8000")).rstrip("/")
        print(
            f"wtwforms: no account yet. Create the first administrator, from this machine, "
            f"at {base}/setup/{token}",
            file=sys.stdout,
            flush=True,
        )


def _open_only_here(token: str) -> None:
    """404 unless the request comes from this machine with a live link: to anyone else the
    page does not exist, and it is gone for good once an account does."""
    relayed = current_app.config["TRUSTED_PROXIES"] == 0 and any(
        header in request.headers for header in PROXY_HEADERS
    )
    if not first_run.is_this_machine(request.remote_addr, relayed):
        abort(404)
    try:
        first_run.check_token(db.session, token)
    except first_run.SetupClosed:
        abort(404)


@bp.get("/setup/<token>")
def setup(token: str) -> ResponseReturnValue:
    _open_only_here(token)
    return render_template("first_run.html", token=token, values={}, errors={})


@bp.post("/setup/<token>")
def create_admin(token: str) -> ResponseReturnValue:
    _open_only_here(token)
    values = form_values(first_run.FIRST_ADMIN_FIELDS)
    try:
        csrf.protect()
        user = first_run.create_first_admin(
            db.session, token, values, request.form.get("password", "")
        )
    except CSRFError:
        errors = {"": ["The form had expired; please fill it in again."]}
        return render_template("first_run.html", token=token, values=values, errors=errors), 400
    except (InvalidInput, AccountError) as exc:
        db.session.rollback()
        errors = field_errors(exc, FIELDS)
        return render_template("first_run.html", token=token, values=values, errors=errors), 422
    except first_run.SetupClosed:
        abort(404)
    note_record("user", user.id)
    start_session(user)
    flash(f"Administrator {user.username} created; you are signed in. Add your units.", "status")
    return redirect(url_for("admin_units.units_page"), 303)
