"""``wtwforms check-templates``: each form's template against its context and schema."""

from __future__ import annotations

from dataclasses import dataclass

from service import documents
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


def check_template(spec: FormSpec) -> TemplateReport:
    """Lint one form's template, using its example payload as the sample context."""
    compiled = documents.compiled_template(spec)
    paths: set[str] = set()
    for source in compiled.sources.values():
        paths |= used_paths(compiled.env, source)
    result = documents.check(spec.id, documents.example(spec.id))
    context = documents.build_context(result)
    return TemplateReport(
        form=spec.id,
        template=spec.template,
        undeclared=missing_in_context(paths, context),
        unprinted=unprinted_fields(spec.schema(), paths),
        example_errors=result.evaluation.errors,
    )


def check_all() -> list[TemplateReport]:
    return [check_template(spec) for spec in all_forms()]
