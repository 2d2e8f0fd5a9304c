"""Flask extensions, created unbound; ``create_app`` calls ``init_app`` on each."""

from __future__ import annotations

from flask_smorest import Api

api = Api()

EXTENSIONS = (api,)
