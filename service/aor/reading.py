"""The JSON reading of an AOR: what it says, the sums of its rows, its findings, when it was due."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from parsers.aor_model import HOUR_COLUMNS, AorDocument, AorRow
from service.aor import due, findings
from service.aor.excused import PriorExcused, countable_excused
from service.aor.weeks import Activity, weeks
from service.counties import County, get_county
from service.jsonable import jsonable

ZERO = Decimal(0)
CENT = Decimal("0.01")
HEADER = (
    "participant_name",
    "case_number",
    "cin",
    "cm_name",
    "cm_email",
    "activity",
    "provider",
    "worksite",
    "report_month",
    "report_type",
    "assigned_hours_week",
    "activity_start",
    "activity_end",
    "page_count",
    "source",
)


def build_reading(
    doc: AorDocument, county: County | None = None, prior: PriorExcused | None = None
) -> dict[str, Any]:
    """The reading as plain JSON types: hours as numbers (7, not 7.0), dates in ISO form.

    ``county`` gives the working-day calendar (Orange by default); ``prior`` the excused
    absence already counted in the 12 months before, for the 80-hour and holiday caps.
    """
    county = county or get_county("orange")
    prior = prior or PriorExcused()
    month = _month(doc.report_month)
    in_month = [r for r in doc.rows if month and r.date and (r.date.year, r.date.month) == month]
    count = countable_excused(in_month, prior.hours, prior.holidays)
    due_date = due.due_date(county.calendar, month, doc.report_type, doc.activity_end)
    activity = Activity(doc.assigned_hours_week, doc.activity_start, doc.activity_end)
    reading = {
        **_header(doc),
        "rows": [_row(row) for row in doc.rows],
        "totals": {c: _hours(sum((r.hours(c) for r in doc.rows), ZERO)) for c in HOUR_COLUMNS},
        "printed_totals": _printed(doc),
        "excused_by_code": _by_code(doc.rows),
        "excused_countable": {
            "hours": _hours(count.hours),
            "holidays": count.holidays,
            "holiday_hours": _hours(count.holiday_hours),
            "not_counted": _hours(count.not_counted),
        },
        "weeks": [_week(w) for w in weeks(in_month, month, count, activity)] if month else [],
        **_sections(doc),
        "due_date": due_date,
        "on_time": due.on_time(due_date, doc.submitted_date),
        "findings": [f.as_dict() for f in findings.findings(doc, month)],
    }
    result: dict[str, Any] = jsonable(reading)
    return result


def _month(text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    year, month = text.split("-")
    return int(year), int(month)


def _hours(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _header(doc: AorDocument) -> dict[str, Any]:
    return {name: getattr(doc, name) for name in HEADER}


def _row(row: AorRow) -> dict[str, Any]:
    return {
        "date": row.date,
        "day": row.day,
        **{c: _hours(row.hours(c)) for c in ("scheduled", "attended", "excused")},
        "excused_code": row.excused_code,
        "unexcused": _hours(row.unexcused),
        "note": row.note,
        "raw": dict(row.raw),
    }


def _printed(doc: AorDocument) -> dict[str, Any] | None:
    if doc.printed_totals is None:
        return None
    values = {c: getattr(doc.printed_totals, c) for c in HOUR_COLUMNS}
    return {c: None if v is None else _hours(v) for c, v in values.items()}


def _by_code(rows: tuple[AorRow, ...]) -> dict[str, Decimal]:
    """Excused hours by reason code, codes in the order they first appear."""
    out: dict[str, Decimal] = {}
    for row in rows:
        if row.excused_code and row.excused:
            out[row.excused_code] = out.get(row.excused_code, ZERO) + row.excused
    return {code: _hours(hours) for code, hours in out.items()}


def _week(week: dict[str, Any]) -> dict[str, Any]:
    return {k: _hours(v) if isinstance(v, Decimal) else v for k, v in week.items()}


def _sections(doc: AorDocument) -> dict[str, Any]:
    job = doc.employment
    return {
        "outcome": doc.outcome,
        "employed": doc.employed,
        "employment": None if job is None else vars(job).copy(),
        "comments": doc.comments,
        "prepared_by": vars(doc.prepared_by).copy(),
        "submitted_date": doc.submitted_date,
    }
