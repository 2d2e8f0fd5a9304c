"""Authors form_templates/f063-41-251.docx."""

from __future__ import annotations

from docx import Document
from docx.shared import Inches, Pt

from schemas.referral import ACTIVITIES
from tools.templates.common import (
    LABEL_SIZE,
    check_table,
    field_grid,
    paragraph,
    repeat_table,
    save,
    section_heading,
    set_column_widths,
    text_box,
)
from tools.templates.page import new_form

OFFICE = (
    "{% if office %}{{ computed.office.name }}, {{ computed.office.address }}, "
    "{{ computed.office.phone }}{% endif %}"
)
HOUSEHOLD = (
    ("two_parent_family", "Two-parent family"),
    ("parent_disabled", "A parent is disabled"),
    ("child_under_six", "Child under 6"),
    ("pregnant_no_other_child", "Pregnant, no other child"),
)


def box_line(doc: Document, label: str, items: list[tuple[str, str]], guard: str = "") -> None:
    """One line of check boxes; with ``guard``, printed only when that value is given."""
    par = doc.add_paragraph()
    run = par.add_run(label.upper() + "  ")
    run.font.size = LABEL_SIZE
    run.bold = True
    par.add_run("{% if " + guard + " %}" if guard else "")
    for expr, caption in items:
        par.add_run("{{ (" + expr + ")|box }} " + caption + "    ")
    par.add_run("{% else %}Not given.{% endif %}" if guard else "")
    # A thin gap, as between the other blocks.
    paragraph(doc, "", size=2).paragraph_format.line_spacing = Pt(2)


def from_and_to(doc: Document) -> None:
    section_heading(doc, 1, "From: Case Manager")
    field_grid(
        doc,
        [
            [
                ("Case Manager", "{{ case_manager.name }}"),
                ("Worker no.", "{{ case_manager.worker_number }}"),
                ("Phone", "{{ case_manager.phone }}"),
                ("Email", "{{ case_manager.email }}"),
            ],
            [("Regional office", OFFICE)],
        ],
    )
    section_heading(doc, 2, "To: Contractor")
    field_grid(
        doc,
        [
            [
                ("Contractor", "{{ computed.contractor_name }}"),
                ("Code", "{{ contractor_id }}"),
                ("Send to mailbox", "{{ computed.contractor_mailbox }}"),
            ]
        ],
    )
    section_heading(doc, 3, "Participant")
    field_grid(
        doc,
        [
            [
                ("Participant name", "{{ participant.name }}"),
                ("Case number", "{{ case_number }}"),
                ("CIN", "{{ participant.cin }}"),
                ("Phone", "{{ participant.phone }}"),
                ("Language", "{{ participant.language }}"),
            ]
        ],
    )


BENEFIT = "{{% if benefits %}}{{{{ benefits.{}|money }}}}{{% endif %}}"
PRIOR_MONTHS = "{{ prior_exprt_months|join(', ') if prior_exprt_months else 'None' }}"
WORK_EXPERIENCE_CAP = (
    "{% if computed.work_experience_week is not none %}"
    "{{ computed.work_experience_week|hours }} h a week, "
    "{{ computed.work_experience_month|hours }} h a month ({{ computed.work_experience_basis }})"
    "{% endif %}"
)


def activity(doc: Document) -> None:
    section_heading(doc, 4, "Activity referred to")
    box_line(doc, "Activity", [(f"activity == '{code}'", code) for code in ACTIVITIES])
    field_grid(
        doc,
        [
            [
                ("Activity", "{{ computed.activity_name }}"),
                ("If other, describe", "{{ activity_other }}"),
            ]
        ],
    )
    field_grid(
        doc,
        [
            [
                ("Hours per week", "{{ hours_per_week|hours }}"),
                ("Length (months)", "{{ length_months }}"),
                ("Referral date", "{{ referral_date|us_date }}"),
                ("Start date", "{{ start_date|us_date }}"),
                ("End date", "{{ computed.end_date|us_date }}"),
            ],
            [
                ("EXPRT 6-month evaluation", "{{ computed.exprt_evaluation_date|us_date }}"),
                ("EXPRT 12-month limit", "{{ computed.exprt_limit_date|us_date }}"),
                ("New WTW 2 plan (extends EXPRT)", "{{ new_wtw2_plan_date|us_date }}"),
                ("First AOR due", "{{ computed.first_aor_due|us_date }}"),
                ("Final AOR due", "{{ computed.final_aor_due|us_date }}"),
            ],
            [
                ("Earlier EXPRT months", PRIOR_MONTHS),
                ("EXPRT months counted, with this", "{{ computed.exprt_months_total }}"),
                ("Current EXPRT began", "{{ computed.exprt_began|us_date }}"),
            ],
            [
                ("Monthly cash grant", BENEFIT.format("monthly_grant")),
                ("Monthly CalFresh", BENEFIT.format("monthly_calfresh")),
                ("Unpaid work experience cap", WORK_EXPERIENCE_CAP),
            ],
        ],
    )


def hours(doc: Document) -> None:
    section_heading(doc, 5, "Concurrent activities and hours")
    table = repeat_table(
        doc,
        ["Concurrent activity", "Provider / employer", "Hours per week"],
        "c in concurrent_activities",
        ["{{ c.activity }}", "{{ c.provider }}", "{{ c.hours_per_week|hours }}"],
        empty="No concurrent activities.",
    )
    set_column_widths(table, (3.0, 3.3, 1.2))
    box_line(
        doc,
        "Household",
        [(f"household.{key}", caption) for key, caption in HOUSEHOLD],
        guard="household",
    )
    field_grid(
        doc,
        [
            [
                ("Total hours per week", "{{ computed.total_hours|hours }}"),
                ("Weekly requirement", "{{ computed.weekly_requirement }}"),
                ("Basis of the requirement", "{{ computed.requirement_basis }}"),
            ]
        ],
    )


def services(doc: Document) -> None:
    section_heading(doc, 6, "Assessment and supportive services")
    box_line(doc, "Assessment", [("assessment_attached", "Assessment results attached")])
    check_table(
        doc,
        ("Supportive service", "Needed", "Notes"),
        [
            (label, f"supportive_services.{key}", f"supportive_services.{key}_notes")
            for key, label in (
                ("child_care", "Child care"),
                ("transportation", "Transportation"),
                ("ancillary", "Ancillary"),
            )
        ],
    )


def build() -> None:
    doc = new_form(["EMPLOYMENT SERVICES REFERRAL", "CalWORKs Welfare-to-Work"])
    from_and_to(doc)
    activity(doc)
    hours(doc)
    services(doc)
    section_heading(doc, 7, "Notes")
    text_box(doc, "Notes for the contractor", "{{ notes }}")
    grid = field_grid(
        doc,
        [
            [
                ("Signature of Case Manager", ""),
                ("Printed name", "{{ case_manager.name }}"),
                ("Date", "{{ referral_date|us_date }}"),
            ]
        ],
    )
    # Room to sign by hand.
    grid.rows[0].height = Inches(0.5)
    save(doc, "f063-41-251.docx")


if __name__ == "__main__":
    build()
