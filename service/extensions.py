"""Flask extensions, created unbound; ``create_app`` calls ``init_app`` on each."""

from __future__ import annotations

from flask import current_app, g, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import CSRFProtect

from service.aor.background import ScanQueue
from service.aor.gate import Readers
from service.db import Database
from service.office import Office
from service.openapi import ServiceApi

api = ServiceApi()  # its OpenAPI document validates (service/openapi.py)
db = Database()
# Checks nothing by itself (WTF_CSRF_CHECK_DEFAULT is off): service.api.auth asks it to
# check the calls a session cookie authenticates, and only those.
csrf = CSRFProtect()
# No limit by default; the views that need one say so (sign-in: per client address).
limiter = Limiter(get_remote_address)
# PDF output through warm LibreOffice workers.
office = Office()
# AOR reading: a bounded number of readers at once, with a queue (after db: it keeps stalls).
readers = Readers()
# Scans read by OCR in the background, each through the reader gate.
scans = ScanQueue()

# In init order: the database first, so the API's views can use it.
EXTENSIONS = (db, readers, scans, api, csrf, limiter, office)


def _account() -> str:
    """The signed-in account (the views limited by it run after sign-in), else the address."""
    user = g.get("user")
    return f"account:{user.id}" if user is not None else get_remote_address()


def _upload_rate() -> str:
    return str(current_app.config["AOR_UPLOAD_RATE"])


def _files_sent() -> int:
    return max(1, len(request.files.getlist("files")))  # the upload page posts several


# AOR uploads per account, the API and the upload page together, one count per file.
aor_upload_limit = limiter.shared_limit(
    _upload_rate,
    scope="aor-upload",
    key_func=_account,
    cost=_files_sent,
    error_message="Too many AOR uploads from this account: wait a few minutes, then send the rest.",
)
