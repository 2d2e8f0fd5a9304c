"""``wtwforms check-templates``: each form's template against its context and schema."""

from __future__ import annotations

from dataclasses import dataclass

from service import documents, i18n
from service.forms import all_forms
from service.forms.base import FormSpec
from service.rendering.lint import missing_in_context, unprinted_fields, used_paths


@dataclass(frozen=True)
class TemplateReport:
    form: str
    template: str
    undeclared: list[str]
    unprinted: list[str]
    example_errors: dict[str, list[str]]

    @property
    def ok(self) -> bool:
        return not (self.undeclared or self.unprinted or self.example_errors)


def check_template(spec: FormSpec, language: str = i18n.ENGLISH) -> TemplateReport:
    """Lint one form's template in ``language``, its example payload as the sample context."""
    compiled = documents.compiled_template(spec, language)
    paths: set[str] = set()
    for source in compiled.sources.values():
        paths |= used_paths(compiled.env, source)
    payload = documents.example(spec.id)
    if language != i18n.ENGLISH:
        payload["language"] = language
    result = documents.check(spec.id, payload)
    context = documents.build_context(result)
    return TemplateReport(
        form=spec.id,
        template=i18n.template_name(spec.template, language),
        undeclared=missing_in_context(paths, context),
        unprinted=unprinted_fields(spec.schema(), paths),
        example_errors=result.evaluation.errors,
    )


def check_all() -> list[TemplateReport]:
    return [
        check_template(spec, language)
        for spec in all_forms()
        for language in i18n.languages_of(spec.id)
    ]
