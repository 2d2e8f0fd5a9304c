"""An AOR as a web page, as a case-management portal shows it for the browser to print."""

from __future__ import annotations

from html import escape

from tests.aor_spec import AorSpec
from tests.aorgen.blocks import (
    Fields,
    Heading,
    PageBreak,
    Table,
    Text,
    Title,
    aligned,
    blocks,
    column_widths,
)

STYLE = """
@page {{ size: letter; margin: 0.5in; }}
body {{ font-family: "{font}"; font-size: {size}pt; margin: 0; }}
p {{ margin: 0 0 1pt; }}
table {{ border-collapse: collapse; margin-bottom: 4pt; }}
table.grid {{ table-layout: fixed; width: {width}pt; }}
td, th {{ padding: 1pt 3pt; vertical-align: top; text-align: left; }}
table.ruled td, table.ruled th {{ border: 0.75pt solid #000; }}
.fields {{ width: 100%; }}
.label {{ font-size: {label}pt; }}
h2 {{ font-size: {heading}pt; margin: 6pt 0 3pt; }}
.break {{ break-after: page; }}
"""


def html(spec: AorSpec) -> str:
    parts = [
        '<!doctype html><html><head><meta charset="utf-8">',
        "<title>Attendance and Outcome Report</title><style>",
        STYLE.format(
            font=spec.font,
            size=spec.size,
            label=spec.size - 1.5,
            heading=spec.size + 2,
            width=sum(column_widths(spec)),
        ),
        "</style></head><body>",
    ]
    for block in blocks(spec):
        if isinstance(block, Title):
            weight = "bold" if block.bold else "normal"
            style = f"text-align:center;font-size:{block.size}pt;font-weight:{weight}"
            parts.append(f'<p style="{style}">{escape(block.text)}</p>')
        elif isinstance(block, Heading):
            parts.append(f"<h2>{escape(block.text)}</h2>")
        elif isinstance(block, Fields):
            parts.append(_fields(spec, block))
        elif isinstance(block, Table):
            grid = "grid ruled" if spec.ruled else "grid"
            parts.append(f'<table class="{grid}">{_table(spec, block)}</table>')
        elif isinstance(block, Text):
            parts += [f"<p>{escape(line)}</p>" for line in block.lines]
        elif isinstance(block, PageBreak):
            parts.append('<div class="break"></div>')
    parts.append('<p style="font-size:7pt">F063-41-420 (R 08/22)</p></body></html>')
    return "\n".join(parts)


def _fields(spec: AorSpec, block: Fields) -> str:
    per_line = spec.columns
    classes = "fields ruled" if spec.ruled else "fields"
    rows = []
    for n in range(0, len(block.pairs), per_line):
        cells = []
        for label, value in block.pairs[n : n + per_line]:
            if spec.layout == "above":
                cells.append(
                    f'<td><div class="label">{escape(label)}</div><div>{escape(value)}</div></td>'
                )
            else:
                cells.append(f"<td>{escape(label)}</td><td>{escape(value)}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return f'<table class="{classes}">{"".join(rows)}</table>'


def _table(spec: AorSpec, block: Table) -> str:
    # One table continued: both parts keep the same column widths.
    cols = "".join(f'<col style="width:{width:.1f}pt">' for width in column_widths(spec))
    out = [f"<colgroup>{cols}</colgroup>"]
    if block.headings:
        align = spec.heading_align
        heads = "".join(f'<th style="text-align:{align}">{escape(h)}</th>' for h in block.headings)
        out.append(f"<thead><tr>{heads}</tr></thead>")
    out.append("<tbody>")
    for texts in [*block.rows, *([block.total] if block.total else [])]:
        tag = "th" if texts is block.total else "td"
        cells = [
            f'<{tag} style="text-align:{aligned(spec, i)}">{escape(text)}</{tag}>'
            for i, text in enumerate(texts)
        ]
        out.append(f"<tr>{''.join(cells)}</tr>")
    out.append("</tbody>")
    return "".join(out)
