"""What is wrong with an AOR: one finding per problem, each naming the date or field it concerns."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields, is_dataclass, replace
from decimal import Decimal
from typing import Any

from parsers.aor_model import HOUR_COLUMNS, AorDocument, AorRow
from service.aor.excused import EXCUSED_CODES
from service.text import REPLACEMENT

DAY_HOURS = Decimal(24)
# Hours read from "7:20" carry four decimal places; a cent of an hour is no disagreement.
TOLERANCE = Decimal("0.01")

NEEDS_ACTION = "needs_action"
NOTE = "note"
# Each finding's severity, the one place it is decided. "Needs action" marks the report in
# the inbox: the EC must act or check with the provider. A "note" is shown, never marked.
# A code not listed (a reader's new finding) needs action until it is placed here.
SEVERITY = {
    # The reader's problems (parsers/aor_assemble.py): a value staff cannot rely on.
    "not_a_number": NEEDS_ACTION,
    "unreadable_date": NEEDS_ACTION,
    "unknown_value": NEEDS_ACTION,
    "missing_label": NEEDS_ACTION,
    "missing_value": NEEDS_ACTION,
    "invalid_value": NEEDS_ACTION,
    # This module's: rows and totals that do not add up, text that was not read cleanly.
    "duplicate_date": NEEDS_ACTION,
    "date_outside_month": NEEDS_ACTION,
    "day_over_24_hours": NEEDS_ACTION,
    "hours_above_scheduled": NEEDS_ACTION,
    "hours_below_scheduled": NEEDS_ACTION,
    "excused_without_code": NEEDS_ACTION,
    "unknown_excused_code": NEEDS_ACTION,
    "code_without_excused": NEEDS_ACTION,
    "printed_total_mismatch": NEEDS_ACTION,
    "text_not_clean": NEEDS_ACTION,
    "make_up_session": NOTE,
    # Hours still excused, just not countable as a holiday (service/aor/reading.py).
    "holiday_not_designated": NOTE,
    # Who sent it (service/aor/trust.py) and what was removed from it (service/aor/intake.py).
    "provider_mismatch": NEEDS_ACTION,
    "unknown_case_for_provider": NEEDS_ACTION,
    "active_content_removed": NOTE,
    # A scan read by OCR (parsers/aor_ocr.py): a value it was unsure of; that it was OCR.
    "needs_review": NEEDS_ACTION,
    "read_by_ocr": NOTE,
}

# The findings this module works out from a document's values (not the reader's problems).
DERIVED = frozenset({
    "duplicate_date", "date_outside_month", "day_over_24_hours", "hours_above_scheduled",
    "hours_below_scheduled", "excused_without_code", "unknown_excused_code",
    "code_without_excused", "printed_total_mismatch", "text_not_clean", "make_up_session",
    "holiday_not_designated",
})  # fmt: skip


def severity(code: str | None) -> str:
    return SEVERITY.get(code or "", NEEDS_ACTION)


def with_severity(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Stored findings each with its severity: one kept before severities were has none."""
    return [{**f, "severity": f.get("severity") or severity(f.get("code"))} for f in found]


def needing_action(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [f for f in with_severity(found) if f["severity"] == NEEDS_ACTION]


@dataclass(frozen=True)
class Finding:
    code: str
    message: str
    date: dt.date | None = None
    field: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        day = self.date.isoformat() if self.date else None
        return {
            "code": self.code,
            "message": self.message,
            "date": day,
            "field": self.field,
            "severity": severity(self.code),
        }


def findings(doc: AorDocument, month: tuple[int, int] | None = None) -> list[Finding]:
    """Parse problems first, then each row's findings in order, then the printed totals."""
    found = [Finding(p.code, p.message, p.date, p.field) for p in doc.problems]
    found += _duplicates(doc.rows)
    for number, row in enumerate(doc.rows, 1):
        found += row_findings(row, number, month)
    found += total_findings(doc)
    found += unclean_findings(doc)
    return found


def unclean_findings(doc: AorDocument) -> list[Finding]:
    """Each value holding U+FFFD: a character the PDF gave no text for (or half a surrogate
    pair, replaced on the way out of the reader), so what it says must be checked."""
    out = [_unclean(name, name) for name, text in _texts(doc) if REPLACEMENT in text]
    for number, row in enumerate(doc.rows, 1):
        for name, text in _texts(row):
            if REPLACEMENT in text:
                where = row.date.isoformat() if row.date else f"row {number}"
                field = None if row.date else f"row:{number}"
                out.append(replace(_unclean(f"{where}: {name}", field), date=row.date))
    return out


def _texts(record: Any, prefix: str = "") -> Iterator[tuple[str, str]]:
    """The text values of a dataclass by dotted name, nested parts and ``raw`` cells included."""
    for part in fields(record):
        value, name = getattr(record, part.name), prefix + part.name
        if isinstance(value, str):
            yield name, value
        elif isinstance(value, dict):
            yield from ((f"{name}.{key}", text) for key, text in value.items())
        elif is_dataclass(value):
            yield from _texts(value, name + ".")


def _unclean(where: str, field: str | None) -> Finding:
    message = f"{where}: could not be read cleanly; a character is shown as {REPLACEMENT}"
    return Finding("text_not_clean", message, field=field)


def row_findings(row: AorRow, number: int, month: tuple[int, int] | None) -> list[Finding]:
    where = row.date.isoformat() if row.date else f"row {number}"
    field = None if row.date else f"row:{number}"

    def finding(code: str, message: str) -> Finding:
        return Finding(code, f"{where}: {message}", row.date, field)

    out: list[Finding] = []
    if row.date and month and (row.date.year, row.date.month) != month:
        out.append(finding("date_outside_month", "the date is not in the report month"))
    if row.raw:
        # A cell that is not a number is its own finding; sums that need it are unknown.
        return out + _code_findings(row, finding)
    recorded = row.attended + row.excused + row.unexcused
    if max(row.scheduled, recorded) > DAY_HOURS:
        out.append(finding("day_over_24_hours", "more than 24 hours in one day"))
    if not row.scheduled and recorded == row.attended > 0:
        text = (
            f"{_h(row.attended)} hours attended on a day with nothing scheduled (a make-up session)"
        )
        out.append(finding("make_up_session", text))
    elif recorded != row.scheduled:
        side = "above" if recorded > row.scheduled else "below"
        text = f"attended, excused and unexcused add to {_h(recorded)}, {side} the "
        out.append(finding(f"hours_{side}_scheduled", text + f"{_h(row.scheduled)} scheduled"))
    out += _code_findings(row, finding)
    return out


def _code_findings(row: AorRow, finding: Callable[[str, str], Finding]) -> list[Finding]:
    code = row.excused_code
    if "excused" in row.raw:
        return [] if not code or code in EXCUSED_CODES else [_unknown(code, finding)]
    if row.excused and not code:
        return [finding("excused_without_code", f"{_h(row.excused)} excused hours have no code")]
    out: list[Finding] = []
    if code and code not in EXCUSED_CODES:
        out.append(_unknown(code, finding))
    if code and not row.excused:
        out.append(finding("code_without_excused", f"code '{code}' but no excused hours"))
    return out


def _unknown(code: str, finding: Callable[[str, str], Finding]) -> Finding:
    return finding("unknown_excused_code", f"'{code}' is not an excused absence code")


def _duplicates(rows: tuple[AorRow, ...]) -> list[Finding]:
    counts = Counter(row.date for row in rows if row.date is not None)
    return [
        Finding("duplicate_date", f"{day.isoformat()}: the date appears {n} times", day)
        for day, n in counts.items()
        if n > 1
    ]


def total_findings(doc: AorDocument) -> list[Finding]:
    """Each printed total that disagrees with the sum of its column's rows."""
    if doc.printed_totals is None:
        return []
    out: list[Finding] = []
    for column in HOUR_COLUMNS:
        printed = getattr(doc.printed_totals, column)
        if any(column in row.raw for row in doc.rows):
            continue  # a row's cell is not a number: its sum is unknown
        summed = sum((row.hours(column) for row in doc.rows), Decimal(0))
        if printed is not None and abs(printed - summed) > TOLERANCE:
            message = f"the printed {column} total {_h(printed)} is not the rows' sum {_h(summed)}"
            out.append(Finding("printed_total_mismatch", message, field=f"printed_totals.{column}"))
    return out


def _h(value: Decimal) -> str:
    text = f"{value.quantize(Decimal('0.01')):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
