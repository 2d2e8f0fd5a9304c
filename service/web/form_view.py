"""What the fill page shows: each field with its value and the messages beside it, the summary
of errors linking to the fields, and the values the rules computed."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from service.web.computed_labels import computed_label
from service.web.form_schema import Node, humanize
from service.web.form_values import flatten, join

SEPARATOR = " › "
TOP = "form-messages"  # where a message that names no field is shown
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# The schema's words for a person at a form, not a program sending JSON.
PLAINER = {
    "Missing data for required field.": "Required: fill this in.",
    "Field may not be null.": "Required: fill this in.",
}
# Placeholders in a blank item, replaced by the page's script with the new item's index.
INDEX, NUMBER = "__INDEX__", "__NUMBER__"
CODE = re.compile(r"^[a-z0-9]+(_[a-z0-9]+)+$")


def field_id(path: str) -> str:
    return "f-" + path.replace(".", "-") if path else TOP


@dataclass
class Widget:
    """One field, fieldset or list on the page, at a concrete path (``activities.1.type``)."""

    node: Node
    path: str
    label: str
    trail: str  # the labels from the top, for the error summary
    value: str = ""
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    children: list[Widget] = field(default_factory=list)
    items: list[Widget] = field(default_factory=list)
    item_of: Widget | None = None  # the list this widget is an item of
    blank: Widget | None = None  # a list's empty item, the pattern for items added in the page
    autofocus: bool = False

    @property
    def id(self) -> str:
        return field_id(self.path)

    @property
    def can_add(self) -> bool:
        limit = self.node.max_items
        return self.node.kind == "list" and (limit is None or len(self.items) < limit)

    @property
    def noun(self) -> str:
        """One item of this list, for its buttons: "activity"."""
        assert self.node.item is not None
        return self.node.item.label[:1].lower() + self.node.item.label[1:]


@dataclass(frozen=True)
class Message:
    anchor: str
    where: str
    text: str


@dataclass
class FormView:
    """Everything the template needs for the form's fields and their messages."""

    widgets: list[Widget]
    errors: list[Message]
    warnings: list[Message]


def build(
    nodes: Sequence[Node],
    payload: Mapping[str, Any] | None,
    errors: Mapping[str, list[str]] | None = None,
    warnings: Sequence[Mapping[str, str]] = (),
    focus: str | None = None,
) -> FormView:
    """The fields showing ``payload``; each message beside the field its path names, or its
    nearest enclosing fieldset; ``focus``: the path whose first field takes the focus."""
    values = flatten(nodes, payload)
    found: dict[str, Widget] = {}
    widgets = [_widget(n, n.name, (payload or {}).get(n.name), values, found, "") for n in nodes]
    view = FormView(widgets, [], [])
    for path, messages in (errors or {}).items():
        for text in messages:
            view.errors.append(_place(found, path, text, "errors"))
    for warning in warnings:
        view.warnings.append(
            _place(found, warning.get("field", ""), warning["message"], "warnings")
        )
    if focus:
        _focus(found, focus)
    return view


def _widget(
    node: Node, path: str, value: Any, values: dict[str, str], found: dict[str, Widget], above: str
) -> Widget:
    label = node.label
    widget = Widget(node, path, label, _join_label(above, label), value=values.get(path, ""))
    found[path] = widget
    if node.kind == "object":
        inner = value if isinstance(value, Mapping) else {}
        widget.children = [
            _widget(c, join(path, c.name), inner.get(c.name), values, found, widget.trail)
            for c in node.children
        ]
    elif node.kind == "list":
        assert node.item is not None
        listed = value if isinstance(value, list) else []
        # A list that needs items starts with one to fill in.
        count = max(len(listed), 1 if node.min_items else 0)
        for n in range(count):
            item_value = listed[n] if n < len(listed) else None
            item_node = replace(node.item, label=f"{node.item.label} {n + 1}")
            item = _widget(item_node, join(path, n), item_value, values, found, above)
            item.item_of = widget
            widget.items.append(item)
        pattern = replace(node.item, label=f"{node.item.label} {NUMBER}")
        widget.blank = _widget(pattern, join(path, INDEX), None, {}, {}, above)
        widget.blank.item_of = widget
    return widget


def _join_label(above: str, label: str) -> str:
    return f"{above}{SEPARATOR}{label}" if above else label


def _place(found: dict[str, Widget], path: str, text: str, kind: str) -> Message:
    """Put the message on the field its path names, or on the nearest fieldset that holds it."""
    text = PLAINER.get(text, text)
    parts = path.split(".") if path else []
    while parts and ".".join(parts) not in found:
        parts.pop()
    if not parts:
        return Message(TOP, "Form", text)
    widget = found[".".join(parts)]
    getattr(widget, kind).append(text)
    return Message(widget.id, widget.trail, text)


def _focus(found: dict[str, Widget], path: str) -> None:
    widget = found.get(path)
    while widget is not None and not widget.node.is_scalar:
        inner = widget.children or widget.items
        if not inner:
            break
        widget = inner[0]
    if widget is not None:
        widget.autofocus = True


def computed_lines(
    value: Any, form_id: str = "", label: str = "", key: str = ""
) -> list[tuple[str, str]]:
    """The rules' computed values as (label, text) lines, nested labels joined, blanks left
    out; each labelled as service/web/computed_labels.py writes it, or left off the page
    there; lookup tables (``*_labels``) are the rules' vocabulary, not results, and stay out."""
    if isinstance(value, Mapping):
        found: list[tuple[str, str]] = []
        for name, inner in value.items():
            path = f"{key}.{name}" if key else str(name)
            text = _computed_label(form_id, path, isinstance(inner, list))
            if text is not None and not str(name).endswith("_labels"):
                found += computed_lines(inner, form_id, _join_label(label, text), path)
        return found
    if isinstance(value, list):
        return [
            pair
            for n, item in enumerate(value, 1)
            for pair in computed_lines(item, form_id, f"{label} {n}", f"{key}[]")
        ]
    if value is None or value == "":
        return []
    return [(label, display(value))]


def _computed_label(form_id: str, path: str, is_list: bool) -> str | None:
    """A computed value's written label (a list's: one row's, numbered), or None: not shown."""
    written = computed_label(form_id, path)
    if written is None or (is_list and computed_label(form_id, f"{path}[]") is None):
        return None
    if is_list and isinstance(row := computed_label(form_id, f"{path}[]"), str):
        return row
    return str(written) if isinstance(written, str) else humanize(path.rsplit(".", 1)[-1])


def display(value: Any) -> str:
    """A computed value as people read it: dates 12/07/2026, Yes/No, codes as words."""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dt.date):
        return value.strftime("%m/%d/%Y")
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    text = str(value)
    if ISO_DATE.match(text):
        return dt.date.fromisoformat(text).strftime("%m/%d/%Y")
    return humanize(text) if CODE.match(text) else text
