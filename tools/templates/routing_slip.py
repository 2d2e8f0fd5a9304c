"""Authors form_templates/50-20e.docx."""

from __future__ import annotations

from docx.document import Document
from docx.shared import Inches

from tools.templates.common import (
    checkboxes,
    field_grid,
    paragraph,
    repeat_table,
    save,
    section_heading,
    signatures,
    text_box,
)
from tools.templates.page import new_form

BLANK = "______________________"
CHECKLIST = (
    ("discontinued_status_verified", "Discontinued status verified in CalWIN Inquiry"),
    ("activities_end_dated", "All activities end-dated"),
    ("supportive_services_ended", "Supportive services ended and notice sent to the individual"),
    ("notice_63_62_sent", "63-62 CalFresh E&T option notice sent (TCF or NACF household)"),
    ("case_comments_entered", "Case comments entered with the reason for closing"),
    ("registration_status_closed", "Registration status is Closed in CalWIN"),
)


def _is(expr: str, value: str) -> str:
    # Parenthesised: ``|box`` binds tighter than ``==``.
    return f"({expr} == '{value}')"


def _or_blank(expr: str) -> str:
    return "{{ " + expr + " or '" + BLANK + "' }}"


def build() -> None:
    doc = new_form(
        ["CASE ASSIGNMENT AND ROUTING SLIP", "CalWORKs Welfare-to-Work Employment Services"],
        header_line="Case name: {{ case_name }}\tCase No.: {{ case_number }}",
        footer_middle="{{ case_name }}",
    )
    _case(doc)
    _action_and_workers(doc)
    _closed_files(doc)
    section_heading(doc, 6, "Comments")
    text_box(doc, "Comments", "{{ comments }}")
    _sign_off(doc)
    save(doc, "50-20e.docx")


def _case(doc: Document) -> None:
    section_heading(doc, 1, "Case")
    field_grid(
        doc,
        [
            [
                ("Case number", "{{ case_number }}"),
                ("Case name", "{{ case_name }}"),
                ("Date of this slip", "{{ slip_date|us_date }}"),
            ]
        ],
    )
    repeat_table(
        doc,
        ["Participant name", "CIN", "Role in case"],
        "p in participants",
        ["{{ p.name }}", "{{ p.cin }}", "{{ p.role }}"],
        widths=(3.9, 1.4, 2.2),
    )


def _action_and_workers(doc: Document) -> None:
    section_heading(doc, 2, "Action")
    checkboxes(
        doc,
        [
            (_is("action", "new_assignment"), "New assignment"),
            (_is("action", "transfer"), "Transfer to another EC or unit"),
            (_is("action", "closed_files"), "Route to closed files"),
        ],
    )
    field_grid(doc, [[("Route case to", "{{ computed.route_to }}")]])
    section_heading(doc, 3, "From")
    field_grid(doc, [_worker_row("from_ec", "Employment Counselor")])
    section_heading(doc, 4, "To (new assignment or transfer)")
    field_grid(doc, [_worker_row("to_ec", "EC receiving the case")])


def _worker_row(key: str, who: str) -> list[tuple[str, str]]:
    return [
        (who, "{{ " + key + ".name }}"),
        ("Worker no.", "{{ " + key + ".worker_number }}"),
        ("Unit", "{{ " + key + ".unit }}"),
        ("Office", "{{ " + key + ".office.name }}"),
    ]


def _closed_files(doc: Document) -> None:
    section_heading(doc, 5, "Closed files (cases discontinued more than 30 days)")
    c = "closed_files"
    field_grid(
        doc,
        [
            [
                ("Closed files bank", "{{ computed.closed_files_bank }}"),
                ("Discontinuance date", "{{ " + c + ".discontinuance_date|us_date }}"),
                ("Days since discontinuance", "{{ computed.days_since_discontinuance }}"),
                (
                    "Eligible for closed files on",
                    "{{ computed.eligible_for_closed_files_on|us_date }}",
                ),
            ]
        ],
    )
    checkboxes(
        doc,
        [
            (_is(f"{c}.reason", "cash_aid_closed"), "Cash aid closed"),
            (_is(f"{c}.reason", "time_on_aid_exhausted"), "Time on aid exhausted"),
            (_is(f"{c}.reason", "removed_other_reason"), "Removed from aid, other reason"),
        ],
        label="Reason",
    )
    field_grid(doc, [[("Other reason / details", "{{ " + c + ".reason_detail }}")]])
    checkboxes(
        doc,
        [
            (_is(f"{c}.good_cause_deferral", "none"), "None"),
            (_is(f"{c}.good_cause_deferral", "good_cause"), "Good cause"),
            (_is(f"{c}.good_cause_deferral", "deferral"), "Deferral (case stays with EC)"),
        ],
        label="Good cause / deferral",
    )
    checkboxes(
        doc,
        [
            (_is(f"{c}.household_calfresh", "none"), "None"),
            (_is(f"{c}.household_calfresh", "tcf"), "Transitional CalFresh (TCF)"),
            (_is(f"{c}.household_calfresh", "nacf"), "Non-Assistance CalFresh (NACF)"),
        ],
        label="Household CalFresh",
    )
    paragraph(doc, "EC CLOSING CHECKLIST", size=7, bold=True)
    for key, caption in CHECKLIST:
        paragraph(doc, "{{ " + f"{c}.checklist.{key}" + "|box }} " + caption)


def _sign_off(doc: Document) -> None:
    section_heading(doc, 7, "Approval and routing")
    signatures(
        doc,
        [
            ("Employment Counselor", "{{ from_ec.name }}", "{{ slip_date|us_date }}"),
            (
                "EC Supervisor (approval)",
                _or_blank("supervisor.name"),
                _or_blank("supervisor.approved_on|us_date"),
            ),
        ],
    )
    paragraph(doc, "CLERICAL USE ONLY", size=7, bold=True)
    # The box is the blank: a drawn line in it would double its bottom edge.
    clerical = field_grid(
        doc,
        [
            [
                ("Routed to", "{{ clerical.routed_to }}"),
                ("Date routed", "{{ clerical.routed_on|us_date }}"),
                ("Clerk's initials", "{{ clerical.initials }}"),
            ]
        ],
    )
    clerical.rows[0].height = Inches(0.45)  # room to write by hand


if __name__ == "__main__":
    build()
