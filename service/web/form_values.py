"""A form's payload as page fields named by dotted path, and the posted fields back as a payload.

Names follow the paths the API gives errors under (``activities.0.hours_per_week``), so a
message lands beside its field. Parsing reads only the fields the schema has: nothing posted
under another name reaches the payload, and an empty input is left out for the schema to
judge (required: "Missing data"; optional: its default).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from service.web.form_schema import Node

TRUE, FALSE = "true", "false"
NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)$")
# Longer is left as typed, for the schema to refuse: int() of thousands of digits raises.
INTEGER = re.compile(r"^[+-]?\d{1,18}$")
ABSENT: Any = object()  # no value: the key stays out of the payload


def join(prefix: str, name: str | int) -> str:
    return f"{prefix}.{name}" if prefix else str(name)


def parse(nodes: Sequence[Node], form: Mapping[str, str]) -> dict[str, Any]:
    """The payload the posted ``form`` (path → text as typed) describes."""
    return _object(nodes, "", form)


def _object(nodes: Sequence[Node], prefix: str, form: Mapping[str, str]) -> dict[str, Any]:
    found = {}
    for node in nodes:
        value = _value(node, join(prefix, node.name), form)
        if value is not ABSENT:
            found[node.name] = value
    return found


def _value(node: Node, path: str, form: Mapping[str, str]) -> Any:
    if node.kind == "object":
        if node.optional_object and not _anything_under(path, form):
            return ABSENT
        return _object(node.children, path, form)
    if node.kind == "list":
        assert node.item is not None
        items = [_value(node.item, join(path, n), form) for n in indices(path, form)]
        kept = [item for item in items if item is not ABSENT]
        return kept if kept else ABSENT
    if node.kind == "checkbox":
        return form.get(path, "") == TRUE
    return scalar(node.kind, form.get(path, ""))


def scalar(kind: str, text: str) -> Any:
    """One typed value: numbers and answers converted, what cannot be left as typed."""
    if kind == "text" or kind == "textarea":
        return text if text else ABSENT  # typed spaces stay: the schema says "Must not be blank"
    trimmed = text.strip()
    if not trimmed:
        return ABSENT
    if kind == "yesno" and trimmed in (TRUE, FALSE):
        return trimmed == TRUE
    if kind == "integer" and INTEGER.match(trimmed):
        return int(trimmed)
    if kind == "number" and NUMBER.match(trimmed):
        return int(trimmed) if INTEGER.match(trimmed) else float(trimmed)
    # A date as the browser sends it (ISO), or anything else as typed for the schema to refuse.
    return trimmed


def indices(path: str, form: Mapping[str, str]) -> list[int]:
    """The item numbers posted under a list field, in order (gaps from removed items close)."""
    pattern = re.compile(re.escape(path) + r"\.(\d{1,9})(?:\.|$)")
    found = {int(m.group(1)) for key in form if (m := pattern.match(key))}
    return sorted(found)


def _anything_under(path: str, form: Mapping[str, str]) -> bool:
    """Whether any field inside an optional object was filled in (a ticked box counts)."""
    start = path + "."
    return any(key.startswith(start) and str(value).strip() for key, value in form.items())


def flatten(nodes: Sequence[Node], payload: Mapping[str, Any] | None) -> dict[str, str]:
    """The page fields (path → text) that show ``payload``; ``parse`` reads them back."""
    found: dict[str, str] = {}
    _flatten_object(nodes, "", payload or {}, found)
    return found


def _flatten_object(
    nodes: Sequence[Node], prefix: str, data: Mapping[str, Any], found: dict[str, str]
) -> None:
    for node in nodes:
        if node.name in data:
            _flatten(node, join(prefix, node.name), data[node.name], found)


def _flatten(node: Node, path: str, value: Any, found: dict[str, str]) -> None:
    if node.kind == "object":
        if isinstance(value, Mapping):
            _flatten_object(node.children, path, value, found)
    elif node.kind == "list":
        assert node.item is not None
        for n, item in enumerate(value if isinstance(value, list) else []):
            _flatten(node.item, join(path, n), item, found)
    elif value is not None and not (node.kind == "checkbox" and value is not True):
        found[path] = text_of(value)


def text_of(value: Any) -> str:
    """A payload value as a page field shows it."""
    if isinstance(value, bool):
        return TRUE if value else FALSE
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Mapping | list):
        return ""  # a value of the wrong shape has no text; the schema names what is wrong
    return str(value)


def list_at(nodes: Sequence[Node], path: str) -> Node | None:
    """The list field ``path`` names (``supportive_services.child_care.children``), or None."""
    node: Node | None = None
    level: Sequence[Node] = nodes
    for part in path.split("."):
        if part.isdigit() and node is not None and node.item is not None:
            node = node.item
        else:
            node = next((n for n in level if n.name == part), None)
        if node is None:
            return None
        level = node.children
    return node if node is not None and node.kind == "list" else None


def add_item(nodes: Sequence[Node], payload: dict[str, Any], path: str) -> str | None:
    """Append a blank item to the list at ``path``: its path, or None (no such list, or full)."""
    node = list_at(nodes, path)
    if node is None or node.item is None:
        return None
    items = _list_in(payload, path)
    if items is None or (node.max_items is not None and len(items) >= node.max_items):
        return None
    items.append({} if node.item.kind == "object" else None)
    return join(path, len(items) - 1)


def remove_item(nodes: Sequence[Node], payload: dict[str, Any], path: str) -> str | None:
    """Take out the item at ``path`` (``activities.1``): the path of the item now in its place,
    or of the list when it was the last; None when there was no such item."""
    where, _, text = path.rpartition(".")
    index = _index(text)
    items = _list_in(payload, where) if index is not None and list_at(nodes, where) else None
    if items is None or index is None or index >= len(items):
        return None
    del items[index]
    return path if index < len(items) else where


def _index(text: str) -> int | None:
    """An item number as posted ("2"), or None: not ASCII digits, or too long to be one."""
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 9 else None


def _list_in(payload: dict[str, Any], path: str) -> list[Any] | None:
    """The list at ``path`` in the payload, made (with what holds it) where it is missing."""
    parts = path.split(".")
    holder: Any = payload
    for part, after in zip(parts, [*parts[1:], None], strict=True):
        empty: Any = [] if after is None or after.isdigit() else {}
        if isinstance(holder, dict):
            if not isinstance(holder.get(part), type(empty)):
                holder[part] = empty
            holder = holder[part]
        elif isinstance(holder, list) and (n := _index(part)) is not None and n < len(holder):
            if not isinstance(holder[n], dict):
                holder[n] = {}
            holder = holder[n]
        else:
            return None
    return holder if isinstance(holder, list) else None
