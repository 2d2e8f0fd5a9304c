"""Authors form_templates/42-6.docx."""

from __future__ import annotations

from docx.document import Document

from tools.templates.common import (
    checkboxes,
    field_grid,
    repeat_table,
    save,
    section_heading,
    set_column_widths,
    signatures,
    text_box,
)
from tools.templates.page import new_form

DATE = "{{{{ cause_determination.{}|us_date }}}}"
PLANS = (
    ("agreed", "Offered and agreed"),
    ("refused", "Offered and refused"),
    ("not_followed", "Agreed, not followed"),
    ("no_contact", "Participant neither came nor called"),
)
GOOD_CAUSE_END = (
    "{{ computed.good_cause_period_ends|us_date }}"
    "{% if computed.good_cause_period_ends_note %} ({{ computed.good_cause_period_ends_note }})"
    "{% endif %}"
)


def build() -> None:
    doc = new_form(["EMPLOYMENT COUNSELOR NOTICE TO", "ELIGIBILITY SERVICES TECHNICIAN OF RECORD"])
    for part in (_to_and_from, _participant, _action, _noncompliance, _dates):
        part(doc)
    section_heading(doc, 6, "Comments")
    text_box(doc, "Comments", "{{ comments }}")
    signatures(doc, [("Employment Counselor", "{{ ec.name }}", "{{ notice_date|us_date }}")])
    save(doc, "42-6.docx")


def _to_and_from(doc: Document) -> None:
    section_heading(doc, 1, "To and from")
    table = field_grid(
        doc,
        [
            [
                ("To: EST of record", "{{ est.name }}"),
                ("EST worker no.", "{{ est.worker_number }}"),
                ("EST phone", "{{ est.phone }}"),
                ("EST email", "{{ est.email }}"),
            ],
            [
                ("From: Employment Counselor", "{{ ec.name }}"),
                ("EC worker no.", "{{ ec.worker_number }}"),
                ("EC phone", "{{ ec.phone }}"),
                ("EC email", "{{ ec.email }}"),
            ],
            [("Date of this notice", "{{ notice_date|us_date }}")],
        ],
    )
    # Room for a whole county email address on one line (the PDF test caught it wrapping).
    set_column_widths(table, (2.1, 1.1, 1.2, 3.1))


def _participant(doc: Document) -> None:
    section_heading(doc, 2, "Participant")
    field_grid(
        doc,
        [
            [
                ("Participant name", "{{ participant.name }}"),
                ("Case number", "{{ case_number }}"),
                ("CIN", "{{ participant.cin }}"),
                ("Phone", "{{ participant.phone }}"),
            ]
        ],
    )


def _action(doc: Document) -> None:
    section_heading(doc, 3, "Action")
    checkboxes(
        doc,
        [
            ("action == 'noncompliance_initiated'", "Noncompliance initiated"),
            ("action == 'cause_determination'", "Cause determination"),
            ("action == 'compliance_plan_agreed'", "Compliance plan agreed"),
        ],
    )
    checkboxes(
        doc,
        [
            ("action == 'sanction_imposed'", "Impose sanction"),
            ("action == 'sanction_cured'", "Sanction cured / removed"),
        ],
    )
    checkboxes(
        doc,
        [
            ("good_cause_found == true", "Good cause found"),
            ("good_cause_found == false", "Good cause not found"),
        ],
        label="Cause determination outcome",
    )
    field_grid(
        doc,
        [
            [
                ("Cause determination appointment", DATE.format("appointment_date")),
                ("Rescheduled (once) to", DATE.format("rescheduled_date")),
            ]
        ],
    )
    checkboxes(
        doc,
        [(f"cause_determination.compliance_plan == '{key}'", label) for key, label in PLANS],
        label="Compliance plan (WIC 11327.4)",
    )


def _noncompliance(doc: Document) -> None:
    section_heading(doc, 4, "Noncompliance")
    field_grid(
        doc,
        [[("WTW activity", "{{ activity.type }}"), ("Provider", "{{ activity.provider }}")]],
    )
    repeat_table(
        doc,
        ["Date(s) of noncompliance"],
        "day in noncompliance_dates",
        ["{{ day|us_date }}"],
        empty="No dates listed.",
    )
    text_box(doc, "What happened", "{{ what_happened }}")


def _dates(doc: Document) -> None:
    section_heading(doc, 5, "Notice of action and sanction dates")
    field_grid(
        doc,
        [
            [
                ("Notice of action date", "{{ noa_date|us_date }}"),
                ("20-day good cause period ends", GOOD_CAUSE_END),
                ("Earliest effective date", "{{ computed.earliest_effective_date|us_date }}"),
                ("Sanction effective date", "{{ sanction_effective_date|us_date }}"),
            ]
        ],
    )


if __name__ == "__main__":
    build()
