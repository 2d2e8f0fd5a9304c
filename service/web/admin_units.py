"""The administrator's units page: the list of units (code, name, office); add, rename, retire."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from service import units
from service.api.audit import note_record
from service.api.auth import requires
from service.auth.accounts import AccountError
from service.auth.permissions import Action
from service.extensions import db
from service.web.base import field_errors, form_values, page_blueprint

bp = page_blueprint("admin_units", __name__, url_prefix="/admin")
UNIT_FIELDS = ("code", "name", "office")


def _page(status: int = 200, **shown: Any) -> ResponseReturnValue:
    shown.setdefault("errors", {})
    shown.setdefault("values", {})
    offices = [
        (str(o.id), f"{o.name} ({o.county.title()})") for o in units.list_offices(db.session)
    ]
    page = render_template(
        "admin_units.html",
        units=units.list_units(db.session, with_retired=True),
        cases=units.case_counts(db.session),
        office_choices=[("", "No office"), *offices],
        **shown,
    )
    return page, status


def _office() -> int | None:
    chosen = request.form.get("office", "").strip()
    return int(chosen) if chosen.isdigit() else None


@bp.get("/units")
@requires(Action.MANAGE_USERS)
def units_page() -> ResponseReturnValue:
    return _page()


@bp.post("/units")
@requires(Action.MANAGE_USERS)
def add_unit() -> ResponseReturnValue:
    values = form_values(UNIT_FIELDS)
    facts = units.UnitFacts(code=values["code"], name=values["name"], office_id=_office())
    try:
        unit = units.add_unit(db.session, facts)
        db.session.commit()
    except AccountError as exc:
        db.session.rollback()
        return _page(422, errors={"new": field_errors(exc, UNIT_FIELDS)}, values={"new": values})
    note_record("unit", unit.code)
    flash(f"{unit.name} ({unit.code}) added.", "status")
    return redirect(url_for("admin_units.units_page"), 303)


@bp.post("/units/<code>")
@requires(Action.MANAGE_USERS)
def rename_unit(code: str) -> ResponseReturnValue:
    name = request.form.get("name", "")
    try:
        unit = units.rename_unit(db.session, code, name, _office())
        db.session.commit()
    except AccountError as exc:
        db.session.rollback()
        return _page(exc.status, errors={f"rename:{code}": field_errors(exc, ["name", "office"])})
    note_record("unit", unit.code)
    flash(f"{unit.code} is now {unit.name}.", "status")
    return redirect(url_for("admin_units.units_page"), 303)


@bp.post("/units/<code>/retire")
@requires(Action.MANAGE_USERS)
def retire_unit(code: str) -> ResponseReturnValue:
    try:
        unit = units.retire_unit(db.session, code)
        db.session.commit()
    except AccountError as exc:
        db.session.rollback()
        return _page(exc.status, errors={f"rename:{code}": {"": [exc.message]}})
    note_record("unit", unit.code)
    flash(f"{unit.name} retired: no new account or case joins it.", "status")
    return redirect(url_for("admin_units.units_page"), 303)
