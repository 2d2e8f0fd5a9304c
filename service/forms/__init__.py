"""The registry of forms, in the order users see them."""

from __future__ import annotations

from service.errors import FormNotFound
from service.forms import calfresh_notice, est_notice, pst_summary, referral, routing_slip, wtw2
from service.forms.base import FormSpec

FORMS: tuple[FormSpec, ...] = (
    wtw2.SPEC,
    routing_slip.SPEC,
    est_notice.SPEC,
    pst_summary.SPEC,
    calfresh_notice.SPEC,
    referral.SPEC,
)


def all_forms() -> tuple[FormSpec, ...]:
    return FORMS


def get_form(form_id: str) -> FormSpec:
    """The form with public id ``form_id`` (case-insensitive)."""
    wanted = form_id.lower()
    for spec in FORMS:
        if spec.id == wanted:
            return spec
    raise FormNotFound(form_id, [f.id for f in FORMS])
