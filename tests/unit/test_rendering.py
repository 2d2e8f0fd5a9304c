"""The compiled-template renderer, its filters, and the template lint."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

from docxtpl import DocxTemplate
from jinja2 import Environment

from schemas.est_notice import EstNoticeSchema
from service import documents
from service.rendering.filters import box, hours, money, us_date
from service.rendering.lint import missing_in_context, unprinted_fields, used_paths
from tests.conftest import TODAY, read_docx


def test_the_compiled_renderer_prints_the_same_text_as_docxtpl(example):
    result = documents.check("42-6", example("42-6"), today=TODAY)
    context = documents.build_context(result)
    fast = read_docx(documents.compiled_template(result.spec).render(context))
    template = DocxTemplate(str(documents.TEMPLATE_DIR / result.spec.template))
    template.render(context, documents.compiled_template(result.spec).env, autoescape=True)
    buffer = io.BytesIO()
    template.save(buffer)
    bare = read_docx(buffer.getvalue())
    assert fast.body == bare.body
    assert fast.cells == bare.cells
    assert fast.headers == bare.headers
    assert fast.footers == bare.footers


def test_a_line_break_typed_in_a_value_becomes_a_line_break(render, example):
    payload = example("42-6")
    payload["comments"] = "first line\nsecond line"
    text = render("42-6", payload)
    assert any("first line\nsecond line" in cell for cell in text.cells)


def test_rendering_twice_gives_independent_documents(render, example):
    one, two = example("42-6"), example("42-6")
    two["participant"]["name"] = "Someone Else"
    assert "Someone Else" not in render("42-6", one).everything
    assert "Someone Else" in render("42-6", two).everything


def test_the_filters_print_boxes_dates_hours_and_money():
    assert (box(True), box(False), box(None)) == ("☒", "☐", "☐")
    assert us_date(dt.date(2026, 3, 9)) == "03/09/2026"
    assert us_date(None) == ""
    assert [hours(v) for v in (20, Decimal("7.50"), 0.25, None)] == ["20", "7.5", "0.25", ""]
    assert money(Decimal("1234.5")) == "$1,234.50"


def test_the_lint_follows_loop_variables_to_their_list():
    env = Environment()
    source = "{% for a in plan.items %}{{ a.name }}{{ a.when|us_date }}{% endfor %}{{ loop }}"
    assert used_paths(env, source) == {"plan.items", "plan.items[].name", "plan.items[].when"}


def test_the_lint_reports_a_variable_the_context_lacks():
    context = {"plan": {"items": [{"name": "x"}]}}
    paths = {"plan.items[].name", "plan.items[].hours", "missing"}
    assert missing_in_context(paths, context) == ["missing", "plan.items[].hours"]


def test_the_lint_reports_a_schema_field_the_template_never_prints():
    paths = {"case_number", "participant.name", "participant.cin"}
    unprinted = unprinted_fields(EstNoticeSchema(), paths)
    assert "participant.phone" in unprinted
    assert "comments" in unprinted
    assert "participant.name" not in unprinted


def test_a_missing_value_prints_blank_not_none(render, example):
    payload = example("42-6")
    payload["participant"]["phone"] = None
    cells = render("42-6", payload).cells
    assert "PHONE\n" in cells
    assert not any("None" in cell for cell in cells)


def test_a_condition_in_a_check_box_prints_a_box_not_a_boolean(render, example):
    text = render("42-6", example("42-6")).everything
    assert "☒ Noncompliance initiated" in text
    assert "☐ Cause determination" in text
