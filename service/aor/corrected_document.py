"""An AOR's document rebuilt from its reading, with staff corrections applied one by one."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from parsers.aor_model import HOUR_COLUMNS, AorDocument, AorRow, Totals
from service.aor.transport import document_from_json
from service.jsonable import jsonable

CENT = Decimal("0.01")
HEADER_FIELDS = (
    "participant_name", "case_number", "cin", "cm_name", "cm_email", "activity", "provider",
    "worksite", "report_month", "report_type", "assigned_hours_week", "activity_start",
    "activity_end", "submitted_date",
)  # fmt: skip
DATES = frozenset({"activity_start", "activity_end", "submitted_date"})
# The header values a document may lack; the others are text, empty when not read.
NULLABLE = DATES | {"activity", "report_month", "report_type", "assigned_hours_week"}
ROW_COLUMNS = ("date", *HOUR_COLUMNS, "code", "note")
REVIEWED = "reviewed"


@dataclass
class Corrected:
    """The document as corrected so far; ``origins`` gives each row's number as first read
    (None for a row staff added), ``touched`` what was corrected: ``(None, "cin")`` for a
    header field, ``(3, "attended")`` for the third row's cell, ``(3, "*")`` when it went."""

    doc: AorDocument
    origins: list[int | None]
    touched: set[tuple[int | None, str]] = field(default_factory=set)
    reviewed: bool = False


def document_of(reading: dict[str, Any]) -> Corrected:
    """The document a reading was built from, as far as the reading keeps it."""
    data = dict(reading)
    data["rows"] = [{**row, **_exact(row, HOUR_COLUMNS)} for row in reading.get("rows") or []]
    if reading.get("printed_totals"):
        data["printed_totals"] = _exact(reading["printed_totals"], HOUR_COLUMNS)
    if reading.get("employment"):
        data["employment"] = {
            **reading["employment"],
            **_exact(reading["employment"], ("hours_week", "hourly_wage")),
        }
    data.update(_exact(reading, ("assigned_hours_week",)))
    data["problems"] = []
    doc = document_from_json(data)
    return Corrected(doc, list(range(1, len(doc.rows) + 1)))


def _exact(values: dict[str, Any], names: tuple[str, ...]) -> dict[str, str | None]:
    return {name: _hours_text(values.get(name)) for name in names}


def _hours_text(value: Any) -> str | None:
    """Hours as the reader had them: the reading keeps cents, so 7:20 was kept as 7.33; the
    reader's 7.3333 comes back, or rows of 7:20 would no longer add up to a printed 73:20."""
    if value is None:
        return None
    cents = Decimal(str(value))
    minutes = (cents * 60).to_integral_value(ROUND_HALF_UP)
    whole, rest = divmod(minutes, 60)
    exact = whole + (rest / 60).quantize(Decimal("0.0001"))
    if minutes % 3 and exact.quantize(CENT, ROUND_HALF_UP) == cents:
        return str(exact)
    return str(cents)


def row_json(row: AorRow) -> dict[str, Any]:
    """A row as a correction keeps it; a cell that was not a number as its text."""
    return {column: cell(row, column) for column in ROW_COLUMNS}


def cell(row: AorRow, column: str) -> Any:
    if column == "date":
        return row.date.isoformat() if row.date else None
    if column == "code":
        return row.excused_code
    if column == "note":
        return row.note
    return row.raw[column] if column in row.raw else jsonable(row.hours(column))


def header_value(doc: AorDocument, name: str) -> Any:
    return jsonable(getattr(doc, name))


def row_key(state: Corrected, index: int) -> str:
    """How a correction names a row: its date when no other row has it, else its number."""
    day = state.doc.rows[index].date
    if day is not None and sum(1 for row in state.doc.rows if row.date == day) == 1:
        return day.isoformat()
    return f"#{index + 1}"


def row_index(state: Corrected, key: str) -> int | None:
    if key.startswith("#"):
        number = int(key[1:])
        return number - 1 if 1 <= number <= len(state.doc.rows) else None
    day = dt.date.fromisoformat(key)
    found = [i for i, row in enumerate(state.doc.rows) if row.date == day]
    return found[0] if len(found) == 1 else None


def apply(state: Corrected, name: str, new: Any) -> None:
    """One correction: ``name`` as AorCorrection.field names it, ``new`` its JSON value."""
    if name == REVIEWED:
        state.reviewed = bool(new)
    elif name in HEADER_FIELDS:
        state.doc = replace(state.doc, **{name: _typed(name, new)})
        state.touched.add((None, name))
    elif name.startswith("printed_totals."):
        column = name.split(".", 1)[1]
        totals = state.doc.printed_totals or Totals(None, None, None, None)
        value = None if new is None else Decimal(str(new))
        state.doc = replace(state.doc, printed_totals=replace(totals, **{column: value}))
        state.touched.add((None, name))
    else:
        _apply_row(state, name.removeprefix("rows."), new)


def _typed(name: str, value: Any) -> Any:
    if value is None:
        return None if name in NULLABLE else ""
    if name in DATES:
        return dt.date.fromisoformat(value)
    if name == "assigned_hours_week":
        return Decimal(str(value))
    return value


def _apply_row(state: Corrected, path: str, new: Any) -> None:
    key, _, column = path.partition(".")
    rows, origins = list(state.doc.rows), list(state.origins)
    index = row_index(state, key)
    if not column and new is not None:  # a row added
        row = _row_from(new)
        at = next(
            (i for i, r in enumerate(rows) if r.date and row.date and r.date > row.date), None
        )
        at = len(rows) if at is None else at
        rows.insert(at, row)
        origins.insert(at, None)
    elif index is None:
        raise LookupError(f"the corrected row {key} is not in the reading")
    elif not column:  # a row removed
        state.touched.add((origins[index], "*"))
        del rows[index], origins[index]
    else:
        rows[index] = _with_cell(rows[index], column, new)
        state.touched.add((origins[index], column))
    state.doc = replace(state.doc, rows=tuple(rows))
    state.origins = origins


def _row_from(values: dict[str, Any]) -> AorRow:
    zero = Decimal(0)
    blank = AorRow(None, scheduled=zero, attended=zero, excused=zero, unexcused=zero)
    for column, value in values.items():
        blank = _with_cell(blank, column, value)
    return blank


def _with_cell(row: AorRow, column: str, value: Any) -> AorRow:
    if column == "date":
        day = None if value is None else dt.date.fromisoformat(value)
        return replace(row, date=day, day=day.strftime("%a") if day else "", date_text="")
    if column == "code":
        return replace(row, excused_code=value or None)
    if column == "note":
        return replace(row, note=value or "")
    raw = {name: text for name, text in row.raw.items() if name != column}
    hours: dict[str, Any] = {column: Decimal(str(value or 0))}
    return replace(row, raw=raw, **hours)
