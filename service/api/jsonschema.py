"""A self-contained JSON Schema for a form's marshmallow schema, via apispec."""

from __future__ import annotations

from typing import Any

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from marshmallow import Schema


def form_json_schema(schema_cls: type[Schema]) -> dict[str, Any]:
    """The input schema with nested schemas inlined, so a client needs no other document."""
    plugin = MarshmallowPlugin()
    spec = APISpec("form", "1", "3.0.3", plugins=[plugin])
    spec.components.schema("Form", schema=schema_cls)
    components = spec.to_dict()["components"]["schemas"]
    return _inline(components["Form"], components)


def _inline(node: Any, components: dict[str, Any]) -> Any:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            return _inline(components[ref.rsplit("/", 1)[-1]], components)
        return {k: _inline(v, components) for k, v in node.items()}
    if isinstance(node, list):
        return [_inline(v, components) for v in node]
    return node
