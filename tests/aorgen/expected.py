"""What a drawn AOR must read as, and the fields a reading got right or wrong."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from parsers.aor_model import AorDocument
from parsers.aor_values import activity_code
from service.aor.reading import build_reading
from tests.aor_spec import SECTION_A, AorSpec

HEADER = (
    *(key for key, _label in SECTION_A),
    "outcome",
    "employed",
    "prep_name",
    "prep_title",
    "prep_phone",
    "prep_email",
    "prep_date",
)
EMPLOYMENT = (
    "emp_name",
    "emp_address",
    "emp_occupation",
    "emp_hours_week",
    "emp_wage",
    "emp_start",
)
# Everything compared, in report order: header fields, then the other parts of a reading.
FIELDS = (*HEADER, *EMPLOYMENT, "comments", "rows", "printed_totals", "no_findings")


def _date(text: str) -> dt.date | None:
    return dt.datetime.strptime(text, "%m/%d/%Y").date() if text else None


def _hours(text: str) -> Decimal:
    """Hours as the generator wrote them (its minutes are quarter hours, so exact)."""
    if ":" in text:
        hours, minutes = text.split(":")
        return Decimal(hours) + Decimal(minutes) / 60
    return Decimal(text) if text.strip("-") else Decimal(0)


def expected(spec: AorSpec) -> dict[str, Any]:
    """Each field as ``read_aor`` should give it for ``spec``."""
    v = spec.value
    month, year = v["report_month"].split("/")
    out: dict[str, Any] = {key: v.get(key, "") for key in HEADER}
    out |= {
        "activity": activity_code(v["activity"]),
        "report_month": f"{year}-{month}",
        "report_type": v["report_type"].lower(),
        "assigned_hours_week": Decimal(v["assigned_hours_week"]),
        "activity_start": _date(v["activity_start"]),
        "activity_end": _date(v["activity_end"]),
        "outcome": v["outcome"].lower(),
        "employed": v["employed"] == "Yes",
        "prep_date": _date(v["prep_date"]),
        "comments": v.get("comments", ""),
        "rows": [_row(row, int(year)) for row in spec.rows if any(_hours(h) for h in row[2:5])],
        "printed_totals": [_hours(t) for t in spec.totals] if spec.totals else None,
        "no_findings": [],
    }
    if spec.employment:
        out |= {key: v[key] for key in EMPLOYMENT}
        out |= {"emp_hours_week": Decimal(v["emp_hours_week"]), "emp_start": _date(v["emp_start"])}
        out["emp_wage"] = Decimal(v["emp_wage"].lstrip("$"))
    return out


def _row(row: tuple[str, ...], year: int) -> tuple[Any, ...]:
    date, _day, sched, att, exc, code, unx, note = row
    day = dt.datetime.strptime(date if date.count("/") == 2 else f"{date}/{year}", "%m/%d/%Y")
    hours = tuple(_hours(h) for h in (sched, att, exc, unx))
    return (day.date(), *hours, code or None, note)


def got(doc: AorDocument) -> dict[str, Any]:
    """The same fields as ``expected`` gives them, read from ``doc``."""
    out: dict[str, Any] = {key: getattr(doc, key, None) for key in HEADER}
    prep = doc.prepared_by
    out |= {"prep_name": prep.name, "prep_title": prep.title, "prep_phone": prep.phone}
    out |= {"prep_email": prep.email, "prep_date": doc.submitted_date, "comments": doc.comments}
    job = doc.employment
    if job is not None:
        names = ("employer_name", "employer_address", "occupation", "hours_week", "hourly_wage")
        for key, name in zip(EMPLOYMENT, (*names, "start_date"), strict=True):
            out[key] = getattr(job, name)
    out["rows"] = [
        (r.date, r.scheduled, r.attended, r.excused, r.unexcused, r.excused_code, r.note)
        for r in doc.rows
    ]
    printed = doc.printed_totals
    out["printed_totals"] = None if printed is None else list(vars(printed).values())
    # The generator codes HOL on any day it draws: the note that a day is not on the county's
    # holiday list is about what was drawn, not how it was read.
    found = build_reading(doc)["findings"]
    out["no_findings"] = [f["code"] for f in found if f["code"] != "holiday_not_designated"]
    return out


def check(spec: AorSpec, doc: AorDocument) -> dict[str, tuple[Any, Any]]:
    """The fields read wrong: field name to (read, drawn). Empty when all is right."""
    want, have = expected(spec), got(doc)
    wrong = {key: (have.get(key), want[key]) for key in want if have.get(key) != want[key]}
    if not {k: w for k, w in wrong.items() if k != "no_findings"}:
        return wrong  # read right: any finding left is a false one
    # A finding on a misread document is the misreading's echo, not a failure of its own.
    wrong.pop("no_findings", None)
    return wrong
