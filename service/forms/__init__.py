"""The registry of forms, in the order users see them."""

from __future__ import annotations

from service.errors import FormNotFound
from service.forms import est_notice
from service.forms.base import FormSpec

FORMS: tuple[FormSpec, ...] = (est_notice.SPEC,)


def all_forms() -> tuple[FormSpec, ...]:
    return FORMS


def get_form(form_id: str) -> FormSpec:
    """The form with public id ``form_id`` (case-insensitive)."""
    wanted = form_id.lower()
    for spec in FORMS:
        if spec.id == wanted:
            return spec
    raise FormNotFound(form_id, [f.id for f in FORMS])
