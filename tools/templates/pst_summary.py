"""Authors form_templates/42-176.docx."""

from __future__ import annotations

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt
from docx.table import Table

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

AGENDA = (
    ("purpose", "Purpose of meeting"),
    ("supportive_services", "Supportive services"),
    ("goal_achievement", "CW 2.0 goal achievement / status and progress"),
    ("opportunities_changes", "Opportunities / changes"),
    ("job_opportunities", "Job opportunities"),
    ("wen_cs", "WEN / CS"),
    ("wtw2_amendments", "Amendments to WTW 2"),
    ("goal_revision", "Revision to goals (Goal, Plan, Do, Review/Revise)"),
)
ROLE_CELL = "{{ computed.role_labels[a.role] }}{% if a.other_role %}: {{ a.other_role }}{% endif %}"
METHODS = (
    ("phone", "Phone"),
    ("video", "Video"),
    ("in_person", "In person"),
    ("email", "Email (client unavailable)"),
)


def agenda_table(doc: Document) -> None:
    """One fixed row per handbook agenda topic: the topic, a discussed box, the notes."""
    check_table(
        doc,
        ("Topic", "Discussed", "Notes"),
        [(label, f"agenda.{key}.discussed", f"agenda.{key}.notes") for key, label in AGENDA],
    )


def keep_together(doc: Document, first_table: Table) -> None:
    """Keep the sign-off block on one page: a signature torn from its heading is useless."""
    body = list(doc.element.body.iterchildren())
    block = body[body.index(first_table._tbl) :]
    for element in block:
        for tr in element.iter(qn("w:tr")):
            tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    paragraphs = [p for el in block for p in el.iter(qn("w:p"))]
    for p in paragraphs[:-1]:
        p.get_or_add_pPr().get_or_add_keepNext()


def meeting_line(doc: Document) -> None:
    """Meeting type and how it was held, as one line of check boxes."""
    groups = (
        ("Meeting", (("initial", "Initial"), ("follow_up", "Follow-up")), "meeting_type"),
        ("Held by", tuple(METHODS), "method"),
    )
    par = doc.add_paragraph()
    for label, choices, field in groups:
        run = par.add_run(label.upper() + "  ")
        run.font.size = LABEL_SIZE
        run.bold = True
        for value, caption in choices:
            par.add_run("{{ (" + f"{field} == '{value}'" + ")|box }} " + caption + "   ")
        par.add_run("      ")
    # A thin gap, as between the other blocks.
    paragraph(doc, "", size=2).paragraph_format.line_spacing = Pt(2)


def with_note(name: str) -> str:
    """A computed deadline and, when it lands on a closed day, that fact."""
    return (
        f"{{{{ computed.{name}|us_date }}}}{{% if computed.{name}_note %}} "
        f"({{{{ computed.{name}_note }}}}){{% endif %}}"
    )


def client_and_meeting(doc: Document) -> None:
    section_heading(doc, 1, "Client information")
    field_grid(
        doc,
        [
            [
                ("Client name", "{{ participant.name }}"),
                ("Case number", "{{ case_number }}"),
                ("CIN", "{{ participant.cin }}"),
                ("Phone", "{{ participant.phone }}"),
            ]
        ],
    )
    section_heading(doc, 2, "Meeting")
    meeting_line(doc)
    field_grid(
        doc,
        [
            [
                ("Meeting date", "{{ meeting_date|us_date }}"),
                ("SP notice to EC (initial)", "{{ provider_notice_date|us_date }}"),
                ("EC scheduled it on", "{{ scheduled_date|us_date }}"),
                ("Schedule by (a week after notice)", with_note("initial_meeting_due")),
                ("Scheduled days late", "{{ computed.days_late }}"),
            ],
            [
                ("WTW 2 plan date", "{{ wtw2_plan_date|us_date }}"),
                ("Meet by, when possible (30 days after plan)", with_note("plan_meeting_target")),
                ("Why the client was unavailable (email)", "{{ client_unavailable_reason }}"),
            ],
        ],
    )


def attendees_and_summary(doc: Document) -> None:
    section_heading(doc, 3, "Attendees")
    table = repeat_table(
        doc,
        ["Role", "Name", "Organization / unit"],
        "a in attendees",
        [
            ROLE_CELL,
            "{{ a.name }}",
            "{{ a.organization }}",
        ],
    )
    set_column_widths(table, (2.3, 2.4, 2.8))
    section_heading(doc, 4, "Service provider's upfront summary")
    field_grid(doc, [[("Prepared by (service provider)", "{{ provider_summary.prepared_by }}")]])
    barriers = repeat_table(
        doc,
        ["Identified barrier (OCAT appraisal)", "Recommendation"],
        "b in provider_summary.barriers",
        ["{{ b.barrier }}", "{{ b.recommendation }}"],
        empty="No barriers identified.",
    )
    goals = repeat_table(
        doc,
        ["Identified goal (CW 2.0 interview)", "Plan"],
        "g in provider_summary.goals",
        ["{{ g.goal }}", "{{ g.plan }}"],
        empty="No goals identified.",
    )
    for table in (barriers, goals):
        set_column_widths(table, (3.0, 4.5))
    text_box(doc, "Recommendations for EC review", "{{ provider_summary.recommendations_for_ec }}")


def build() -> None:
    doc = new_form(["PROGRAM SUPPORT TEAM (PST) MEETING", "Upfront Activity and Meeting Summary"])
    client_and_meeting(doc)
    attendees_and_summary(doc)
    section_heading(doc, 5, "Agenda topics")
    agenda_table(doc)
    section_heading(doc, 6, "EC additions and changes")
    text_box(doc, "Additions and changes by the Employment Counselor", "{{ ec_additions }}")
    first = len(doc.tables)
    section_heading(doc, 7, "Sign-off")
    grid = field_grid(
        doc,
        [
            [
                ("Signature of Employment Counselor", ""),
                ("EC name", "{{ ec.name }}"),
                ("EC worker no.", "{{ ec.worker_number }}"),
                ("Date signed off", "{{ ec_signed_date|us_date }}"),
            ],
            [
                ("Next PST meeting", "{{ next_meeting_date|us_date }}"),
                ("EC phone", "{{ ec.phone }}"),
                ("EC email", "{{ ec.email }}"),
            ],
            [
                ("EC supervisor", "{{ supervisor.name }}"),
                ("Supervisor initials", "{{ supervisor.initials }}"),
                ("Date initialed", "{{ supervisor.date|us_date }}"),
            ],
        ],
    )
    # Room to sign by hand.
    grid.rows[0].height = Inches(0.5)
    keep_together(doc, doc.tables[first])
    save(doc, "42-176.docx")


if __name__ == "__main__":
    build()
