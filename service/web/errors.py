"""Errors on pages: an HTML page saying what went wrong, or the sign-in page when signed out."""

from __future__ import annotations

from collections.abc import Mapping

from flask import flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from werkzeug.http import HTTP_STATUS_CODES

from service.web.base import is_page_request, safe_next

__all__ = ["is_page_request", "page_error"]


def page_error(
    status: int, message: str, headers: Mapping[str, str] | None = None, *, ended: bool = False
) -> ResponseReturnValue:
    """The page for an error; ``ended``: a session ran out (the sign-in page says so)."""
    if status == 401:
        return _to_sign_in(message if ended else "")
    if status == 429 and request.endpoint == "web.sign_in":
        # The form again, filled in, with the wait beside it.
        username = request.form.get("username", "")
        page = render_template(
            "sign_in.html",
            next=safe_next(request.values.get("next")),
            username=username,
            errors={"": [message]},
        )
        return page, status, dict(headers or {})
    title = HTTP_STATUS_CODES.get(status, "Error")
    page = render_template("error.html", status=status, title=title, message=message)
    return page, status, dict(headers or {})


def _to_sign_in(reason: str) -> ResponseReturnValue:
    if reason:
        flash(reason, "alert")
    # Only a page that can be opened again is worth coming back to.
    target = request.full_path.rstrip("?") if request.method == "GET" else None
    return redirect(url_for("web.sign_in", next=safe_next(target)))
