"""The fill page's fixed lists: county, office, contractor and unit offered as choices by name."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from service import units
from service.counties import County, county_ids, get_county
from service.errors import UnknownCounty
from service.extensions import db
from service.forms.base import FormSpec
from service.web.form_schema import Node

Options = tuple[tuple[str, str], ...]
# The workers whose unit is one of the admin's units (an address's "unit" is an apartment).
UNIT_HOLDERS = ("from_ec", "to_ec")


def with_choices(
    nodes: Sequence[Node], spec: FormSpec, payload: Mapping[str, Any] | None
) -> tuple[Node, ...]:
    """The form's fields with the county's lists as choices: codes as values, names as labels."""
    county = _county(spec, payload)
    lists = {
        "county": tuple((c, f"{get_county(c).name} County") for c in county_ids()),
        "office": office_options(county),
        "contractor_id": tuple((c.id, c.name) for c in county.contractors) if county else (),
        "unit": tuple((u.code, u.name) for u in units.list_units(db.session)),
    }
    return tuple(_chosen(node, lists, "") for node in nodes)


def office_options(county: County | None) -> Options:
    """The county's offices; with no county chosen yet, every county's, named with their county."""
    if county is not None:
        return tuple((o.id, o.name) for o in county.offices)
    return tuple(
        (o.id, f"{o.name} ({get_county(c).name} County)")
        for c in county_ids()
        for o in get_county(c).offices
    )


def _county(spec: FormSpec, payload: Mapping[str, Any] | None) -> County | None:
    """The form's county, or for a state form the one the payload names (None: not yet)."""
    wanted = spec.county or str((payload or {}).get("county") or "").strip().casefold()
    try:
        return get_county(wanted) if wanted else None
    except UnknownCounty:
        return None


def _chosen(node: Node, lists: Mapping[str, Options], parent: str) -> Node:
    if node.kind == "object":
        children = tuple(_chosen(child, lists, node.name) for child in node.children)
        return replace(node, children=children)
    if node.kind == "list" and node.item is not None:
        return replace(node, item=_chosen(node.item, lists, node.name))
    options = lists.get(node.name) if node.kind == "text" else None
    if node.name == "unit" and parent not in UNIT_HOLDERS:
        options = None
    if node.name == "county" and parent:
        options = None
    # The pattern's words ("like hayward") fit typing, not choosing.
    return replace(node, kind="choice", options=options, hint="") if options else node
