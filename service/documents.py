"""Checking and rendering forms: the one entry point the API and the command line call."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from marshmallow import ValidationError

from service import clock, i18n
from service.counties import County, get_county
from service.errors import InvalidInput, PdfUnavailable, UnknownCounty, UnsupportedFormat
from service.forms import get_form
from service.forms.base import MISSING_INPUT, Evaluation, FormSpec, RuleInput
from service.i18n.localize import localize
from service.jsonable import jsonable
from service.rendering.docx import DOCX_MIME, CompiledTemplate, make_environment

PROJECT_ROOT = Path(__file__).resolve().parent.parent
TEMPLATE_DIR = PROJECT_ROOT / "form_templates"
EXAMPLE_DIR = Path(__file__).resolve().parent / "forms" / "examples"
FORMATS = ("docx", "pdf")
PDF_MIME = "application/pdf"
# DOCX bytes and PDF metadata in, PDF bytes out: the pool of warm LibreOffice workers.
PdfConverter = Callable[[bytes, dict[str, Any]], bytes]


@dataclass(frozen=True)
class CheckResult:
    """Validated data plus what the rules made of it."""

    spec: FormSpec
    data: dict[str, Any]
    evaluation: Evaluation
    rules: RuleInput

    def as_json(self) -> dict[str, Any]:
        body = {
            "form": self.spec.id,
            "valid": self.evaluation.ok,
            "errors": self.evaluation.errors,
            "warnings": self.evaluation.warnings,
            "computed": jsonable(self.evaluation.computed),
        }
        if not self.evaluation.ok:
            body["message"] = InvalidInput(self.evaluation.errors).message
        return body


@dataclass(frozen=True)
class RenderedDocument:
    content: bytes
    mimetype: str
    filename: str
    check: CheckResult


def example(form_id: str) -> dict[str, Any]:
    """A complete, valid, fictional payload for the form."""
    spec = get_form(form_id)
    return json.loads((EXAMPLE_DIR / f"{spec.id}.json").read_text(encoding="utf-8"))


def check(form_id: str, payload: Any, today: dt.date | None = None) -> CheckResult:
    """Validate ``payload`` and apply the form's rules; never raises for bad input."""
    spec = get_form(form_id)
    rules_today = today or clock.today()
    try:
        data = spec.schema().load(payload if payload is not None else {})
    except ValidationError as exc:
        evaluation = _partial_check(spec, exc, rules_today)
        return CheckResult(spec, {}, evaluation, RuleInput(_fallback_county(spec), rules_today))
    try:
        county = get_county(spec.county or data["county"])
    except UnknownCounty as exc:
        evaluation = Evaluation(errors={"county": [exc.message]})
        return CheckResult(spec, data, evaluation, RuleInput(_fallback_county(spec), rules_today))
    rules = RuleInput(county=county, today=rules_today)
    evaluation = spec.evaluate(data, rules)
    draft = i18n.draft_warning(spec.id, data, county)
    if draft:
        evaluation.warn("language", draft)
    return CheckResult(spec, data, evaluation, rules)


def _partial_check(spec: FormSpec, exc: ValidationError, today: dt.date) -> Evaluation:
    """The schema's errors with what the rules say of the fields it accepted, so one Check
    names every problem; the rules' word on a refused field, and computed values built on
    part of the input, are left out."""
    refused = flatten_errors(exc.messages)
    data = exc.valid_data if isinstance(exc.valid_data, dict) else {}
    try:
        county = get_county(spec.county or data["county"])
    except (KeyError, UnknownCounty):
        return Evaluation(errors=refused)
    try:
        found = spec.evaluate(data, RuleInput(county, today, partial=True))
    except MISSING_INPUT:
        found = Evaluation()
    evaluation = Evaluation(errors=refused, partial=True)
    for path, messages in found.errors.items():
        if not _under(path, refused):
            for message in messages:
                evaluation.error(path, message)
    evaluation.warnings = [w for w in found.warnings if not _under(w["field"], refused)]
    return evaluation


def _under(path: str, refused: dict[str, list[str]]) -> bool:
    """Whether ``path`` is a refused field or lies inside one."""
    return any(path == p or path.startswith(p + ".") for p in refused)


def render(
    form_id: str,
    payload: Any,
    fmt: str = "docx",
    today: dt.date | None = None,
    to_pdf: PdfConverter | None = None,
) -> RenderedDocument:
    """Check and fill the form; raises InvalidInput when a field breaks the schema or a rule.

    A PDF is the DOCX converted by ``to_pdf``, so the two always match.
    """
    if fmt not in FORMATS:
        raise UnsupportedFormat(fmt, list(FORMATS))
    result = check(form_id, payload, today)
    ev = result.evaluation
    if not ev.ok:
        raise InvalidInput(ev.errors, ev.warnings, jsonable(ev.computed))
    context = build_context(result)
    language = i18n.form_language(result.spec.id, result.data)
    content = compiled_template(result.spec, language).render(context)
    if fmt == "pdf":
        if to_pdf is None:
            raise PdfUnavailable("PDF output is not set up in this program.")
        pdf = to_pdf(content, pdf_metadata(result.spec))
        return RenderedDocument(pdf, PDF_MIME, _filename(result, fmt), result)
    return RenderedDocument(content, DOCX_MIME, _filename(result, fmt), result)


def pdf_metadata(spec: FormSpec) -> dict[str, Any]:
    """What a PDF of the form says about itself: its title and form number."""
    return {
        "title": f"{spec.title} ({spec.number})",
        "subject": f"{spec.agency} form {spec.number} ({spec.revision})",
        "keywords": [spec.number, spec.id, "CalWORKs", "Welfare-to-Work"],
    }


def build_context(result: CheckResult) -> dict[str, Any]:
    """Everything a template may print: the payload, computed values, form and county."""
    spec, rules = result.spec, result.rules
    context = spec.build_context(result.data, result.evaluation, rules)
    context.setdefault("computed", result.evaluation.computed)
    context["form"] = spec.meta()
    context["county"] = rules.county.summary()
    context["generated_on"] = rules.today
    context["translation"] = i18n.translation_facts(spec.id, result.data, rules.county)
    language = context["translation"]["language"]
    return localize(spec.id, language, i18n.LOCALES[language], context, result.data, rules.county)


def compiled_template(spec: FormSpec, language: str = i18n.ENGLISH) -> CompiledTemplate:
    """The form's template in ``language`` (``wtw2.es.docx``), compiled for that language."""
    path = TEMPLATE_DIR / i18n.template_name(spec.template, language)
    return _compiled(path, path.stat().st_mtime_ns, language)


@lru_cache(maxsize=32)
def _compiled(path: Path, mtime_ns: int, language: str) -> CompiledTemplate:
    # mtime in the key: a template edited by a forms analyst is picked up without a restart.
    return CompiledTemplate(path, make_environment(language))


def _filename(result: CheckResult, fmt: str) -> str:
    case = re.sub(r"[^A-Za-z0-9]", "", str(result.data.get("case_number", ""))) or "case"
    return f"{result.spec.id}_{case}_{result.rules.today.isoformat()}.{fmt}"


def _fallback_county(spec: FormSpec) -> County:
    return get_county(spec.county or "alameda")


def flatten_errors(messages: Any, prefix: str = "") -> dict[str, list[str]]:
    """marshmallow's nested messages as ``{"activities.0.hours": [...]}``."""
    if isinstance(messages, list):
        return {prefix or "_schema": [str(m) for m in messages]}
    flat: dict[str, list[str]] = {}
    for key, value in messages.items():
        path = (
            prefix if key == "_schema" and prefix else (f"{prefix}.{key}" if prefix else str(key))
        )
        for sub_path, msgs in flatten_errors(value, path).items():
            flat.setdefault(sub_path, []).extend(msgs)
    return flat
