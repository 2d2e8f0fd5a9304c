"""Units API for administrators: the list accounts and case assignments pick a unit from."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from flask_smorest import Blueprint

from schemas.units import NewUnitSchema, UnitQuerySchema, UnitSchema
from service import units
from service.api.audit import note_record
from service.api.auth import requires
from service.auth.permissions import Action
from service.extensions import db
from service.models.unit import Unit

blp = Blueprint("units", __name__, url_prefix="/units", description="Units (administrators)")


@blp.route("")
@requires(Action.MANAGE_USERS)
@blp.arguments(UnitQuerySchema, location="query")
@blp.response(200, UnitSchema(many=True))
def list_units(query: dict[str, Any]) -> Sequence[Unit]:
    """List the units, by code; retired ones too with ``retired=true``."""
    return units.list_units(db.session, with_retired=query["retired"])


@blp.route("", methods=["POST"])
@requires(Action.MANAGE_USERS)
@blp.arguments(NewUnitSchema)
@blp.response(201, UnitSchema)
def create_unit(new: dict[str, Any]) -> Unit:
    """Add a unit; a code that matches a kept one in any spelling is refused (422)."""
    unit = units.add_unit(db.session, units.UnitFacts(**new))
    db.session.commit()
    note_record("unit", unit.code)
    return unit
