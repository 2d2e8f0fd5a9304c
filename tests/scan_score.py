"""A scan's reading against what was drawn: each value right, marked, or silently wrong."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from parsers.aor_model import AorDocument
from service.aor.reading import build_reading
from tests import aor_spec
from tests.aor_spec import AorSpec
from tests.aorgen.expected import expected, got

# Section A's fields, as tests/aor_spec.py lays them out.
SECTION_A = tuple(key for key, _label in aor_spec.SECTION_A)
# Findings that point at the sums: a row lost or misread shows in them.
_SUM_FINDINGS = ("printed_total_mismatch",)


@dataclass
class Score:
    """One scan: Section A fields right, totals exact, and the wrong values nobody was told of."""

    header_right: int = 0
    header_total: int = 0
    totals_exact: bool = False
    wrong: list[str] = field(default_factory=list)
    silent: list[str] = field(default_factory=list)
    marked_right: int = 0  # values marked for review that were read right
    needs_review: bool = False


def score(spec: AorSpec, document: AorDocument) -> Score:
    """Each Section A field, each row and the totals of ``document`` against ``spec``."""
    want, have = expected(spec), got(document)
    findings = build_reading(document)["findings"]
    fields = {f["field"] for f in findings if f["field"]}
    dates = {f["date"] for f in findings if f["date"]}
    out = Score(needs_review=any(f["code"] == "needs_review" for f in findings))
    if "document" in fields:  # the whole report is marked for review: nothing is silent
        return out
    for key in SECTION_A:
        out.header_total += 1
        if have.get(key) == want[key]:
            out.header_right += 1
            out.marked_right += key in fields
            continue
        out.wrong.append(key)
        if key not in fields:
            out.silent.append(f"{key}: {have.get(key)!r} for {want[key]!r}")
    drawn = {row[0]: row for row in want["rows"]}
    for number, row in enumerate(have["rows"], 1):
        named = (row[0] and row[0].isoformat() in dates) or f"row:{number}" in fields
        if drawn.get(row[0]) == row:
            out.marked_right += bool(named)
            continue
        out.wrong.append(f"row {number}")
        if not named:
            out.silent.append(f"row {number}: {row} for {drawn.get(row[0])}")
    sums = [sum((Decimal(r[i]) for r in want["rows"]), Decimal(0)) for i in range(1, 5)]
    read = [sum((Decimal(r[i]) for r in have["rows"]), Decimal(0)) for i in range(1, 5)]
    out.totals_exact = sums == read
    told = bool(fields & {"printed_totals." + c for c in _columns()}) or any(
        f["code"] in _SUM_FINDINGS for f in findings
    )
    lost = [d for d in drawn if d not in {row[0] for row in have["rows"]}]
    # A row read without its date is marked as such ("row:N"): it accounts for one lost date.
    undated = sum(
        1 for n, row in enumerate(have["rows"], 1) if row[0] is None and f"row:{n}" in fields
    )
    if len(lost) > undated and not told:
        out.silent.append(f"rows lost: {lost}")
    return out


def _columns() -> tuple[str, ...]:
    return ("scheduled", "attended", "excused", "unexcused")


def summary(scores: list[Score]) -> dict[str, Any]:
    """The shares the issue asks for, over ``scores``."""
    n = max(len(scores), 1)
    header = sum(s.header_right for s in scores) / max(sum(s.header_total for s in scores), 1)
    return {
        "scans": len(scores),
        "totals_exact": sum(s.totals_exact for s in scores) / n,
        "header_fields_right": header,
        "all_header_right": sum(s.header_right == s.header_total for s in scores) / n,
        "silently_wrong_values": sum(len(s.silent) for s in scores),
        "scans_with_silent_errors": sum(bool(s.silent) for s in scores),
        "needs_review": sum(s.needs_review for s in scores) / n,
    }
