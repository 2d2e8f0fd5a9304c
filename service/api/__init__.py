"""HTTP API: the blueprints in registration order, and the error handlers."""

from __future__ import annotations

from service.api.aors import blp as aors_blp
from service.api.audit import blp as audit_blp
from service.api.cases import blp as cases_blp
from service.api.docs import blp as docs_blp
from service.api.drafts import blp as drafts_blp
from service.api.errors import register_error_handlers
from service.api.forms import blp as forms_blp
from service.api.health import blp as health_blp
from service.api.history import blp as documents_blp
from service.api.jobs import blp as jobs_blp
from service.api.session import blp as session_blp
from service.api.slips import blp as slips_blp
from service.api.units import blp as units_blp
from service.api.users import blp as users_blp

# flask-smorest blueprints, mounted under /api/v1 and described in the OpenAPI document.
API_BLUEPRINTS = (
    forms_blp,
    drafts_blp,
    aors_blp,
    cases_blp,
    audit_blp,
    health_blp,
    documents_blp,
    session_blp,
    users_blp,
    units_blp,
    slips_blp,
    jobs_blp,
)
# Plain Flask blueprints.
APP_BLUEPRINTS = (docs_blp,)

__all__ = ["API_BLUEPRINTS", "APP_BLUEPRINTS", "register_error_handlers"]
