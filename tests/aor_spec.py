"""What a test AOR says and how it is laid out; ``CLEAN`` is a report with no findings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

# (heading, key, width in points): Section B as the county prints it.
COLUMNS = (
    ("Date", "date", 62.0),
    ("Day", "day", 34.0),
    ("Scheduled", "sched", 56.0),
    ("Attended", "att", 54.0),
    ("Excused", "exc", 50.0),
    ("Code", "code", 36.0),
    ("Unexcused", "unx", 56.0),
    ("Notes", "note", 180.0),
)
SECTION_A = (
    ("participant_name", "Participant Name"),
    ("case_number", "Case Number"),
    ("cin", "CIN"),
    ("cm_name", "Case Manager"),
    ("cm_email", "CM Email"),
    ("activity", "Activity"),
    ("provider", "Provider"),
    ("worksite", "Worksite"),
    ("report_month", "Report Month"),
    ("report_type", "Report Type"),
    ("assigned_hours_week", "Assigned Hours per Week"),
    ("activity_start", "Activity Start Date"),
    ("activity_end", "Activity End Date"),
)
SECTION_C = (("outcome", "Outcome"), ("employed", "Employed"))
EMPLOYMENT = (
    ("emp_name", "Employer Name"),
    ("emp_address", "Employer Address"),
    ("emp_occupation", "Occupation"),
    ("emp_hours_week", "Hours per Week"),
    ("emp_wage", "Hourly Wage"),
    ("emp_start", "Employment Start Date"),
)
SECTION_E = (
    ("prep_name", "Prepared By"),
    ("prep_title", "Title"),
    ("prep_phone", "Phone"),
    ("prep_email", "Email"),
    ("prep_date", "Date Submitted"),
)

Row = tuple[str, str, str, str, str, str, str, str]


def _february() -> tuple[Row, ...]:
    """Every weekday of February 2026 at 4 hours, with a holiday, an illness, a late day."""
    rows: list[Row] = []
    for day in range(1, 29):
        weekday = dt.date(2026, 2, day).strftime("%a")
        if weekday in ("Sat", "Sun"):
            continue
        date = f"02/{day:02d}/2026"
        attended, excused, code, unexcused, note = {
            10: ("2", "2", "ILL", "", "doctor's note"),
            16: ("", "4", "HOL", "", "Presidents' Day"),
            24: ("3", "", "", "1", "left early"),
        }.get(day, ("4", "", "", "", ""))
        rows.append((date, weekday, "4", attended, excused, code, unexcused, note))
    return tuple(rows)


@dataclass(frozen=True)
class AorSpec:
    """An AOR to draw; hashable, so each distinct one is drawn once per test session."""

    values: tuple[tuple[str, str], ...]
    rows: tuple[Row, ...]
    totals: tuple[str, str, str, str] | None = ("80", "73", "6", "1")
    layout: str = "beside"  # or "above": the label on top of its value
    colons: bool = True
    font: str = "Helvetica"
    size: float = 8.0
    ruled: bool = False
    wrap_labels: bool = False
    rows_on_first_page: int = 99
    repeat_headings: bool = True
    shrink_long_values: bool = False
    number_align: str = "left"
    heading_align: str = "left"
    omit_columns: frozenset[str] = frozenset()
    omit_labels: frozenset[str] = frozenset()
    headings: tuple[tuple[str, str], ...] = ()
    fillable: bool = False
    employment: bool = False
    title: bool = True
    label_case: str = "title"  # or "upper", "lower", "sentence": labels and column headings
    columns: int = 2  # label-value pairs to a line in Sections A, C and E
    repeat_ids: bool = False  # Participant Name and Case Number again over a continued table

    @property
    def value(self) -> dict[str, str]:
        return dict(self.values)

    def labels(self, section: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
        return [(k, t) for k, t in section if k not in self.omit_labels]

    def cased(self, text: str) -> str:
        """A label or heading in this spec's letter case."""
        if self.label_case == "upper":
            return text.upper()
        if self.label_case == "lower":
            return text.lower()
        if self.label_case == "sentence":
            return text[:1] + text[1:].lower()
        return text

    def label(self, text: str) -> str:
        """A label as printed: in this spec's case, with or without its colon."""
        return f"{self.cased(text)}:" if self.colons else self.cased(text)

    def field_value(self, name: str) -> str:
        """The value a live field holds: Section A to E by key, rows by ``rNN_col``."""
        if name.startswith("r") and name[1:3].isdigit():
            number, column = int(name[1:3]), name[4:]
            if number > len(self.rows):
                return ""
            keys = [key for _h, key, _w in COLUMNS]
            return self.rows[number - 1][keys.index(column)]
        if name.startswith("tot_"):
            order = ("sched", "att", "exc", "unx")
            return self.totals[order.index(name[4:])] if self.totals else ""
        return self.value.get(name, "")

    def with_values(self, **values: str) -> AorSpec:
        return replace(self, values=tuple({**self.value, **values}.items()))

    def with_row(self, index: int, **cells: str) -> AorSpec:
        """A copy with some cells of row ``index`` (0-based) changed."""
        keys = [key for _h, key, _w in COLUMNS]
        row = list(self.rows[index])
        for key, text in cells.items():
            row[keys.index(key)] = text
        rows = list(self.rows)
        rows[index] = (row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7])
        return replace(self, rows=tuple(rows))


CLEAN = AorSpec(
    values=(
        ("participant_name", "Ramírez, José"),
        ("case_number", "K62GSAR"),
        ("cin", "57916128D"),
        ("cm_name", "Rosa Delgado"),
        ("cm_email", "cm.34@ssa.ocgov.example"),
        ("activity", "JSR"),
        ("provider", "Coastline Career Pathways, Inc."),
        ("worksite", "Anaheim Public Library"),
        ("report_month", "02/2026"),
        ("report_type", "Monthly"),
        ("assigned_hours_week", "20"),
        ("activity_start", "01/05/2026"),
        ("activity_end", ""),
        ("outcome", "Continuing"),
        ("employed", "No"),
        ("comments", "Participant is doing well.\nBus pass renewed on 02/11."),
        ("prep_name", "Dana Whitfield"),
        ("prep_title", "Talent Development Specialist"),
        ("prep_phone", "(714) 555-7621"),
        ("prep_email", "tds@equus.example"),
        ("prep_date", "03/04/2026"),
    ),
    rows=_february(),
)
