"""Turn an AOR read as strings (fields or page text) into an AorDocument and its problems."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal
from typing import TypeVar

from parsers import aor_values
from parsers.aor_labels import (
    EMPLOYMENT_LABELS,
    HOUR_FIELDS,
    LABEL_TEXT,
    REQUIRED_COLUMNS,
    REQUIRED_LABELS,
    REQUIRED_VALUES,
    RawAor,
)
from parsers.aor_model import AorDocument, AorRow, Employment, PreparedBy, Problem, Totals
from parsers.hours import (
    DASHES,
    ZERO,
    parse_date,
    parse_hours,
    parse_money,
    parse_month,
    parse_number,
)

_FORMATS = {
    "case_number": (re.compile(r"^[A-Za-z0-9]{7,10}$"), "7 to 10 letters and digits"),
    "cin": (re.compile(r"^\d{8}[A-Za-z]$"), "8 digits then a letter"),
}
T = TypeVar("T")
_PREPARER = ("prep_name", "prep_title", "prep_phone", "prep_email")
_COLUMN_NAMES = {"date": "Date", "sched": "Scheduled", "att": "Attended", "exc": "Excused"}
_COLUMN_NAMES |= {"code": "Code", "unx": "Unexcused", "day": "Day", "note": "Notes"}


class _Reader:
    """Reads values out of a RawAor, noting a Problem for each one that is unreadable."""

    def __init__(self, raw: RawAor) -> None:
        self.raw = raw
        self.problems: list[Problem] = []

    def add(self, code: str, message: str, *, date: dt.date | None = None, field: str = "") -> None:
        self.problems.append(Problem(code, message, date, field or None))

    def text(self, key: str) -> str:
        return " ".join(self.raw.values.get(key, "").split())

    def number(self, key: str) -> Decimal | None:
        text = self.text(key)
        value = parse_number(text) if text else None
        if text and value is None:
            self.add("not_a_number", f"{LABEL_TEXT[key]} '{text}' is not a number", field=key)
        return value

    def date(self, key: str) -> dt.date | None:
        text = self.text(key)
        value = parse_date(text) if text else None
        if text and value is None:
            self.add("unreadable_date", f"{LABEL_TEXT[key]} '{text}' is not a date", field=key)
        return value

    def coded(self, key: str, normalize: Callable[[str], T | None], what: str) -> T | None:
        text = self.text(key)
        value = normalize(text) if text else None
        if text and value is None:
            self.add("unknown_value", f"{LABEL_TEXT[key]} '{text}' is not {what}", field=key)
        return value


def assemble(raw: RawAor) -> AorDocument:
    """The AorDocument for ``raw``, with every label, value and cell that could not be read."""
    r = _Reader(raw)
    _check_labels(r)
    month = _report_month(r)
    report_type = r.coded("report_type", aor_values.report_type, "Monthly or Final")
    employed = r.coded("employed", aor_values.yes_no, "Yes or No")
    _check_values(r, report_type, employed)
    rows = _rows(r, month[0] if month else _fallback_year(r))
    return AorDocument(
        participant_name=r.text("participant_name"),
        case_number=r.text("case_number"),
        cin=r.text("cin"),
        cm_name=r.text("cm_name"),
        cm_email=r.text("cm_email"),
        activity=r.coded("activity", aor_values.activity_code, "a known activity"),
        provider=r.text("provider"),
        worksite=r.text("worksite"),
        report_month=f"{month[0]:04d}-{month[1]:02d}" if month else None,
        report_type=report_type,
        assigned_hours_week=r.number("assigned_hours_week"),
        activity_start=r.date("activity_start"),
        activity_end=r.date("activity_end"),
        rows=rows,
        printed_totals=_totals(r),
        outcome=r.coded("outcome", aor_values.outcome, "a known outcome"),
        employed=employed,
        employment=_employment(r, employed),
        comments=raw.values.get("comments", "").strip(),
        prepared_by=PreparedBy(*(r.text(k) for k in _PREPARER)),
        submitted_date=r.date("prep_date"),
        page_count=raw.page_count,
        source=raw.source,
        problems=tuple(r.problems),
    )


def _check_labels(r: _Reader) -> None:
    for key in REQUIRED_LABELS:
        if key not in r.raw.values:
            r.add("missing_label", f"the label '{LABEL_TEXT[key]}' was not found", field=key)
    for column in r.raw.missing_columns:
        if column in REQUIRED_COLUMNS:
            name = _COLUMN_NAMES[column]
            r.add("missing_label", f"the column '{name}' was not found", field=f"column:{column}")


def _check_values(r: _Reader, report_type: str | None, employed: bool | None) -> None:
    required = list(REQUIRED_VALUES)
    if report_type == "final":
        required.append("activity_end")
    if employed:
        required += ["emp_name", "emp_hours_week", "emp_start"]
    for key in required:
        if key in r.raw.values and not r.text(key):
            r.add("missing_value", f"{LABEL_TEXT[key]} is empty", field=key)
    for key, (pattern, shape) in _FORMATS.items():
        text = r.text(key)
        if text and not pattern.match(text):
            r.add("invalid_value", f"{LABEL_TEXT[key]} '{text}' is not {shape}", field=key)


def _report_month(r: _Reader) -> tuple[int, int] | None:
    text = r.text("report_month")
    month = parse_month(text) if text else None
    if text and month is None:
        r.add("unreadable_date", f"Report Month '{text}' is not MM/YYYY", field="report_month")
    return month


def _fallback_year(r: _Reader) -> int | None:
    # Without a report month, an MM/DD date takes the year the report was submitted.
    submitted = parse_date(r.text("prep_date"))
    return submitted.year if submitted else None


def _records_something(cells: dict[str, str]) -> bool:
    """A row counts when a cell other than Date and Day holds anything but zero."""
    for column, text in cells.items():
        value = text.strip()
        if column in HOUR_FIELDS:
            if parse_hours(value) != ZERO:
                return True
        elif column in ("code", "note") and value and value not in DASHES:
            return True
    return False


def _rows(r: _Reader, year: int | None) -> tuple[AorRow, ...]:
    kept = [cells for cells in r.raw.rows if _records_something(cells)]
    return tuple(_row(r, cells, number, year) for number, cells in enumerate(kept, 1))


def _row(r: _Reader, cells: dict[str, str], number: int, year: int | None) -> AorRow:
    date_text = cells.get("date", "").strip()
    date = parse_date(date_text, year)
    if date is None:
        shown = date_text or "(empty)"
        r.add("unreadable_date", f"row {number}: '{shown}' is not a date", field=f"row:{number}")
    where = date.isoformat() if date else f"row {number}"
    hours: dict[str, Decimal] = {}
    raw: dict[str, str] = {}
    for column, name in HOUR_FIELDS.items():
        text = cells.get(column, "").strip()
        value = parse_hours(text)
        if value is None:
            raw[name] = text
            message = f"{where}: {_COLUMN_NAMES[column]} '{text}' is not a number of hours"
            r.add("not_a_number", message, date=date, field=name)
        hours[name] = ZERO if value is None else value
    code = cells.get("code", "").strip().upper()
    return AorRow(
        date=date,
        excused_code=None if code in ("", *DASHES) else code,
        note=" ".join(cells.get("note", "").split()),
        day=cells.get("day", "").strip(),
        date_text=date_text,
        raw=raw,
        **hours,
    )


def _totals(r: _Reader) -> Totals | None:
    if r.raw.totals is None or not any(text.strip() for text in r.raw.totals.values()):
        return None  # a TOTAL row left blank is as good as none: nothing was printed
    values: dict[str, Decimal | None] = {}
    for column, name in HOUR_FIELDS.items():
        text = r.raw.totals.get(column, "").strip()
        values[name] = parse_hours(text)
        if values[name] is None:
            message = f"TOTAL {_COLUMN_NAMES[column]} '{text}' is not a number of hours"
            r.add("not_a_number", message, field=f"printed_totals.{name}")
    return Totals(**values)


def _employment(r: _Reader, employed: bool | None) -> Employment | None:
    if not employed and not any(r.text(key) for key in EMPLOYMENT_LABELS):
        return None
    if employed:
        for key in EMPLOYMENT_LABELS:
            if key not in r.raw.values:
                r.add("missing_label", f"the label '{LABEL_TEXT[key]}' was not found", field=key)
    wage_text = r.text("emp_wage")
    wage = parse_money(wage_text) if wage_text else None
    if wage_text and wage is None:
        r.add("not_a_number", f"Hourly Wage '{wage_text}' is not an amount", field="emp_wage")
    return Employment(
        employer_name=r.text("emp_name"),
        employer_address=" ".join(r.raw.values.get("emp_address", "").split()),
        occupation=r.text("emp_occupation"),
        hours_week=r.number("emp_hours_week"),
        hourly_wage=wage,
        start_date=r.date("emp_start"),
    )
