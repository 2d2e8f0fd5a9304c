"""The program's rules, each with its source in law or policy: `wtwforms rules` lists them."""

from __future__ import annotations

import importlib
import inspect
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

# The modules that hold rules; a rule is a function marked with ``@rule``.
RULE_MODULES = (
    "service.rules.calendar",
    "service.rules.deadlines",
    "service.rules.hours",
    "service.rules.work_experience",
    "service.aor.due",
    "service.aor.excused",
    "service.aor.weeks",
    "service.forms.calfresh_notice",
    "service.forms.est_notice",
    "service.forms.pst_summary",
    "service.forms.referral",
    "service.forms.referral_exprt",
    "service.forms.routing_slip",
    "service.forms.wtw2",
    "service.forms.wtw2_hours",
    "service.forms.wtw2_household",
    "service.forms.wtw2_plan_due",
    "service.forms.wtw2_rules",
    "service.slips.rights",
)

# What a source looks like where a docstring names it: a code section, a federal
# regulation, a county policy or handbook section, or a statute by its bill.
SOURCE = re.compile(
    r"(?:WIC|Welfare and Institutions Code|Gov\. Code|Government Code) \d+(?:\.\d+)?"
    r"(?:\([a-z0-9]+\))*(?:-\d+(?:\.\d+)?)?"
    r"|\d+ CFR \d+\.\d+(?:\([a-z0-9]+\))*"
    r"|\d+ U\.S\.C\. \d+"
    r"|(?:[Pp]olicy|[Hh]andbook(?: section)?) [\d.-]+[\dA-Z](?: [IVX]+\.[A-Z])?"
    r"|AB \d+"
)


@dataclass(frozen=True)
class Rule:
    """One rule as listed: its name, what it decides, its sources and the forms it applies to."""

    name: str
    summary: str
    sources: tuple[str, ...]
    applies_to: tuple[str, ...]


def rule(*applies_to: str) -> Callable[[F], F]:
    """Mark a function as one of the program's rules, applying to the forms named (form ids,
    or ``aor``, or ``all``). Its docstring must name its source (a test holds it to that)."""

    def mark(function: F) -> F:
        function.__rule_applies_to__ = applies_to  # type: ignore[attr-defined]
        return function

    return mark


def sources_in(text: str) -> tuple[str, ...]:
    """The sources a docstring names, in order, each once."""
    return tuple(dict.fromkeys(match.group(0).rstrip(".") for match in SOURCE.finditer(text)))


def catalog() -> list[Rule]:
    """Every marked rule in the rule modules, in module order."""
    rules = []
    for module_name in RULE_MODULES:
        module = importlib.import_module(module_name)
        for name, function in inspect.getmembers(module, inspect.isfunction):
            applies = getattr(function, "__rule_applies_to__", None)
            if applies is None or function.__module__ != module_name:
                continue
            doc = inspect.getdoc(function) or ""
            summary = " ".join(doc.split("\n\n")[0].split())
            rules.append(Rule(f"{module_name}.{name}", summary, sources_in(doc), applies))
    return rules
