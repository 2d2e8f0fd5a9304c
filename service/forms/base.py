"""What every form module provides, and what evaluating a payload returns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from marshmallow import Schema

from service.counties import County

# What a rule raises reaching for a field the schema refused (absent, or None in its place).
MISSING_INPUT = (KeyError, TypeError, AttributeError, IndexError)


@dataclass
class Evaluation:
    """The outcome of a form's rules: values it computed, refusals and softer warnings."""

    computed: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, list[str]] = field(default_factory=dict)
    warnings: list[dict[str, str]] = field(default_factory=list)
    # The schema refused some fields: the rules run on the fields it accepted, so one Check
    # says everything; a rule that reaches for a refused field is left out.
    partial: bool = False

    @contextmanager
    def step(self) -> Iterator[None]:
        """One rule, left out of a partial evaluation when it needs a field the schema refused.

        With the whole input accepted nothing is caught: a failing rule there is a bug.
        """
        try:
            yield
        except MISSING_INPUT:
            if not self.partial:
                raise

    def error(self, path: str, message: str) -> None:
        """Refuse the input: ``path`` is the dotted field path, e.g. ``activities.0.hours``."""
        self.errors.setdefault(path, []).append(message)

    def warn(self, path: str, message: str) -> None:
        self.warnings.append({"field": path, "message": message})

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class RuleInput:
    """Everything a form's rules may look at besides the payload."""

    county: County
    today: dt.date
    partial: bool = False  # the payload holds only the fields the schema accepted


Evaluator = Callable[[dict[str, Any], RuleInput], Evaluation]
ContextBuilder = Callable[[dict[str, Any], Evaluation, RuleInput], dict[str, Any]]


def default_context(data: dict[str, Any], evaluation: Evaluation, env: RuleInput) -> dict[str, Any]:
    """The payload as validated, with the computed values under ``computed``."""
    return {**data, "computed": evaluation.computed}


@dataclass(frozen=True)
class FormSpec:
    """One form: its public id, paper identity, schema, template and rules."""

    id: str
    title: str
    number: str
    revision: str
    agency: str
    county: str | None  # None: a state form, filled for the county named in the payload
    schema: type[Schema]
    template: str
    evaluate: Evaluator
    build_context: ContextBuilder = default_context
    description: str = ""

    def meta(self) -> dict[str, str]:
        """The form's identity as printed in headers and footers."""
        return {
            "id": self.id,
            "title": self.title,
            "number": self.number,
            "revision": self.revision,
            "agency": self.agency,
        }
