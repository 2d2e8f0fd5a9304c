"""Server-rendered pages for the people in the office: one blueprint per area, listed here."""

from __future__ import annotations

from service.web.admin import bp as admin_bp
from service.web.admin_units import bp as admin_units_bp
from service.web.aor_upload import bp as aor_upload_bp
from service.web.approvals import bp as approvals_bp
from service.web.case_assign import bp as case_assign_bp
from service.web.case_page import bp as case_page_bp
from service.web.documents_page import bp as documents_page_bp
from service.web.drafts_page import bp as drafts_page_bp
from service.web.first_run import bp as first_run_bp
from service.web.form_pages import bp as form_pages_bp
from service.web.inbox import bp as inbox_bp
from service.web.pages import bp as pages_bp
from service.web.routing import bp as routing_bp
from service.web.slip_pages import bp as slip_pages_bp

# Registered by create_app with the other plain blueprints (service.api.APP_BLUEPRINTS).
# A new area adds its blueprint here and its nav entry in service/web/nav.py.
WEB_BLUEPRINTS = (
    pages_bp,
    admin_bp,
    admin_units_bp,
    first_run_bp,
    approvals_bp,
    form_pages_bp,
    drafts_page_bp,
    documents_page_bp,
    case_page_bp,
    case_assign_bp,
    inbox_bp,
    aor_upload_bp,
    routing_bp,
    slip_pages_bp,
)

__all__ = ["WEB_BLUEPRINTS"]
