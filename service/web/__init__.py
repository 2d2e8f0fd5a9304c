"""Server-rendered pages for the people in the office: one blueprint per area, listed here."""

from __future__ import annotations

from service.web.admin import bp as admin_bp
from service.web.aor_upload import bp as aor_upload_bp
from service.web.approvals import bp as approvals_bp
from service.web.documents_page import bp as documents_page_bp
from service.web.form_pages import bp as form_pages_bp
from service.web.inbox import bp as inbox_bp
from service.web.pages import bp as pages_bp
from service.web.routing import bp as routing_bp

# Registered by create_app with the other plain blueprints (service.api.APP_BLUEPRINTS).
# A new area adds its blueprint here and its nav entry in service/web/nav.py.
WEB_BLUEPRINTS = (
    pages_bp,
    admin_bp,
    approvals_bp,
    form_pages_bp,
    documents_page_bp,
    inbox_bp,
    aor_upload_bp,
    routing_bp,
)

__all__ = ["WEB_BLUEPRINTS"]
