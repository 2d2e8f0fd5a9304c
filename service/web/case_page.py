"""The case page: both parents' latest WTW 2 plans, their weekly hours and the combined hours."""

from __future__ import annotations

from flask import render_template
from flask.typing import ResponseReturnValue

from service import case_plans
from service.api.auth import current_user, requires
from service.auth.permissions import Action
from service.extensions import db
from service.jsonable import jsonable
from service.web.base import page_blueprint

bp = page_blueprint("case_page", __name__)


@bp.get("/cases/<case_number>")
@requires(Action.READ_DOCUMENTS)
def case_plans_page(case_number: str) -> ResponseReturnValue:
    found = case_plans.case_plans(db.session, current_user(), case_number)
    # Hours as people write them (35, 7.5), as the API answers them.
    return render_template("case_plans.html", case=jsonable(found))
