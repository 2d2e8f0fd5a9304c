"""The county's fillable AOR (F063-41-420), blank or with Section A filled in."""

from __future__ import annotations

import io
from collections.abc import Mapping
from functools import cache

from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen.canvas import Canvas

from parsers.pdf_fields import fill_fields

PDF_MIME = "application/pdf"
FORM_FOOTER = "F063-41-420 (R 08/22)"
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
# (heading, field suffix, width in points)
COLUMNS = (
    ("Date", "date", 62),
    ("Scheduled", "sched", 56),
    ("Attended", "att", 56),
    ("Excused", "exc", 52),
    ("Code", "code", 40),
    ("Unexcused", "unx", 58),
    ("Notes", "note", 216),
)
TOTALS = {"sched": "tot_sched", "att": "tot_att", "exc": "tot_exc", "unx": "tot_unx"}
SECTION_C = (
    ("outcome", "Outcome"),
    ("employed", "Employed"),
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
LEFT, WIDTH, PAGES = 36.0, 540.0, 2
ROW_HEIGHT = 13.0


def blank_aor(section_a: Mapping[str, str] | None = None) -> bytes:
    """A two-page fillable AOR; ``section_a`` pre-fills fields such as ``case_number``."""
    blank = _blank()
    values = {k: v for k, v in (section_a or {}).items() if v}
    # reportlab's field appearances are Latin-1 only; pypdf fills any Unicode value.
    return fill_fields(blank, values) if values else blank


@cache
def _blank() -> bytes:
    values: dict[str, str] = {}
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=LETTER, pageCompression=1)
    canvas.setTitle("Attendance and Outcome Report (AOR) F063-41-420")
    canvas.setAuthor("County of Orange Social Services Agency")
    y = _page_top(canvas, 1)
    y = _labelled_fields(canvas, "A. Participant and Activity", SECTION_A, values, y, 2)
    _attendance(canvas, y - 8)
    canvas.showPage()
    y = _page_top(canvas, 2)
    y = _labelled_fields(canvas, "C. Outcome", SECTION_C, values, y, 2)
    y = _heading(canvas, "D. Comments", y - 6)
    _field(canvas, "comments", LEFT, y - 70, WIDTH, 66, values.get("comments", ""), multiline=True)
    y = _labelled_fields(canvas, "E. Prepared By", SECTION_E, values, y - 84, 2)
    canvas.setFont("Helvetica", 8)
    canvas.line(LEFT + 100, y - 24, LEFT + 330, y - 24)
    canvas.drawString(LEFT, y - 24, "Signature:")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _page_top(canvas: Canvas, page: int) -> float:
    top = LETTER[1] - 40
    canvas.setFont("Helvetica", 9)
    canvas.drawCentredString(LETTER[0] / 2, top, "County of Orange Social Services Agency")
    canvas.setFont("Helvetica-Bold", 14)
    canvas.drawCentredString(LETTER[0] / 2, top - 18, "ATTENDANCE AND OUTCOME REPORT (AOR)")
    canvas.setFont("Helvetica", 7)
    canvas.drawString(LEFT, 24, FORM_FOOTER)
    canvas.drawRightString(LEFT + WIDTH, 24, f"Page {page} of {PAGES}")
    return top - 40


def _heading(canvas: Canvas, text: str, y: float) -> float:
    canvas.setFont("Helvetica-Bold", 10)
    canvas.drawString(LEFT, y, text)
    return y - 8


def _labelled_fields(
    canvas: Canvas,
    title: str,
    items: tuple[tuple[str, str], ...],
    values: Mapping[str, str],
    y: float,
    columns: int,
) -> float:
    """Label beside value, ``columns`` pairs to a line."""
    y = _heading(canvas, title, y) - 14
    column_width = WIDTH / columns
    for index, (name, label) in enumerate(items):
        x = LEFT + (index % columns) * column_width
        canvas.setFont("Helvetica-Bold", 8)
        canvas.drawString(x, y + 3, f"{label}:")
        label_width = canvas.stringWidth(f"{label}: ", "Helvetica-Bold", 8)
        width = column_width - label_width - 10
        _field(canvas, name, x + label_width, y, width, 13, values.get(name, ""))
        if index % columns == columns - 1 or index == len(items) - 1:
            y -= 18
    return y


def _attendance(canvas: Canvas, y: float) -> None:
    y = _heading(canvas, "B. Daily Attendance Record", y) - 12
    x = LEFT
    canvas.setFont("Helvetica-Bold", 7.5)
    for heading, _suffix, width in COLUMNS:
        canvas.rect(x, y, width, ROW_HEIGHT)
        canvas.drawString(x + 2, y + 3.5, heading)
        x += width
    for row in range(1, 32):
        y -= ROW_HEIGHT
        _row(canvas, y, {s: f"r{row:02d}_{s}" for _h, s, _w in COLUMNS})
    y -= ROW_HEIGHT
    canvas.setFont("Helvetica-Bold", 7.5)
    canvas.drawString(LEFT + 2, y + 3.5, "TOTAL")
    _row(canvas, y, {s: TOTALS[s] for s in TOTALS}, skip_first=True)


def _row(canvas: Canvas, y: float, names: Mapping[str, str], skip_first: bool = False) -> None:
    x = LEFT
    for index, (_heading_text, suffix, width) in enumerate(COLUMNS):
        canvas.rect(x, y, width, ROW_HEIGHT)
        if suffix in names and not (skip_first and index == 0):
            _field(canvas, names[suffix], x + 1, y + 1, width - 2, ROW_HEIGHT - 2, "", font=7.5)
        x += width


def _field(
    canvas: Canvas,
    name: str,
    x: float,
    y: float,
    width: float,
    height: float,
    value: str,
    multiline: bool = False,
    font: float = 8,
) -> None:
    canvas.acroForm.textfield(
        name=name,
        tooltip=name,
        x=x,
        y=y,
        width=width,
        height=height,
        value=value,
        fontName="Helvetica",
        fontSize=font,
        borderWidth=0,
        fillColor=None,
        fieldFlags="multiline" if multiline else "",
        maxlen=2000 if multiline else 200,
    )
