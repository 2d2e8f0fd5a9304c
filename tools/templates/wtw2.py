"""Authors form_templates/wtw2.docx, the WTW 2 Welfare-to-Work Plan, Activity Assignment."""

from __future__ import annotations

import re

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from tools.templates.common import (
    checkboxes,
    field_grid,
    paragraph,
    repeat_table,
    save,
    section_heading,
    set_column_widths,
    signatures,
    text_box,
)
from tools.templates.page import new_form

SECTION_BAR = re.compile(r"^\d+\. \S")  # any script: "4. 活動分派"
CARE = "supportive_services.child_care"
RIDE = "supportive_services.transportation"
# The closed-day fact beside the date, as every form prints a calendar-day deadline.
REASSIGNMENT_DEADLINE = (
    "{{ computed.reassignment_deadline|us_date or 'None' }}"
    "{% if computed.reassignment_deadline_note %} "
    "({{ computed.reassignment_deadline_note }}){% endif %}"
)
ACTIVITY_HEADINGS = (
    "No.",
    "Activity",
    "Description",
    "T/E",
    "Provider or employer / location",
    "Hrs/wk",
    "Days and times",
    "Start and end",
    "Concurrent with",
)


def build() -> None:
    doc = new_form(
        ["WELFARE-TO-WORK PLAN – ACTIVITY ASSIGNMENT", "{{ county.agency }} · {{ office.name }}"]
    )
    _plan(doc)
    _participant(doc)
    _requirement(doc)
    _activities(doc)
    _supportive_services(doc)
    _change_rights(doc)
    section_heading(doc, 7, "Notes")
    text_box(doc, "Notes", "{{ notes }}")
    section_heading(doc, 8, "Signatures")
    signatures(
        doc,
        [
            ("participant", "{{ participant.name }}", "{{ plan_date|us_date }}"),
            ("Employment Counselor", "{{ ec.name }}", "{{ plan_date|us_date }}"),
        ],
        attestation="I have read this plan, or it was read to me. I agree to take part in the "
        "activities above and understand the supportive services the county will provide.",
    )
    field_grid(
        doc,
        [
            [
                ("Employment Counselor", "{{ ec.name }}"),
                ("EC worker no.", "{{ ec.worker_number }}"),
                ("EC phone", "{{ ec.phone }}"),
                ("EC email", "{{ ec.email }}"),
            ]
        ],
    )
    _keep_boxes_whole(doc)
    save(doc, "wtw2.docx")


def _keep_boxes_whole(doc: Document) -> None:
    # A box split over two pages leaves its label on one page and its value on the next,
    # and a section bar at the foot of a page is cut off from its section.
    for table in doc.tables:
        for row in table.rows:
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        if len(table.rows) == 1 and SECTION_BAR.match(table.cell(0, 0).text):
            table.cell(0, 0).paragraphs[0].paragraph_format.keep_with_next = True
            spacer = table._tbl.getnext()
            if spacer is not None and spacer.tag == qn("w:p"):
                Paragraph(spacer, table._parent).paragraph_format.keep_with_next = True


def _plan(doc: Document) -> None:
    section_heading(doc, 1, "Plan")
    checkboxes(
        doc,
        [
            ("plan_type == 'initial'", "Initial plan"),
            ("plan_type == 'amended'", "Amended plan"),
            ("exempt_volunteer", "Exempt volunteer (takes part by choice)"),
        ],
    )
    field_grid(
        doc,
        [
            [
                ("Plan date (date signed)", "{{ plan_date|us_date }}"),
                ("Amends the plan dated", "{{ amends_plan_dated|us_date }}"),
                ("Appraisal date", "{{ appraisal_date|us_date }}"),
            ],
            [("Reason for amendment", "{{ amendment_reason }}")],
            [
                (
                    "90 days to sign run from",
                    "{{ plan_due_from.event }}{% if plan_due_from.date %}\n"
                    "{{ plan_due_from.date|us_date }}{% endif %}",
                ),
                ("First plan due by (WIC 11325.21)", "{{ computed.plan_due|us_date }}"),
                ("Reason signed late", "{{ late_reason }}"),
            ],
        ],
    )


def _participant(doc: Document) -> None:
    section_heading(doc, 2, "Participant and case")
    field_grid(
        doc,
        [
            [
                ("Participant name", "{{ participant.name }}"),
                ("Case name", "{{ case_name }}"),
                ("Case number", "{{ case_number }}"),
                ("CIN", "{{ participant.cin }}"),
            ],
            [
                ("Participant phone", "{{ participant.phone }}"),
                ("County", "{{ county.name }}"),
                ("Office", "{{ office.name }}"),
                ("Office phone", "{{ office.phone }}"),
            ],
            [
                ("Written language", "{{ language|language_name }}"),
                ("Office address", "{{ office.address }}"),
            ],
        ],
    )


def _requirement(doc: Document) -> None:
    section_heading(doc, 3, "Weekly participation requirement")
    checkboxes(
        doc,
        [
            ("household.two_parent_family", "Two-parent family"),
            ("household.parent_disabled", "A parent is disabled"),
            ("household.child_under_six", "Child under 6"),
            ("household.pregnant_no_other_child", "Pregnant, no other child"),
        ],
        label="Household",
    )
    table = repeat_table(
        doc,
        ["Child in the household", "Birth date"],
        "c in household.children",
        ["{{ c.name }}", "{{ c.birth_date|us_date }}"],
        empty="No children listed.",
    )
    set_column_widths(table, [5.5, 2.0])
    other = "household.other_parent"
    field_grid(
        doc,
        [
            [
                ("Expected delivery date", "{{ household.expected_delivery_date|us_date }}"),
                ("Other parent", "{{ " + other + ".name }}"),
                ("Other parent's CIN", "{{ " + other + ".cin }}"),
            ],
            [
                ("Other parent's hours per week", "{{ " + other + ".hours_per_week|hours }}"),
                (
                    "Other parent's hours from",
                    "{% if " + other + ".hours_from == 'plan' %}their plan dated "
                    "{{ " + other + ".plan_date|us_date }}{% elif " + other + ".name %}"
                    "typed by the EC{% endif %}",
                ),
            ],
            [
                ("Hours required per week", "{{ computed.requirement_hours }}"),
                ("Basis (WIC 11322.8)", "{{ computed.requirement_basis }}"),
            ],
        ],
    )
    table = repeat_table(
        doc,
        ["Requirement changes on", "Hours required", "Basis", "Because"],
        "c in computed.requirement_changes",
        ["{{ c.date|us_date }}", "{{ c.hours }}", "{{ c.basis }}", "{{ c.reason }}"],
        empty="No change during the plan.",
    )
    set_column_widths(table, [1.4, 1.1, 2.5, 2.5])


def _activities(doc: Document) -> None:
    section_heading(doc, 4, "Activity assignment")
    table = repeat_table(
        doc,
        ACTIVITY_HEADINGS,
        "a in activities",
        [
            "{{ a.computed.number }}",
            "{{ a.type }}",
            "{{ a.description }}",
            "{{ a.computed.training_education|box }}",
            "{{ a.provider }}\n{{ a.location }}",
            "{{ a.hours_per_week|hours }}",
            "{{ a.days_and_times }}",
            "{{ a.start_date|us_date }} to\n{{ a.end_date|us_date or 'ongoing' }}",
            "{{ a.computed.concurrent_with }}",
        ],
        empty="No activity assigned.",
    )
    set_column_widths(table, [0.35, 1.05, 1.1, 0.3, 1.45, 0.45, 1.0, 0.95, 0.85])
    paragraph(
        doc,
        "T/E: a training or education activity. Employment counts as an activity; its employer "
        "is the provider. Activities that run at the same time are concurrent: their hours are "
        "added together against the requirement.",
        size=7.5,
    )
    table = repeat_table(
        doc,
        ["From", "To", "Concurrent activities", "Total hours per week", "Requirement met"],
        "p in computed.schedule",
        [
            "{{ p.start|us_date }}",
            "{{ p.end|us_date or 'Ongoing' }}",
            "{{ p.activities }}",
            "{{ p.hours|hours }}",
            "{{ (not p.short)|yes_no }}{% if p.partial_week %} (partial week){% endif %}",
        ],
    )
    set_column_widths(table, [1.0, 1.0, 2.5, 1.5, 1.5])
    field_grid(
        doc,
        [
            [
                ("Total weekly hours (lowest period)", "{{ computed.total_hours|hours }}"),
                ("With the other parent's hours", "{{ computed.combined_hours|hours }}"),
                (
                    "Requirement met",
                    "{{ computed.meets_requirement|yes_no }}{% if exempt_volunteer and not "
                    "computed.meets_requirement %} (exempt volunteer){% endif %}",
                ),
            ]
        ],
    )


def _supportive_services(doc: Document) -> None:
    section_heading(doc, 5, "Supportive services")
    checkboxes(doc, [(f"{CARE}.needed", "Yes"), (f"not {CARE}.needed", "No")], "Child care")
    field_grid(doc, [[("Child care provider", "{{ " + CARE + ".provider }}")]])
    table = repeat_table(
        doc,
        ["Child needing care", "Birth date"],
        f"c in {CARE}.children",
        ["{{ c.name }}", "{{ c.birth_date|us_date }}"],
        empty="No children listed.",
    )
    set_column_widths(table, [5.5, 2.0])
    checkboxes(doc, [(f"{RIDE}.needed", "Yes"), (f"not {RIDE}.needed", "No")], "Transportation")
    field_grid(
        doc,
        [
            [
                ("Mode of transportation", "{{ " + RIDE + ".mode }}"),
                ("Monthly amount", "{{ " + RIDE + ".monthly_amount|money }}"),
            ]
        ],
    )
    table = repeat_table(
        doc,
        ["Ancillary item", "Amount"],
        "i in supportive_services.ancillary",
        ["{{ i.item }}", "{{ i.amount|money }}"],
        empty="No ancillary items.",
    )
    set_column_widths(table, [5.5, 2.0])
    field_grid(doc, [[("Total ancillary", "{{ computed.ancillary_total|money }}")]])


def _change_rights(doc: Document) -> None:
    section_heading(doc, 6, "Your right to ask for changes")
    paragraph(
        doc,
        "You may ask for changes to this plan within 3 working days after you sign it. If this "
        "plan assigns your first training or education activity, you may also ask, once, to be "
        "reassigned to another activity within 30 days after that activity starts.",
        size=8.5,
    )
    field_grid(
        doc,
        [
            [
                ("Last day to ask for changes", "{{ computed.change_request_deadline|us_date }}"),
                (
                    "Last day to ask for reassignment",
                    REASSIGNMENT_DEADLINE,
                ),
            ],
            [("Reassignment", "{{ computed.reassignment_note }}")],
        ],
    )
    checkboxes(
        doc,
        [
            ("training_started_before", "Began training or education under an earlier plan"),
            ("reassignment_used", "One-time reassignment already used"),
        ],
    )


if __name__ == "__main__":
    build()
