"""The EC's forms: the list of forms, and a page to fill one, check it and download it."""

from __future__ import annotations

from typing import Any

from flask import render_template, request
from flask.typing import ResponseReturnValue

from service import case_plans, documents
from service.api.auth import current_user, requires
from service.api.forms import issue_document
from service.auth.permissions import Action
from service.documents import CheckResult
from service.errors import DomainError, InvalidInput
from service.extensions import db
from service.forms import all_forms, get_form
from service.forms.base import FormSpec
from service.web import drafts_page, form_choices, form_values, form_view, slip_form
from service.web.base import page_blueprint
from service.web.form_schema import form_tree

bp = page_blueprint("form_pages", __name__)
DOWNLOADS = ("docx", "pdf")
# The buttons' names start with "_", which no schema field does: 42-6 and 50-20e have an "action".
ACTION, ADD, REMOVE = "_action", "_add", "_remove"


def form_page(
    form_id: str, payload: dict[str, Any] | None, check: bool = False, problem: str = ""
) -> str:
    """The fill page of a form, its fields showing ``payload`` (None: empty); ``check``: with
    the check's messages beside the fields and the computed values; ``problem`` above them."""
    result = documents.check(form_id, payload) if check else None
    return _render(get_form(form_id), payload, result, problem=problem)


def _render(
    spec: FormSpec,
    payload: dict[str, Any] | None,
    result: CheckResult | None = None,
    focus: str | None = None,
    problem: str = "",
    start: drafts_page.Start | None = None,
) -> str:
    evaluation = result.evaluation if result else None
    view = form_view.build(
        form_choices.with_choices(slip_form.page_fields(spec), spec, payload),
        payload,
        evaluation.errors if evaluation else None,
        evaluation.warnings if evaluation else (),
        focus,
    )
    computed = form_view.computed_lines(evaluation.computed, spec.id) if evaluation else []
    return render_template(
        "form_fill.html",
        spec=spec,
        view=view,
        checked=result is not None,
        computed=computed,
        problem=problem,
        start=start or drafts_page.posted(),
        slip=slip_form.slip_step(spec, payload, result),
    )


@bp.get("/forms")
@requires(Action.FILL_FORMS)
def forms() -> ResponseReturnValue:
    return render_template("forms_list.html", forms=all_forms(), drafts=drafts_page.listing())


@bp.get("/forms/<form_id>")
@requires(Action.FILL_FORMS)
def fill(form_id: str) -> ResponseReturnValue:
    """The form empty, or from a draft, a past document or the fictional example."""
    spec = get_form(form_id)
    start = drafts_page.starting_point(spec)
    return _render(spec, start.payload, start=start)


@bp.post("/forms/<form_id>")
@requires(Action.FILL_FORMS)
def submit(form_id: str) -> ResponseReturnValue:
    """The filled form, posted by one of its buttons: add or remove an item, check, download."""
    spec = get_form(form_id)
    nodes = form_tree(spec.schema)
    payload = form_values.parse(nodes, request.form)
    if ADD in request.form:
        focus = form_values.add_item(nodes, payload, request.form[ADD])
        return _render(spec, payload, focus=focus)
    if REMOVE in request.form:
        focus = form_values.remove_item(nodes, payload, request.form[REMOVE])
        return _render(spec, payload, focus=focus)
    fmt = request.form.get(ACTION, "check")
    if fmt == "draft":
        saved = drafts_page.save_from_page(spec, payload, request.form.get("_draft", ""))
        return _render(spec, payload, start=saved)
    if fmt in DOWNLOADS:
        return _download(spec, payload, fmt)
    filled = case_plans.with_other_parent_hours(db.session, current_user(), spec.id, payload)
    result = documents.check(spec.id, filled)
    return _render(spec, payload, result), 200 if result.evaluation.ok else 422


def _download(spec: FormSpec, payload: dict[str, Any], fmt: str) -> ResponseReturnValue:
    try:
        return issue_document(spec.id, payload, fmt)
    except InvalidInput:
        return _render(spec, payload, documents.check(spec.id, payload)), 422
    except DomainError as exc:
        # PDF output busy or missing: the form stays as typed, the reason above it.
        return _render(spec, payload, problem=exc.message), exc.status
