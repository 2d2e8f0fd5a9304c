"""The JSON reading of an AOR: what it says, its sums, participation, countable hours, findings."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from parsers.aor_model import HOUR_COLUMNS, AorDocument, AorRow
from service.aor import due, findings
from service.aor.excused import (
    ExcusedCount,
    PriorExcused,
    countable_excused,
    is_paid,
    undesignated_holidays,
)
from service.aor.findings import Finding
from service.aor.weeks import Activity, participation, weeks
from service.counties import County, get_county
from service.jsonable import jsonable

ZERO = Decimal(0)
CENT = Decimal("0.01")
HOLIDAY_NOT_DESIGNATED = "holiday_not_designated"
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

    ``county`` gives the working-day calendar and designated holidays (Orange by default);
    ``prior`` what the person's other AORs already drew from the excused-hour caps. Two
    questions are kept apart: ``participation`` (did the participant comply, WIC 11322.8,
    11327.4) and ``countable`` (the federal hours, 45 CFR 261.60(b)).
    """
    county = county or get_county("orange")
    prior = prior or PriorExcused()
    month = _month(doc.report_month)
    in_month = [r for r in doc.rows if month and r.date and (r.date.year, r.date.month) == month]
    closed = county.calendar.holidays_in(month[0]) if month else {}
    count = countable_excused(in_month, prior, closed, paid=is_paid(doc.activity))
    due_date = due.due_date(county.calendar, month, doc.report_type, doc.activity_end)
    activity = Activity(doc.assigned_hours_week, doc.activity_start, doc.activity_end)
    week_list = weeks(in_month, month, count, activity, closed) if month else []
    reading = {
        **_header(doc),
        "rows": [_row(row) for row in doc.rows],
        "totals": {c: _hours(sum((r.hours(c) for r in doc.rows), ZERO)) for c in HOUR_COLUMNS},
        "printed_totals": _printed(doc),
        "excused_by_code": _by_code(doc.rows),
        "participation": _rounded(participation(week_list, doc.assigned_hours_week)),
        "countable": _countable(in_month, count, prior, is_paid(doc.activity)),
        "excused_countable": _ledger_entry(count),
        "weeks": [_rounded(w) for w in week_list],
        **_sections(doc),
        "due_date": due_date,
        "on_time": due.on_time(due_date, doc.submitted_date),
        "findings": [
            f.as_dict() for f in findings.findings(doc, month) + _holiday_notes(in_month, closed)
        ],
    }
    result: dict[str, Any] = jsonable(reading)
    return result


def _countable(
    rows: list[AorRow], count: ExcusedCount, prior: PriorExcused, paid: bool
) -> dict[str, Any]:
    """The federal question, 45 CFR 261.60(b): the hours the county may report as
    participation (attended, excused within the caps, paid leave in a paid activity) and the
    excused hours that are not countable, by reason. Never a shortfall: compliance is
    ``participation``'s question."""
    attended = sum((r.attended for r in rows), ZERO)
    counted = count.hours + count.holiday_hours + count.paid_leave
    return {
        "paid_activity": paid,
        "attended": _hours(attended),
        "excused": _hours(count.hours),
        "holiday_hours": _hours(count.holiday_hours),
        "holidays": count.holidays,
        "paid_leave": _hours(count.paid_leave),
        "total": _hours(attended + counted),
        "not_countable": _hours(count.not_counted),
        "not_countable_by_reason": {k: _hours(v) for k, v in count.reasons.items()},
        "drawn_before": {
            "month_hours": _hours(prior.month_hours),
            "year_hours": _hours(prior.hours),
            "holidays": max(prior.holidays, len(prior.holiday_dates)),
        },
    }


def _ledger_entry(count: ExcusedCount) -> dict[str, Any]:
    """What this report drew from the person's caps, for the next report's ledger
    (service/aor/history.py reads it back)."""
    return {
        "hours": _hours(count.hours),
        "holidays": count.holidays,
        "holiday_dates": count.holiday_dates,
        "holiday_hours": _hours(count.holiday_hours),
        "paid_leave": _hours(count.paid_leave),
        "not_counted": _hours(count.not_counted),
    }


def _holiday_notes(rows: list[AorRow], designated: Any) -> list[Finding]:
    """A note for each ``HOL`` date not on the county's designated holiday list
    (45 CFR 261.60(b)): the hours stay excused, they are not countable as a holiday."""
    return [
        Finding(
            HOLIDAY_NOT_DESIGNATED,
            f"{day.isoformat()}: coded HOL, but the county's designated holiday list has no "
            "holiday that day; the hours are excused, not countable as a holiday",
            day,
        )
        for day in undesignated_holidays(rows, designated)
    ]


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


def _rounded(values: dict[str, Any]) -> dict[str, Any]:
    return {k: _hours(v) if isinstance(v, Decimal) else v for k, v in values.items()}


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
