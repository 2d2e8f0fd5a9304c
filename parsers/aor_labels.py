"""The AOR's printed labels and fillable field names (SPEC.md), and which of them are required."""

from __future__ import annotations

from dataclasses import dataclass, field

# Field key (the fillable version's field name), label as printed, section letter.
LABELS: tuple[tuple[str, str, str], ...] = (
    ("participant_name", "Participant Name", "A"),
    ("case_number", "Case Number", "A"),
    ("cin", "CIN", "A"),
    ("cm_name", "Case Manager", "A"),
    ("cm_email", "CM Email", "A"),
    ("activity", "Activity", "A"),
    ("provider", "Provider", "A"),
    ("worksite", "Worksite", "A"),
    ("report_month", "Report Month", "A"),
    ("report_type", "Report Type", "A"),
    ("assigned_hours_week", "Assigned Hours per Week", "A"),
    ("activity_start", "Activity Start Date", "A"),
    ("activity_end", "Activity End Date", "A"),
    ("outcome", "Outcome", "C"),
    ("employed", "Employed", "C"),
    ("emp_name", "Employer Name", "C"),
    ("emp_address", "Employer Address", "C"),
    ("emp_occupation", "Occupation", "C"),
    ("emp_hours_week", "Hours per Week", "C"),
    ("emp_wage", "Hourly Wage", "C"),
    ("emp_start", "Employment Start Date", "C"),
    ("comments", "Comments", "D"),
    ("prep_name", "Prepared By", "E"),
    ("prep_title", "Title", "E"),
    ("prep_phone", "Phone", "E"),
    ("prep_email", "Email", "E"),
    ("prep_date", "Date Submitted", "E"),
    ("signature", "Signature", "E"),
)
LABEL_TEXT = {key: text for key, text, _ in LABELS}
SECTION_OF = {key: section for key, _, section in LABELS}

SECTION_A = tuple(key for key, _, section in LABELS if section == "A")
SECTION_E = ("prep_name", "prep_title", "prep_phone", "prep_email", "prep_date")
REQUIRED_LABELS = (*SECTION_A, "outcome", "employed", *SECTION_E)
EMPLOYMENT_LABELS = tuple(key for key, _, _ in LABELS if key.startswith("emp_"))
REQUIRED_VALUES = (
    "participant_name",
    "case_number",
    "cin",
    "activity",
    "provider",
    "report_month",
    "report_type",
    "assigned_hours_week",
    "activity_start",
    "outcome",
    "employed",
    "prep_name",
    "prep_date",
)

# Section B's columns by fillable suffix, and the heading words that name each of them.
COLUMNS: dict[str, tuple[str, ...]] = {
    "date": ("date",),
    "day": ("day",),
    "sched": ("scheduled", "sched"),
    "att": ("attended", "att"),
    "exc": ("excused", "exc"),
    "code": ("code",),
    "unx": ("unexcused", "unexc", "unx"),
    "note": ("notes", "note"),
}
REQUIRED_COLUMNS = ("date", "sched", "att", "exc", "code", "unx")
HOUR_FIELDS = {"sched": "scheduled", "att": "attended", "exc": "excused", "unx": "unexcused"}
TOTAL_FIELDS = {"tot_sched": "sched", "tot_att": "att", "tot_exc": "exc", "tot_unx": "unx"}


@dataclass
class RawAor:
    """An AOR as strings, whichever way it was read: the common input of ``assemble``.

    ``values`` holds only the labels or fields that were found (an empty string when the
    label was there with nothing after it); ``rows`` maps column suffixes to cell text.
    """

    source: str
    page_count: int
    values: dict[str, str] = field(default_factory=dict)
    rows: list[dict[str, str]] = field(default_factory=list)
    totals: dict[str, str] | None = None
    missing_columns: list[str] = field(default_factory=list)
