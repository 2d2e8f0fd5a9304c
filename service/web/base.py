"""What the page modules share: the blueprint factory, safe redirects, reading form fields."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from flask import Blueprint, request
from flask.blueprints import BlueprintSetupState

from service import clock
from service.errors import DomainError, InvalidInput
from service.text import printable

TEMPLATES = Path(__file__).resolve().parent / "templates"
# Pages live at the root; everything under this prefix is the JSON API.
API_PREFIX = "/api/"


def page_blueprint(name: str, import_name: str, **options: Any) -> Blueprint:
    """A blueprint whose views render the templates in service/web/templates."""
    blueprint = Blueprint(name, import_name, template_folder=str(TEMPLATES), **options)
    blueprint.record_once(_print_safely)
    return blueprint


def _print_safely(state: BlueprintSetupState) -> None:
    # Stored text may hold a lone surrogate (kept before input was checked); UTF-8 cannot
    # encode one, so every value a page prints goes out with U+FFFD in its place.
    state.app.jinja_env.finalize = printable


def is_page_request() -> bool:
    return not request.path.startswith(API_PREFIX)


def safe_next(target: str | None) -> str | None:
    """``target`` when it is a path on this site, else None: sign-in never leads elsewhere."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return None
    # Browsers read a backslash as a slash and drop tabs and newlines: "/\\evil" is "//evil".
    if "\\" in target or any(ch.isspace() or ord(ch) < 32 for ch in target):
        return None
    parts = urlsplit(target)
    return None if parts.scheme or parts.netloc else target


def form_values(names: Iterable[str]) -> dict[str, str]:
    """The named form fields as typed, trimmed: what a re-shown form is filled in with."""
    return {name: request.form.get(name, "").strip() for name in names}


def field_errors(exc: DomainError, fields: Iterable[str]) -> dict[str, list[str]]:
    """The error's messages by form field; what names no field goes under "" (top of the form)."""
    known = set(fields)
    if isinstance(exc, InvalidInput):
        pairs = [(field, message) for field, msgs in exc.errors.items() for message in msgs]
    else:
        # Account errors read "field: what is wrong".
        field, sep, rest = exc.message.partition(": ")
        pairs = [(field, rest) if sep and field in known else ("", exc.message)]
    errors: dict[str, list[str]] = {}
    for field, message in pairs:
        errors.setdefault(field if field in known else "", []).append(message)
    return errors


def local_time(moment: dt.datetime | None) -> str:
    """A moment as people in the county read it: 11/23/2026 5:39 AM."""
    if moment is None:
        return ""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    return aware.astimezone(clock.PACIFIC).strftime("%m/%d/%Y %-I:%M %p")
