"""Which county serves a case, and so which county's forms may be offered for it."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from schemas.fields import normalise_code
from service.errors import Forbidden
from service.forms import get_form
from service.models.unit import Office, Unit
from service.models.user import CaseAssignment


class OtherCountysForm(Forbidden):
    """A county's form asked for a case another county serves."""

    def __init__(self, form_number: str, form_county: str, case_county: str) -> None:
        super().__init__(
            f"The {form_number} is a form of {form_county.title()} County, and this case is "
            f"served in {case_county.title()} County: use your county's own form."
        )


def county_of_case(session: Session, case_number: str | None) -> str | None:
    """The county of the office whose unit holds the case; None while that is not known (the
    case is not assigned, or its unit is in no office)."""
    if not case_number:
        return None
    return session.scalar(
        select(Office.county)
        .join(Unit, Unit.office_id == Office.id)
        .join(CaseAssignment, CaseAssignment.unit == Unit.code)
        .where(CaseAssignment.case_number == normalise_code(case_number))
    )


def offered(session: Session, form_id: str, case_number: str | None) -> bool:
    """Whether ``form_id`` may be offered for the case: a state form always; a county's form
    unless the case is known to be served by another county.

    Source: issue 13 ("a form of one county is never offered for another county's case").
    """
    form_county = get_form(form_id).county
    case_county = county_of_case(session, case_number)
    return form_county is None or case_county is None or form_county == case_county


def form_county_name(form_id: str) -> str:
    """ "Alameda" for an Alameda County form; "" for a state form."""
    return (get_form(form_id).county or "").title()


def require_offered(session: Session, form_id: str, case_number: str | None) -> None:
    """Refuse, saying why, a county's form for a case another county serves."""
    if not offered(session, form_id, case_number):
        spec = get_form(form_id)
        raise OtherCountysForm(
            spec.number, spec.county or "", county_of_case(session, case_number) or ""
        )
