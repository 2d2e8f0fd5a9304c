"""Flask extensions, created unbound; ``create_app`` calls ``init_app`` on each."""

from __future__ import annotations

from flask_smorest import Api

from service.db import Database

api = Api()
db = Database()

# In init order: the database first, so the API's views can use it.
EXTENSIONS = (db, api)
