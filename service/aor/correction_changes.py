"""What a correction body changes in a reading, value by value, against its corrected document."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from parsers.aor_model import HOUR_COLUMNS
from service.aor import corrected_document as cd
from service.errors import InvalidInput
from service.jsonable import jsonable


@dataclass(frozen=True)
class Change:
    field: str
    old: Any
    new: Any


class _RowError(Exception):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field, self.message = field, message


def changes_from(body: dict[str, Any], state: cd.Corrected) -> list[Change]:
    """The changes ``body`` (schemas/aor.py AorCorrectionSchema) makes, each applied to
    ``state`` in turn. Rows are named by their number or date in the reading as it was before
    this body, however the body's other rows move them; a row not found is a 422 naming it."""
    changes: list[Change] = []

    def change(name: str, old: Any, new: Any) -> None:
        if old != new:
            changes.append(Change(name, old, new))
            cd.apply(state, name, new)

    for name in cd.HEADER_FIELDS:
        if name in body:
            change(name, cd.header_value(state.doc, name), jsonable(body[name]))
    for column, value in (body.get("printed_totals") or {}).items():
        totals = state.doc.printed_totals
        old = None if totals is None else jsonable(getattr(totals, column))
        change(f"printed_totals.{column}", old, jsonable(value))
    _row_changes(body.get("rows") or [], state, change)
    if "reviewed" in body:
        change(cd.REVIEWED, state.reviewed, bool(body["reviewed"]))
    return changes


def _row_changes(
    items: list[dict[str, Any]], state: cd.Corrected, change: Callable[[str, Any, Any], None]
) -> None:
    """Cells first (they move no row), then removals from the last row up, then rows added."""
    targets, errors = [], {}
    for number, item in enumerate(items):
        try:
            targets.append((_target(item, state), item))
        except _RowError as exc:
            errors[f"rows.{number}.{exc.field}"] = [exc.message]
    if errors:
        raise InvalidInput(errors)
    for index, item in targets:
        if index is not None and not item.get("remove"):
            for column in cd.ROW_COLUMNS:
                if column in item and (column != "date" or "row" in item):
                    old = cd.cell(state.doc.rows[index], column)
                    name = f"rows.{cd.row_key(state, index)}.{column}"
                    change(name, old, jsonable(item[column]))
    removed = sorted({index for index, item in targets if index is not None and item.get("remove")})
    for index in reversed(removed):
        change(f"rows.{cd.row_key(state, index)}", cd.row_json(state.doc.rows[index]), None)
    for index, item in targets:
        if index is None:
            added = {"code": None, "note": ""} | dict.fromkeys(HOUR_COLUMNS, 0) | item
            values = {column: jsonable(added[column]) for column in cd.ROW_COLUMNS}
            change(f"rows.{values['date']}", None, values)


def _target(item: dict[str, Any], state: cd.Corrected) -> int | None:
    """The index of the row ``item`` names, or None for a row to add."""
    rows = state.doc.rows
    if "row" in item:
        if item["row"] > len(rows):
            raise _RowError("row", f"There is no row {item['row']}; the reading has {len(rows)}.")
        return int(item["row"]) - 1
    day: dt.date = item["date"]
    found = [i for i, row in enumerate(rows) if row.date == day]
    shown = day.strftime("%m/%d/%Y")
    if len(found) > 1:
        raise _RowError("date", f"{len(found)} rows are dated {shown}; name one by its number.")
    if not found and item.get("remove"):
        raise _RowError("date", f"No row is dated {shown} to remove.")
    return found[0] if found else None
