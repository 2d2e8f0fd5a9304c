"""The wtwforms Flask application factory."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import TYPE_CHECKING, Any

from service.config import Config
from service.private import private_dir, private_file

if TYPE_CHECKING:  # the package is imported by readers and the CLI, which need no Flask
    from flask import Flask


def create_app(config: dict[str, Any] | type | None = None) -> Flask:
    """Build the app: the Config class, then WTWFORMS_* environment variables, then ``config``."""
    # Imported here, not at the top: ``import service.errors`` (as parsers/ does) must not
    # pull in the whole web application.
    from flask import Flask

    from service.api import API_BLUEPRINTS, APP_BLUEPRINTS, register_error_handlers
    from service.api.audit import init_audit
    from service.api.auth import init_auth
    from service.api.forms import document_form_schemas
    from service.api.request import init_requests
    from service.api.security import init_security
    from service.extensions import EXTENSIONS, api
    from service.storage import backend_of as storage_backend
    from service.web import WEB_BLUEPRINTS

    app = Flask(__name__)
    app.config.from_object(Config)
    app.config.from_prefixed_env("WTWFORMS")
    if isinstance(config, dict):
        app.config.from_mapping(config)
    elif config is not None:
        app.config.from_object(config)
    # Participant data lives here: only the service's account may enter (db, AORs, keys).
    data_dir = private_dir(Path(app.config["DATA_DIR"]))
    if not app.config.get("DATABASE_URL"):
        app.config["DATABASE_URL"] = os.environ.get(
            "DATABASE_URL", f"sqlite:///{data_dir / 'wtwforms.db'}"
        )
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _secret_key(data_dir / "secret_key")
    # An unknown STORAGE_BACKEND stops start-up, not the first upload.
    storage_backend(app.config)
    for extension in EXTENSIONS:
        extension.init_app(app)
    init_auth(app)
    init_requests(app)
    # After init_auth (its commits stay immediate); after init_security, so the audit step,
    # which may replace a success whose commit failed, runs before the security headers.
    init_security(app)
    init_audit(app)
    register_error_handlers(app)
    for blueprint in API_BLUEPRINTS:
        api.register_blueprint(blueprint, url_prefix=f"/api/v1{blueprint.url_prefix or ''}")
    for blueprint in (*APP_BLUEPRINTS, *WEB_BLUEPRINTS):
        app.register_blueprint(blueprint)
    document_form_schemas(api.spec)
    _trust_proxies(app, int(app.config["TRUSTED_PROXIES"]))
    from service.web.first_run import announce

    announce(app)
    return app


def _trust_proxies(app: Flask, count: int) -> None:
    """Behind ``count`` proxies, take the client's address, scheme and host from their
    X-Forwarded-* headers, so rate limits and the audit trail see the real client."""
    from werkzeug.middleware.proxy_fix import ProxyFix

    if count > 0:
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=count, x_proto=count, x_host=count
        )


def _secret_key(path: Path) -> str:
    """The key that signs session cookies: made once, kept readable by this user only."""
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_hex(32))
    private_file(path)  # one made before this rule may be readable by others
    return path.read_text().strip()
