"""The AOR page's correction form: what the person changed as a correction body, errors back
beside the inputs they concern."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from marshmallow import ValidationError
from sqlalchemy.orm import Session

from parsers.aor_model import HOUR_COLUMNS
from schemas.aor import ACTIVITY_CODES, AorCorrectionSchema
from service.aor import corrected_document as cd
from service.aor import corrections
from service.aor.excused import EXCUSED_CODES
from service.documents import flatten_errors
from service.errors import InvalidInput
from service.models.aor import AorUpload
from service.models.user import User
from service.web.inbox_format import hours

CHOICES = {
    "activity": [("", "(not stated)")] + [(code, code) for code in ACTIVITY_CODES],
    "report_type": [("", "(not stated)"), ("monthly", "Monthly"), ("final", "Final")],
}
CODES = [("", "(none)")] + [(code, f"{code}: {name}") for code, name in EXCUSED_CODES.items()]
DATE_INPUTS = cd.DATES
HINTS = {"report_month": "YYYY-MM", "cin": "8 digits then a letter"}


def header_inputs(values: Mapping[str, str]) -> list[dict[str, Any]]:
    """Section A and the date submitted, as the form lays them out."""
    return [
        {
            "name": name,
            "label": corrections.HEADER_LABELS[name],
            "value": values.get(name, ""),
            "type": "date" if name in DATE_INPUTS else "text",
            "choices": CHOICES.get(name),
            "hint": HINTS.get(name),
        }
        for name in cd.HEADER_FIELDS
    ]


def shown(reading: dict[str, Any]) -> dict[str, str]:
    """Every input's value as the page fills it in from ``reading``."""
    values = {name: _text(reading.get(name)) for name in cd.HEADER_FIELDS}
    if isinstance(reading.get("assigned_hours_week"), int | float):
        values["assigned_hours_week"] = hours(reading["assigned_hours_week"])
    printed = reading.get("printed_totals") or {}
    values |= {f"total-{column}": hours(printed.get(column)) for column in HOUR_COLUMNS}
    for number, row in enumerate(reading.get("rows") or [], 1):
        for column in cd.ROW_COLUMNS:
            values[f"row-{number}-{column}"] = _cell(row, column)
    return values


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _cell(row: dict[str, Any], column: str) -> str:
    if column in (row.get("raw") or {}):
        return str(row["raw"][column])
    if column in HOUR_COLUMNS:
        return hours(row.get(column))
    return _text(row.get("excused_code" if column == "code" else column))


def body_from_form(
    form: Mapping[str, str], reading: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, str]]:
    """The correction body of what the person changed (each input against the value the page
    showed), and which inputs each of its rows came from: ``{"rows.0": "row-7"}``."""
    before = shown(reading)
    changed = {n: form[n].strip() for n in before if n in form and form[n].strip() != before[n]}
    body: dict[str, Any] = {}
    for name in cd.HEADER_FIELDS:
        if name in changed:
            body[name] = changed[name] or (None if name in cd.NULLABLE or name == "cin" else "")
    totals = {c: changed[f"total-{c}"] or None for c in HOUR_COLUMNS if f"total-{c}" in changed}
    if totals:
        body["printed_totals"] = totals
    rows, where = _rows(form, changed, len(reading.get("rows") or []))
    if rows:
        body["rows"] = rows
    if form.get("reviewed") in ("yes", "no"):
        body["reviewed"] = form["reviewed"] == "yes"
    return body, where


def _rows(
    form: Mapping[str, str], changed: dict[str, str], count: int
) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Each row with a changed cell or ticked for removal, by number; the new row by date."""
    rows: list[dict[str, Any]] = []
    where: dict[str, str] = {}
    for number in range(1, count + 1):
        prefix = f"row-{number}"
        item: dict[str, Any] = {"row": number}
        if form.get(f"{prefix}-remove"):
            item["remove"] = True
        for column in cd.ROW_COLUMNS:
            if f"{prefix}-{column}" in changed and not item.get("remove"):
                item[column] = changed[f"{prefix}-{column}"]
        if len(item) > 1:
            where[f"rows.{len(rows)}"] = prefix
            rows.append(item)
    added = {c: form.get(f"new-{c}", "").strip() for c in cd.ROW_COLUMNS}
    if any(added.values()):
        where[f"rows.{len(rows)}"] = "new"
        rows.append({c: value for c, value in added.items() if value})
    for item in rows:
        if "code" in item:
            item["code"] = item["code"] or None
    return rows, where


def save(session: Session, record: AorUpload, user: User, body: dict[str, Any]) -> str:
    """The body checked as the API checks it, the correction made; what to tell the person."""
    try:
        loaded = AorCorrectionSchema().load(body)
    except ValidationError as exc:
        raise InvalidInput(flatten_errors(exc.messages)) from None
    made = corrections.correct(session, record, user, loaded)
    if not made:
        return "Nothing was changed: every value is as the reading had it."
    if {change.field for change in made} == {cd.REVIEWED}:
        return "Marked reviewed." if made[0].new else "No longer marked reviewed."
    return "Corrections saved: the reading was worked out again from the corrected values."


def input_errors(errors: dict[str, list[str]], where: dict[str, str]) -> dict[str, list[str]]:
    """The body's error paths as the inputs' names; what names no input goes on top ("")."""
    out: dict[str, list[str]] = {}
    for path, messages in errors.items():
        name = path if path in cd.HEADER_FIELDS else ""
        if path.startswith("printed_totals."):
            name = "total-" + path.split(".")[1]
        elif path.startswith("rows."):
            _, number, field = [*path.split("."), ""][:3]
            prefix = where.get(f"rows.{number}")
            field = "date" if field in ("row", "_schema", "") else field
            name = f"{prefix}-{field}" if prefix else ""
        out.setdefault(name, []).extend(messages)
    return out
