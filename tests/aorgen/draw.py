"""Draw one AOR that SPEC.md allows: its values, its daily rows and totals, and its layout."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import replace
from decimal import Decimal

from parsers.aor_values import ACTIVITIES
from tests.aor_spec import CLEAN, AorSpec, Row
from tests.aorgen.blocks import column_widths
from tests.aorgen.choices import Choices
from tests.aorgen.hours import written_hours

# Fictional people and places. Latin-1 letters suit every font; the others only the real fonts
# LibreOffice and Chromium embed (reportlab's built-in fonts cannot show them).
FIRST = ("José", "María", "Zoë", "Renée", "D'Andre", "Mary-Jo", "Ngoc", "Søren", "Ana Lucía")
LAST = ("Ramírez", "O'Brien", "García-López", "Nuñez", "Müller", "Smith", "D'Angelo", "Le")
WIDE_FIRST = ("Văn Kim", "Łukasz", "Thảo")
WIDE_LAST = ("Nguyễn", "Trần", "Wróbel")
STAFF = ("Rosa Delgado", "Kim Park", "Lee Chen", "Ana Rivera", "Sam O'Neil")
PROVIDERS = (
    "Coastline Career Pathways, Inc.",
    "Equus Workforce Solutions",
    "Goodwill of Orange County",
    "Santa Ana College - Adult Ed",
    "Job Corps",
)
WORKSITES = ("Anaheim Public Library", "", "OC Food Bank, Garden Grove", "City Hall")
NOTES = (
    "doctor's note",
    "bus late",
    "left at 2:30 for appt",
    "worked the second shift and stayed late to finish the inventory count",
    "make-up",
    "Presidents' Day",
)
OUTCOMES = ("Continuing", "Completed", "Employed", "Non-attendance", "Dropped", "Other")
CODES = ("ILL", "FAM", "APT", "CRT", "TRN", "OTH", "HOL")
DAY_HOURS = ("4", "8", "7.5", "6", "3.5", "5.25", "2")
SCHEDULES = {
    "weekdays": (0, 1, 2, 3, 4),
    "mwf": (0, 2, 4),
    "tth": (1, 3),
    "six": (0, 1, 2, 3, 4, 5),
}
FONTS = ("Helvetica", "Times-Roman", "Courier")
OFFICE_FONTS = ("Liberation Sans", "Liberation Serif", "Liberation Mono", "DejaVu Sans")


def draw_spec(c: Choices, producer: str) -> AorSpec:
    """An AOR with consistent rows (no finding is due) laid out as ``producer`` may draw it."""
    year, month = c.number(2024, 2026), c.number(1, 12)
    values = _values(c, producer, year, month)
    end = dt.date.fromisoformat(values.pop("_end")) if values.get("_end") else None
    rows, totals = _rows(c, year, month, end)
    spec = replace(CLEAN, values=tuple(values.items()), rows=rows, totals=totals)
    return _layout(c, spec, producer)


def _name(c: Choices, wide: bool) -> str:
    first = c.pick(FIRST + (WIDE_FIRST if wide else ()))
    last = c.pick(LAST + (WIDE_LAST if wide else ()))
    return c.pick((f"{last}, {first}", f"{first} {last}"))


def _code(c: Choices, low: int, high: int, digits: str = "0123456789") -> str:
    letters = "ABCDEFGHJKLMNPQRSTUVWXYZ" + digits
    return "".join(c.pick(letters) for _ in range(c.number(low, high)))


def _date(day: dt.date) -> str:
    return day.strftime("%m/%d/%Y")


def _values(c: Choices, producer: str, year: int, month: int) -> dict[str, str]:
    last_day = calendar.monthrange(year, month)[1]
    first = dt.date(year, month, 1)
    start = first - dt.timedelta(days=c.pick((0, 3, 40, 200)))
    final = c.chance(25)
    end = dt.date(year, month, c.number(15, last_day)) if final else None
    code = c.pick(tuple(ACTIVITIES))
    outcome = c.pick(OUTCOMES[1:]) if final else "Continuing"
    submitted = (end or dt.date(year, month, last_day)) + dt.timedelta(days=c.number(1, 6))
    values = {
        "participant_name": _name(c, producer != "reportlab"),
        "case_number": c.pick("BK") + _code(c, 6, 9),
        "cin": "".join(c.pick("0123456789") for _ in range(8)) + c.pick("ACDFX"),
        "cm_name": c.pick(STAFF),
        "cm_email": f"cm.{c.number(1, 99)}@ssa.ocgov.example",
        "activity": c.pick((code, f"{code} - {ACTIVITIES[code]}", ACTIVITIES[code])),
        "provider": c.pick(PROVIDERS),
        "worksite": c.pick(WORKSITES),
        "report_month": f"{month:02d}/{year}",
        "report_type": "Final" if final else "Monthly",
        "assigned_hours_week": c.pick(("20", "32", "12.5", "35")),
        "activity_start": _date(start),
        "activity_end": _date(end) if end else "",
        "outcome": outcome,
        "employed": "Yes" if outcome == "Employed" else "No",
        "comments": c.pick(("", "Participant is doing well.", "Bus pass renewed.\nOn track.")),
        "prep_name": c.pick(STAFF),
        "prep_title": c.pick(("Talent Development Specialist", "Case Coordinator")),
        "prep_phone": f"(714) 555-{c.number(1000, 9999)}",
        "prep_email": c.pick(("tds@equus.example", "intake@coastline.example")),
        "prep_date": _date(submitted),
        "_end": end.isoformat() if end else "",
    }
    if outcome == "Employed":
        values |= {
            "emp_name": c.pick(("Acme Tools", "Baker's Dozen Café")),
            "emp_address": "1 Main St, Irvine",
            "emp_occupation": c.pick(("Stock clerk", "Cashier")),
            "emp_hours_week": c.pick(("32", "20")),
            "emp_wage": c.pick(("$18.50", "$21")),
            "emp_start": _date(end or first),
        }
    return values


def _rows(
    c: Choices, year: int, month: int, end: dt.date | None
) -> tuple[tuple[Row, ...], tuple[str, str, str, str] | None]:
    """Daily rows written in one document's style, and the TOTAL row (or None)."""
    style = {
        "hours": c.pick(("decimal", "two places", "h:mm", "mixed")),
        "zero": c.pick(("", "-", "0", "mixed")),
        "fraction": c.pick((".5", "0.5")),
    }
    short = c.chance(40)
    blank_days = c.chance(30)
    days = SCHEDULES[c.pick(tuple(SCHEDULES))]
    per_day = Decimal(c.pick(DAY_HOURS))
    rows: list[Row] = []
    sums = [Decimal(0)] * 4
    for number in range(1, calendar.monthrange(year, month)[1] + 1):
        day = dt.date(year, month, number)
        if end and day > end:
            break
        date = day.strftime("%m/%d") if short else _date(day)
        weekday = day.strftime("%a")
        if day.weekday() not in days:
            if blank_days:
                zero = written_hours(c, Decimal(0), style)
                rows.append((date, weekday, zero, zero, "", "", "", ""))
            continue
        hours, code, note = _day(c, per_day)
        sums = [s + h for s, h in zip(sums, hours, strict=True)]
        cells = [written_hours(c, h, style) for h in hours]
        rows.append((date, weekday, cells[0], cells[1], cells[2], code, cells[3], note))
    if c.chance(20):
        return tuple(rows), None
    totals = [written_hours(c, s, {**style, "zero": "0"}) for s in sums]
    return tuple(rows), (totals[0], totals[1], totals[2], totals[3])


def _day(c: Choices, per_day: Decimal) -> tuple[tuple[Decimal, ...], str, str]:
    """(scheduled, attended, excused, unexcused), the excused code and a note for one day."""
    zero = Decimal(0)
    # Half a day in whole quarter hours, or half an hour ("bus late").
    part = c.pick((Decimal(int(per_day * 2)) / 4, Decimal("0.5")))
    kind = c.number(0, 9)
    note = c.pick(NOTES) if c.chance(15) else ""
    if kind == 0:
        return (per_day, zero, per_day, zero), c.pick(CODES), note
    if kind == 1:
        return (per_day, per_day - part, part, zero), c.pick(CODES), note
    if kind == 2:
        return (per_day, per_day - part, zero, part), "", note
    return (per_day, per_day, zero, zero), "", note


def _fitted(spec: AorSpec) -> AorSpec:
    """``spec`` in a size whose table fits the page, as its author would have made it."""
    while spec.size > 7 and sum(column_widths(spec)) > 540:
        spec = replace(spec, size=spec.size - 1)
    return spec


def _layout(c: Choices, spec: AorSpec, producer: str) -> AorSpec:
    fillable = producer == "reportlab" and c.chance(5)
    if fillable:  # a one-line field clips a long note, printed or flattened
        spec = replace(
            spec, rows=tuple((*r[:7], r[7] if len(r[7]) < 25 else "") for r in spec.rows)
        )
    split = c.chance(40) and len(spec.rows) > 6
    # Courier above 9 points no longer fits reportlab's fixed columns.
    font = c.pick(FONTS if producer == "reportlab" else OFFICE_FONTS)
    # Three pairs to a line leave no room for a value beside its label: forms put it under.
    columns = c.pick((2, 1, 3))
    layout = "above" if columns == 3 else c.pick(("beside", "above"))
    drawn = replace(
        spec,
        layout=layout,
        colons=c.pick((True, False)),
        label_case=c.pick(("title", "upper", "lower", "sentence")),
        columns=columns,
        font=font,
        size=float(c.pick((8, 7, 9) if font == "Courier" else (8, 7, 9, 10, 11))),
        ruled=c.chance(50),
        rows_on_first_page=c.number(3, len(spec.rows) - 3) if split else 99,
        repeat_headings=c.chance(50),
        repeat_ids=c.chance(50),
        number_align=c.pick(("left", "right", "center")),
        heading_align=c.pick(("left", "center")),
        employment=spec.value.get("outcome") == "Employed",
        fillable=fillable,
    )
    return drawn if producer == "reportlab" else _fitted(drawn)
