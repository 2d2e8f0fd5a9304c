"""Text that can be encoded and printed: lone surrogates found, or replaced by U+FFFD."""

from __future__ import annotations

import re
from itertools import accumulate
from typing import Any

REPLACEMENT = "\ufffd"
# Half of a UTF-16 pair, alone: Python holds it in a str, but UTF-8 cannot encode it.
_SURROGATE = re.compile("[\ud800-\udfff]")
# XML 1.0 cannot carry these either: a document holding one would not open.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# What a font whose Unicode map was lost gives for a letter: control characters (C0 but tab
# and line ends, DEL, C1) and lone surrogates. Read from a PDF, they stand for unknown letters.
_UNREADABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_JSON_STRING = re.compile(r'"[^"\\]*+(?:\\.[^"\\]*+)*+"', re.S)
_BRACKETS = re.compile(r"[\[\]{}]")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def has_surrogate(text: str) -> bool:
    return not text.isascii() and _SURROGATE.search(text) is not None


def without_surrogates(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD, so it encodes as UTF-8."""
    return text if text.isascii() else _SURROGATE.sub(REPLACEMENT, text)


def readable(text: str) -> str:
    """Text read from a PDF with each character that stands for no letter as U+FFFD."""
    return _UNREADABLE.sub(REPLACEMENT, text)


def xml_text(text: str) -> str:
    """``text`` with what XML 1.0 cannot carry (surrogates, most controls) replaced by U+FFFD."""
    return _NOT_XML.sub(REPLACEMENT, text)


def printable(value: Any) -> Any:
    """A value as a page may print it: strings (Markup too) without lone surrogates."""
    if isinstance(value, str) and has_surrogate(value):
        return type(value)(without_surrogates(value))
    return value


def surrogate_path(value: Any, path: str = "") -> str | None:
    """The dotted path (``participants.0.name``) of the first key or string in parsed JSON
    holding a lone surrogate; None when there is none. Depth is bounded before parsing."""
    if isinstance(value, str):
        return (path or "_schema") if has_surrogate(value) else None
    if isinstance(value, dict):
        items: Any = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        return None
    for key, item in items:
        where = f"{path}.{key}" if path else str(key)
        if isinstance(key, str) and has_surrogate(key):
            return without_surrogates(where)
        found = surrogate_path(item, where)
        if found is not None:
            return found
    return None


def replace_surrogates(value: Any) -> Any:
    """Parsed JSON with every lone surrogate in its keys and strings replaced by U+FFFD."""
    if isinstance(value, str):
        return without_surrogates(value)
    if isinstance(value, dict):
        return {replace_surrogates(k): replace_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [replace_surrogates(item) for item in value]
    return value


def json_deeper_than(text: str, limit: int) -> bool:
    """Whether the JSON ``text`` nests arrays and objects more than ``limit`` deep.

    Counted without parsing (a parser recurses, and 200,000 brackets exhaust its stack):
    strings are taken out, then the brackets left are summed in order.
    """
    if text.count("[") + text.count("{") <= limit:
        return False
    brackets = _BRACKETS.findall(_JSON_STRING.sub("", text))
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0) > limit
