"""Authors form_templates/63-62.docx."""

from __future__ import annotations

from docx.document import Document
from docx.shared import Pt

from tools.templates.common import (
    checkboxes,
    field_grid,
    paragraph,
    save,
    section_heading,
    signatures,
)
from tools.templates.i18n import t
from tools.templates.page import new_form

SERVICES = (
    "Job search: help finding and applying for jobs",
    "Training and education to build your job skills",
    "Supportive services, such as help with transportation and other costs of taking part",
)


def build() -> None:
    doc = new_form(["CALFRESH EMPLOYMENT AND TRAINING", "OPTION TO CONTINUE EMPLOYMENT SERVICES"])
    _addresses(doc)
    _your_benefits(doc)
    _services(doc)
    _how_to_respond(doc)
    _response_slip(doc)
    save(doc, "63-62.docx")


def _addresses(doc: Document) -> None:
    paragraph(doc, "{{ office.name }} Office", bold=True)
    paragraph(doc, "{{ office.address }}    Telephone {{ office.phone }}", size=8.5)
    paragraph(doc, "")
    paragraph(doc, "{{ participant.name }}")
    paragraph(
        doc,
        "{{ mailing_address.street }}"
        "{% if mailing_address.unit %}, {{ mailing_address.unit }}{% endif %}",
    )
    paragraph(
        doc, "{{ mailing_address.city }}, {{ mailing_address.state }} {{ mailing_address.zip }}"
    )
    paragraph(doc, "")
    field_grid(
        doc,
        [
            [
                ("Notice date", "{{ notice_date|us_date }}"),
                ("Case number", "{{ case_number }}"),
                ("CIN", "{{ participant.cin }}"),
                ("Your phone", "{{ participant.phone }}"),
            ],
            [
                ("Preferred language", "{{ preferred_language }}"),
                ("Language of this notice", "{{ language|language_name }}"),
            ],
        ],
    )


def _your_benefits(doc: Document) -> None:
    section_heading(doc, 1, "Your benefits")
    paragraph(
        doc,
        "Your CalWORKs cash aid ended on {{ cash_aid_ended|us_date }}. "
        "You now receive {{ computed.calfresh_label }}."
        "{% if calfresh_type == 'tcf' %} Transitional CalFresh lasts up to 5 months after cash "
        "aid ends; yours ends on {{ computed.tcf_ends|us_date }}.{% endif %}",
    )
    paragraph(doc, "")
    checkboxes(
        doc,
        [
            ("(calfresh_type == 'tcf')", "Transitional CalFresh (TCF)"),
            ("(calfresh_type == 'nacf')", "Non-Assistance CalFresh (NACF)"),
        ],
        label="You receive",
    )
    field_grid(
        doc,
        [
            [
                ("Cash aid ended", "{{ cash_aid_ended|us_date }}"),
                ("Transitional CalFresh ends", "{{ computed.tcf_ends|us_date }}"),
                (
                    "Respond by",
                    "{{ computed.respond_by|us_date }}{% if computed.respond_by_note %} "
                    "({{ computed.respond_by_note }}){% endif %}",
                ),
            ]
        ],
    )


def _services(doc: Document) -> None:
    section_heading(doc, 2, "You may keep getting employment services")
    paragraph(
        doc,
        "Even though your cash aid has ended, you may keep getting employment services "
        "through the CalFresh Employment and Training program (CalFresh E&T). "
        "CalFresh E&T can help you with:",
    )
    for item in SERVICES:
        paragraph(doc, "\u2022  " + item)
    paragraph(doc, "")
    paragraph(
        doc,
        "CalFresh E&T is voluntary. You do not have to take part, and your CalFresh "
        "benefits will not stop or go down if you choose not to.",
        bold=True,
    )
    paragraph(doc, "")


def _how_to_respond(doc: Document) -> None:
    section_heading(doc, 3, "How to respond")
    paragraph(
        doc,
        "If you want to keep getting employment services, contact your Employment "
        "Counselor by {{ computed.respond_by|us_date }}. You may call, send an email, visit "
        "the office, or mail or bring the bottom part of this notice to the office.",
    )
    paragraph(doc, "")
    field_grid(
        doc,
        [
            [
                ("Your Employment Counselor", "{{ ec.name }}"),
                ("Telephone", "{{ ec.phone }}"),
                ("Email", "{{ ec.email }}"),
            ],
            [
                ("Worker no.", "{{ ec.worker_number }}"),
                ("Office", "{{ office.name }}"),
                ("Office telephone", "{{ office.phone }}"),
            ],
            [("Office address", "{{ office.address }}")],
        ],
    )


def _response_slip(doc: Document) -> None:
    # The tear-off part is one piece of paper: its answers never on a page apart from the
    # signature line under them.
    parts = [
        paragraph(doc, "- " * 108, size=7),
        paragraph(
            doc, "YOUR ANSWER: RETURN THIS PART BY {{ computed.respond_by|us_date }}", bold=True
        ),
        paragraph(doc, "Name: {{ participant.name }}    Case number: {{ case_number }}", size=8.5),
    ]
    for answer in (
        "Yes, I want to keep getting employment services through CalFresh E&T.",
        "No, not at this time.",
    ):
        # The box in a run of its own: LibreOffice misplaces Vietnamese accents in a run
        # that begins with a symbol taken from a fallback font.
        box = paragraph(doc, "\u2610  ")
        box.add_run(t(answer)).font.size = Pt(9.5)
        parts.append(box)
    for part in parts:
        part.paragraph_format.keep_with_next = True
    signatures(doc, [("recipient", "{{ participant.name }}", "____________")])


if __name__ == "__main__":
    build()
