"""The words of the participant forms' templates in each written language.

Each language module holds ``STRINGS``: the English text a template generator writes, as
the key, and its translation, Jinja tags included. ``translating("es")`` makes the helpers
in ``tools.templates.common`` write the Spanish words; a text with no entry is written in
English and reported, and the test of every template string fails until it has one.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

# Text outside Jinja tags, or a quoted literal inside them, holds words to translate.
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
_LITERAL = re.compile(r"'[^']*[^\W\d_][^']*'")
_WORD = re.compile(r"[^\W\d_]{2,}")
MODULES = {"es": "es", "vi": "vi", "zh-Hant": "zh_hant"}


@dataclass
class Translator:
    language: str
    strings: dict[str, str]
    missing: list[str] = field(default_factory=list)

    def __call__(self, text: str) -> str:
        if text in self.strings:
            return self.strings[text]
        if needs_translation(text):
            self.missing.append(text)
            return text
        # Only values: a US date becomes a date in the language's own form.
        return text.replace("|us_date", "|local_date")


_current: ContextVar[Translator | None] = ContextVar("translator", default=None)


def needs_translation(text: str) -> bool:
    """True when ``text`` holds words (not only Jinja values, numbers and punctuation)."""
    outside = _TAG.sub("", text)
    literals = [m.group() for tag in _TAG.findall(text) for m in _LITERAL.finditer(tag)]
    return bool(_WORD.search(outside)) or any(
        _WORD.search(lit) and not _is_comparison(text, lit) for lit in literals
    )


def _is_comparison(text: str, literal: str) -> bool:
    # ``plan_type == 'initial'`` compares a code: nothing printed.
    return bool(re.search(r"(==|!=|\bin)\s*" + re.escape(literal), text))


def strings(language: str) -> dict[str, str]:
    module = importlib.import_module(f"tools.templates.i18n.{MODULES[language]}")
    return module.STRINGS


@contextmanager
def translating(language: str) -> Iterator[Translator]:
    """Within the block the template helpers write ``language``."""
    translator = Translator(language, strings(language))
    token = _current.set(translator)
    try:
        yield translator
    finally:
        _current.reset(token)


def t(text: str) -> str:
    """``text`` in the language being written, or as it is when writing English."""
    translator = _current.get()
    return translator(text) if translator else text


def language() -> str | None:
    """The language being written; None for the English original."""
    translator = _current.get()
    return translator.language if translator else None
