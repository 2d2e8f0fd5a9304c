"""Flask extensions, created unbound; ``create_app`` calls ``init_app`` on each."""

from __future__ import annotations

from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_smorest import Api
from flask_wtf.csrf import CSRFProtect

from service.db import Database
from service.office import Office

api = Api()
db = Database()
# Checks nothing by itself (WTF_CSRF_CHECK_DEFAULT is off): service.api.auth asks it to
# check the calls a session cookie authenticates, and only those.
csrf = CSRFProtect()
# No limit by default; the views that need one say so (sign-in: per client address).
limiter = Limiter(get_remote_address)
# PDF output through warm LibreOffice workers.
office = Office()

# In init order: the database first, so the API's views can use it.
EXTENSIONS = (db, api, csrf, limiter, office)
