"""The pages' frame: home, sign in and sign out, and what every template can use."""

from __future__ import annotations

from typing import Any

from flask import flash, g, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_wtf.csrf import CSRFError

from service.api.auth import current_user, end_session
from service.api.session import password_sign_in, sign_in_limit
from service.auth.accounts import AuthenticationFailed
from service.extensions import csrf
from service.web.base import local_time, page_blueprint, safe_next
from service.web.inbox_counts import nav_counts
from service.web.nav import ROLE_LABELS, entries_for, home_endpoint

bp = page_blueprint("web", __name__, static_folder="static", static_url_path="/assets")
bp.add_app_template_filter(local_time, "local_time")


@bp.app_context_processor
def page_context() -> dict[str, Any]:
    user = g.get("user")
    nav = entries_for(user.role) if user else []
    counts = nav_counts(user, nav)
    return {"signed_in": user, "nav": nav, "nav_counts": counts, "role_labels": ROLE_LABELS}


@bp.get("/")
def home() -> ResponseReturnValue:
    """The role's first page; a role no page serves yet sees where to find the API."""
    endpoint = home_endpoint(current_user().role)
    return redirect(url_for(endpoint)) if endpoint else render_template("home.html")


@bp.route("/sign-in", methods=["GET", "POST"])
@sign_in_limit
def sign_in() -> ResponseReturnValue:
    """The sign-in form; a correct password leads to ``next`` (a path on this site) or home."""
    target = safe_next(request.values.get("next"))
    if request.method == "GET":
        return render_template("sign_in.html", next=target, username="", errors={})
    username, password = request.form.get("username", "").strip(), request.form.get("password", "")
    errors, status = _sign_in_errors(username, password), 422
    if not errors:
        try:
            password_sign_in(username, password)
            return redirect(target or url_for("web.home"), 303)
        except AuthenticationFailed as exc:
            errors, status = {"": [exc.message]}, exc.status
    page = render_template("sign_in.html", next=target, username=username, errors=errors)
    return page, status


def _sign_in_errors(username: str, password: str) -> dict[str, list[str]]:
    try:
        csrf.protect()  # the page's own form, not a form on another site
    except CSRFError:
        # Its token is kept in the session, which ended or never began in this browser.
        return {"": ["The sign-in form had expired; please sign in again."]}
    errors = {}
    if not username:
        errors["username"] = ["Enter your username."]
    if not password:
        errors["password"] = ["Enter your password."]
    return errors


@bp.post("/sign-out")
def sign_out() -> ResponseReturnValue:
    end_session()
    flash("You have signed out.", "status")
    return redirect(url_for("web.sign_in"), 303)
