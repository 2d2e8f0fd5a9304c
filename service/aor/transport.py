"""An AorDocument to JSON and back, to carry it out of the isolated reader process."""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from decimal import Decimal
from functools import cache
from typing import Any

from parsers.aor_model import AorDocument
from service.text import readable, replace_surrogates


def to_json(value: Any) -> Any:
    """Plain JSON types; Decimals as strings so no hour is rounded on the way."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def document_from_json(data: dict[str, Any]) -> AorDocument:
    document: AorDocument = _build(AorDocument, data)
    return document


def _build(cls: Any, data: Any) -> Any:
    if data is None:
        return None
    origin = typing.get_origin(cls)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(cls) if a is not type(None)]
        return _build(inner[0], data)
    if origin is tuple:
        return tuple(_build(typing.get_args(cls)[0], item) for item in data)
    if origin is dict:
        return replace_surrogates(data)
    if isinstance(cls, type) and dataclasses.is_dataclass(cls):
        hints = _hints(cls)
        return cls(**{name: _build(hints[name], data[name]) for name in hints if name in data})
    if cls is Decimal:
        return Decimal(data)
    if cls is dt.date:
        return dt.date.fromisoformat(data)
    if isinstance(data, str):
        # A font's ToUnicode map can name half a surrogate pair, or a control character when
        # the map was lost in a re-save: neither is a letter, and nothing past this point could
        # store or print a surrogate. The reading's findings name each value so marked.
        return readable(data)
    return data


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)
