"""Template lint: every variable a template prints exists, and every schema field is printed.

Variables are compared as dotted paths, with ``[]`` for "each item of a list":
``{% for a in activities %}{{ a.provider }}`` uses ``activities[].provider``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from jinja2 import Environment, nodes
from marshmallow import Schema, fields

IGNORED_NAMES = frozenset({"loop", "true", "false", "none", "True", "False", "None"})


def used_paths(env: Environment, source: str) -> set[str]:
    """The variable paths a Jinja source reads."""
    return set(_walk(env.parse(source), {}))


def _walk(node: nodes.Node, scope: dict[str, str]) -> Iterator[str]:
    if isinstance(node, nodes.For):
        iterable = _path(node.iter, scope)
        yield from _walk(node.iter, scope)
        inner = dict(scope)
        if iterable and isinstance(node.target, nodes.Name):
            inner[node.target.name] = iterable + "[]"
        for child in node.body:
            yield from _walk(child, inner)
        for child in node.else_:
            yield from _walk(child, scope)
        return
    path = _path(node, scope) if isinstance(node, nodes.Name | nodes.Getattr) else None
    if path:
        if path.split(".")[0].split("[")[0] not in IGNORED_NAMES:
            yield path
        return
    for child in node.iter_child_nodes():
        yield from _walk(child, scope)


def _path(node: nodes.Node, scope: dict[str, str]) -> str | None:
    if isinstance(node, nodes.Name):
        return scope.get(node.name, node.name)
    if isinstance(node, nodes.Getattr):
        base = _path(node.node, scope)
        return f"{base}.{node.attr}" if base else None
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
        base = _path(node.node, scope)
        return f"{base}.{node.arg.value}" if base else None
    return None


def missing_in_context(paths: set[str], context: dict[str, Any]) -> list[str]:
    """Paths that the context does not provide."""
    return sorted(p for p in paths if not _resolves(context, p.split(".")))


def _resolves(value: Any, parts: list[str]) -> bool:
    if not parts:
        return True
    head, rest = parts[0], parts[1:]
    is_item = head.endswith("[]")
    key = head[:-2] if is_item else head
    if isinstance(value, dict):
        if key not in value:
            return False
        value = value[key]
    elif hasattr(value, key):
        value = getattr(value, key)
    else:
        return False
    if is_item:
        if not isinstance(value, list | tuple):
            return False
        # An empty list in the sample context proves nothing either way; items are checked
        # when the context has one.
        return not value or all(_resolves(item, rest) for item in value)
    return _resolves(value, rest)


def schema_paths(schema: Schema, prefix: str = "") -> list[str]:
    """Every leaf field the schema accepts, as dotted paths."""
    out: list[str] = []
    for name, field in schema.fields.items():
        path = f"{prefix}{name}"
        if isinstance(field, fields.Nested):
            out.extend(schema_paths(field.schema, path + "."))
        elif isinstance(field, fields.List) and isinstance(field.inner, fields.Nested):
            out.extend(schema_paths(field.inner.schema, path + "[]."))
        else:
            out.append(path)
    return out


def unprinted_fields(schema: Schema, paths: set[str]) -> list[str]:
    """Schema fields that no template path reads."""
    return [
        field
        for field in schema_paths(schema)
        if not any(p == field or p.startswith((field + ".", field + "[]")) for p in paths)
    ]
