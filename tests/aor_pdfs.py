"""AOR PDFs drawn in the tests with reportlab, laid out the many ways contractors send them."""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache

from reportlab.lib.pagesizes import LETTER
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from tests.aor_spec import COLUMNS, EMPLOYMENT, SECTION_A, SECTION_C, SECTION_E, AorSpec

W, H = LETTER
LEFT = 40.0
BOTTOM = H - 50
HOURS = ("sched", "att", "exc", "unx")


@dataclass
class _Pen:
    """A canvas with a cursor measured from the top of the page, as the reader sees it."""

    spec: AorSpec
    canvas: Canvas
    y: float = 0.0
    page: int = 1

    @property
    def bold(self) -> str:
        bold = {"Times-Roman": "Times-Bold", "Courier": "Courier-Bold"}
        return bold.get(self.spec.font, "Helvetica-Bold")

    def text(self, x: float, top: float, text: str, size: float, font: str = "") -> None:
        self.canvas.setFont(font or self.spec.font, size)
        self.canvas.drawString(x, H - top - size, text)

    def width(self, text: str, size: float, font: str = "") -> float:
        return stringWidth(text, font or self.spec.font, size)

    def rule(self, x0: float, top: float, x1: float, bottom: float) -> None:
        self.canvas.line(x0, H - top, x1, H - bottom)

    def value(self, name: str, x: float, top: float, width: float) -> None:
        """A value as page text, or as a live field holding it when the spec is fillable."""
        size, text = self.spec.size, self.spec.field_value(name)
        if self.spec.fillable:
            self.canvas.acroForm.textfield(
                name=name,
                value=text,
                x=x,
                y=H - top - size - 3,
                width=width,
                height=size + 5,
                fontSize=size,
                borderWidth=0,
            )
            return
        wide = self.width(text, size)
        if self.spec.shrink_long_values and wide > width:
            # What a PDF editor does with a long value: a smaller font, on the same baseline.
            small = size * width / wide
            self.text(x, top + size - small, text, small)
            return
        self.text(x, top, text, size)

    def furniture(self) -> None:
        if self.spec.title:
            self.text(W / 2 - 85, 28, "County of Orange Social Services Agency", 8)
            self.text(W / 2 - 140, 42, "ATTENDANCE AND OUTCOME REPORT (AOR)", 13, self.bold)
            self.text(LEFT, H - 30, "F063-41-420 (R 08/22)", 7)
        self.text(W - 100, H - 30, f"Page {self.page}", 7)
        self.y = 70.0

    def new_page(self) -> None:
        self.canvas.showPage()
        self.page += 1
        self.furniture()

    def room(self, height: float) -> None:
        if self.y + height > BOTTOM:
            self.new_page()

    def heading(self, text: str) -> None:
        self.room(3 * self.spec.size + 20)
        self.text(LEFT, self.y, text, self.spec.size + 2, self.bold)
        self.y += self.spec.size + 10


def render(spec: AorSpec) -> bytes:
    """The PDF ``spec`` describes: Sections A to E over as many pages as they take."""
    buffer = io.BytesIO()
    pen = _Pen(spec, Canvas(buffer, pagesize=LETTER))
    pen.furniture()
    _section(pen, "A. Participant and Activity", spec.labels(SECTION_A))
    _table(pen)
    section_c = SECTION_C + (EMPLOYMENT if spec.employment else ())
    _section(pen, "C. Outcome", spec.labels(section_c))
    _comments(pen)
    _section(pen, "E. Prepared By", spec.labels(SECTION_E))
    pen.text(LEFT, pen.y + 6, "Signature: ______________________________", spec.size)
    pen.canvas.showPage()
    pen.canvas.save()
    return buffer.getvalue()


def _comments(pen: _Pen) -> None:
    spec = pen.spec
    pen.heading("D. Comments")
    lines = spec.value.get("comments", "").splitlines()
    if spec.fillable:
        height = 3 * (spec.size + 4)
        pen.canvas.acroForm.textfield(
            name="comments",
            value="\n".join(lines),
            x=LEFT,
            y=H - pen.y - height,
            width=W - 2 * LEFT,
            height=height,
            fontSize=spec.size,
            borderWidth=0,
            fieldFlags="multiline",
        )
        pen.y += height
    for line in [] if spec.fillable else lines:
        pen.text(LEFT, pen.y, line, spec.size)
        pen.y += spec.size + 4
    pen.y += 8


def _section(pen: _Pen, title: str, labels: list[tuple[str, str]]) -> None:
    if title:
        pen.heading(title)
    step = pen.spec.columns
    for n in range(0, len(labels), step):
        pair = labels[n : n + step]
        if pen.spec.layout == "above":
            _above(pen, pair)
        else:
            _beside(pen, pair)
    pen.y += 6


def _label(pen: _Pen, text: str) -> str:
    return pen.spec.label(text)


def _beside(pen: _Pen, pair: list[tuple[str, str]]) -> None:
    """Label, then its value at a tab stop; pairs side by side, as word processors do.

    A label or value too wide for its room wraps onto more lines, as in a table cell.
    """
    size, column = pen.spec.size, (W - 2 * LEFT) / pen.spec.columns
    tab = 70.0 if pen.spec.wrap_labels else min(118.0, 0.5 * column)
    pen.room(3 * (size + 2))
    tallest = 1
    for n, (key, text) in enumerate(pair):
        x = LEFT + n * column
        label = _label(pen, text)
        lines = _wrap(pen, label, tab - 8, size)
        for i, part in enumerate(lines):
            pen.text(x, pen.y + i * (size + 2), part, size)
        taken = _value_lines(pen, key, x + tab, pen.y, column - tab - 8)
        tallest = max(tallest, len(lines), taken)
    pen.y += (tallest + 1) * (size + 2) + 2


def _above(pen: _Pen, pair: list[tuple[str, str]]) -> None:
    """A grid of cells: a small label on top, its value under it."""
    size, column = pen.spec.size, (W - 2 * LEFT) / pen.spec.columns
    values = [_lines(pen, key, column - 12) for key, _text in pair]
    height = 2 * size + 10 + (max(len(v) for v in values) - 1) * (size + 2)
    pen.room(height + 4)
    for n, (key, text) in enumerate(pair):
        x = LEFT + n * column
        if pen.spec.ruled:
            pen.canvas.rect(x, H - pen.y - height, column - 6, height)
        pen.text(x + 2, pen.y + 2, _label(pen, text), size - 1.5)
        _value_lines(pen, key, x + 2, pen.y + size + 3, column - 12)
    pen.y += height + 4


def _lines(pen: _Pen, key: str, width: float) -> list[str]:
    """A value's lines when wrapped in ``width``; one line when it fits or shrinks to fit."""
    text, spec = pen.spec.field_value(key), pen.spec
    if spec.fillable or spec.shrink_long_values or pen.width(text, spec.size) <= width:
        return [text]
    return _wrap(pen, text, width, spec.size)


def _value_lines(pen: _Pen, key: str, x: float, top: float, width: float) -> int:
    """Draw a value, wrapped within ``width`` when it is too wide; the lines it took."""
    lines = _lines(pen, key, width)
    if len(lines) == 1:
        pen.value(key, x, top, width)
        return 1
    for i, part in enumerate(lines):
        pen.text(x, top + i * (pen.spec.size + 2), part, pen.spec.size)
    return len(lines)


def _wrap(pen: _Pen, text: str, width: float, size: float, font: str = "") -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if current and pen.width(trial, size, font) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    return [*lines, current]


@cache
def _columns(spec: AorSpec) -> list[tuple[str, str, float, float]]:
    """(heading, key, x, width) of each column drawn, widened for words that would not fit."""
    out, x = [], LEFT
    headings = dict(spec.headings)
    bold = _Pen(spec, Canvas(io.BytesIO())).bold
    for index, (heading, key, width) in enumerate(COLUMNS):
        if key in spec.omit_columns:
            continue
        text = headings.get(key, heading)
        words = [(w, bold) for w in spec.cased(text).split()]
        if key != "note":
            words += [(w, spec.font) for row in spec.rows for w in row[index].split()]
            width = max([width] + [stringWidth(w, f, spec.size) + 6 for w, f in words])
        else:  # the notes take what is left of the page, and wrap
            width = max(90.0, min(width, W - LEFT - 40 - x))
        out.append((text, key, x, width))
        x += width
    return out


def _table(pen: _Pen) -> None:
    spec = pen.spec
    pen.heading("B. Daily Attendance Record")
    _table_heading(pen)
    for n, row in enumerate(spec.rows):
        if n == spec.rows_on_first_page or pen.y + 2 * spec.size + 10 > BOTTOM:
            pen.new_page()
            if spec.repeat_ids:
                _section(pen, "", [(k, t) for k, t in SECTION_A[:2]])
            if spec.repeat_headings:
                pen.heading("B. Daily Attendance Record (continued)")
                _table_heading(pen)
        _table_row(pen, dict(zip([c[1] for c in COLUMNS], row, strict=True)), f"r{n + 1:02d}_")
    if spec.totals is not None:
        _table_row(pen, {"date": "TOTAL", **dict(zip(HOURS, spec.totals, strict=True))}, "tot_")
    pen.y += 10


def _table_heading(pen: _Pen) -> None:
    """Column headings, each wrapped within its column as a word processor wraps them."""
    size, lines = pen.spec.size, 1
    top = pen.y
    for heading, _key, x, width in _columns(pen.spec):
        wrapped = _wrap(pen, pen.spec.cased(heading), width - 4, size, pen.bold)
        lines = max(lines, len(wrapped))
        for i, part in enumerate(wrapped):
            pen.y = top + i * (size + 2)
            _cell(pen, part, x, width, pen.bold, pen.spec.heading_align)
    pen.y = top
    _grid(pen, lines)
    pen.y += size + 8 + (lines - 1) * (size + 2)


def _table_row(pen: _Pen, cells: dict[str, str], prefix: str) -> None:
    spec, size = pen.spec, pen.spec.size
    lines = 1
    for _heading, key, x, width in _columns(spec):
        text = cells.get(key, "")
        if spec.fillable and (prefix != "tot_" or key in HOURS):
            pen.value(prefix + key, x + 1, pen.y, width - 2)
        elif key == "note":
            wrapped = _wrap(pen, text, width - 4, size)
            lines = len(wrapped)
            for i, part in enumerate(wrapped):
                pen.text(x + 2, pen.y + i * (size + 2), part, size)
        else:
            align = spec.number_align if key in HOURS else "left"
            _cell(pen, text, x, width, spec.font if prefix != "tot_" else pen.bold, align)
    _grid(pen, lines)
    pen.y += size + 8 + (lines - 1) * (size + 2)


def _cell(pen: _Pen, text: str, x: float, width: float, font: str, align: str) -> None:
    size = pen.spec.size
    room = width - pen.width(text, size, font)
    offset = {"left": 2.0, "right": room - 3}.get(align, room / 2)
    pen.text(x + offset, pen.y, text, size, font)


def _grid(pen: _Pen, lines: int) -> None:
    if not pen.spec.ruled:
        return
    top = pen.y - 4
    bottom = pen.y + pen.spec.size + 4 + (lines - 1) * (pen.spec.size + 2)
    columns = _columns(pen.spec)
    right = columns[-1][2] + columns[-1][3]
    pen.rule(LEFT, top, right, top)
    pen.rule(LEFT, bottom, right, bottom)
    for x in [c[2] for c in columns] + [right]:
        pen.rule(x, top, x, bottom)


@cache
def pdf(spec: AorSpec) -> bytes:
    """The PDF for ``spec``, drawn once per test session."""
    return render(spec)
