"""An AOR as a flow of blocks (headings, label grids, tables, page breaks) for office producers."""

from __future__ import annotations

from dataclasses import dataclass

from tests.aor_spec import COLUMNS, EMPLOYMENT, SECTION_A, SECTION_C, SECTION_E, AorSpec

AGENCY = "County of Orange Social Services Agency"
TITLE = "ATTENDANCE AND OUTCOME REPORT (AOR)"
FORM = "F063-41-420 (R 08/22)"
HOURS = ("sched", "att", "exc", "unx")


@dataclass(frozen=True)
class Title:
    text: str
    size: float
    bold: bool


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Fields:
    """Label-value pairs, ``columns`` pairs to a line; each label as printed."""

    pairs: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Table:
    """Section B's headings (None when not repeated), rows, and TOTAL row (None when absent)."""

    headings: tuple[str, ...] | None
    rows: tuple[tuple[str, ...], ...]
    total: tuple[str, ...] | None


@dataclass(frozen=True)
class Text:
    lines: tuple[str, ...]


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Title | Heading | Fields | Table | Text | PageBreak


def blocks(spec: AorSpec) -> list[Block]:
    """The AOR ``spec`` describes, top to bottom, with its page break when the table splits."""
    out: list[Block] = [Title(AGENCY, 8, False), Title(TITLE, 13, True)]
    out += [Heading(spec.cased("A. Participant and Activity")), _fields(spec, SECTION_A)]
    out.append(Heading(spec.cased("B. Daily Attendance Record")))
    headings = tuple(spec.cased(h) for h, _k, _w in COLUMNS)
    split = min(spec.rows_on_first_page, len(spec.rows))
    total = None
    if spec.totals:
        sched, att, exc, unx = spec.totals
        total = ("TOTAL", "", sched, att, exc, "", unx, "")
    if split < len(spec.rows):
        out += [Table(headings, spec.rows[:split], None), PageBreak()]
        if spec.repeat_ids:
            out.append(_fields(spec, SECTION_A[:2]))
        if spec.repeat_headings:
            out.append(Heading(spec.cased("B. Daily Attendance Record (continued)")))
        out.append(Table(headings if spec.repeat_headings else None, spec.rows[split:], total))
    else:
        out.append(Table(headings, spec.rows, total))
    section_c = SECTION_C + (EMPLOYMENT if spec.employment else ())
    out += [Heading(spec.cased("C. Outcome")), _fields(spec, section_c)]
    out += [Heading(spec.cased("D. Comments")), Text(tuple(spec.value["comments"].splitlines()))]
    out += [Heading(spec.cased("E. Prepared By")), _fields(spec, SECTION_E)]
    out.append(Text(("Signature: ______________________________",)))
    return out


def _fields(spec: AorSpec, section: tuple[tuple[str, str], ...]) -> Fields:
    return Fields(tuple((spec.label(text), spec.value.get(key, "")) for key, text in section))


def aligned(spec: AorSpec, column: int) -> str:
    """How a cell of Section B's ``column`` (0-based) is aligned: left, right or center."""
    return spec.number_align if COLUMNS[column][1] in HOURS else "left"


def column_widths(spec: AorSpec, room: float = 540.0) -> list[float]:
    """Section B's column widths in points, each wide enough for its longest word.

    Word processors and spreadsheets do not measure for their authors; this stands for the
    author who widened a column until its dates stopped wrapping. Notes take the rest.
    """
    tables = [b for b in blocks(spec) if isinstance(b, Table)]
    texts = [tables[0].headings or (), *spec.rows, *(t.total for t in tables if t.total)]
    widths = []
    for index in range(len(COLUMNS) - 1):
        words = [word for row in texts if row for word in row[index].split()]
        widths.append(max(text_width(spec, word) for word in words) * 1.1 + 14)
    return [*widths, max(room - sum(widths), 90.0)]


def text_width(spec: AorSpec, text: str) -> float:
    """A generous estimate of ``text``'s width in points in ``spec``'s font and size."""
    if "Mono" in spec.font or "Courier" in spec.font:
        return 0.6 * spec.size * len(text)
    ems = sum(0.72 if ch.isupper() else 0.58 if ch.isdigit() else 0.52 for ch in text)
    return ems * spec.size * (1.12 if "DejaVu" in spec.font else 1.0)
