"""Generated AORs the reader once read wrong, kept by seed so each stays read right."""

from __future__ import annotations

import hashlib

from tests.aor_spec import AorSpec
from tests.aorgen.batch import Job


def fingerprint(spec: AorSpec) -> str:
    """A short digest of everything ``spec`` draws: it changes when draw.py draws differently."""
    return hashlib.sha256(repr(spec).encode()).hexdigest()[:12]


# (job, fingerprint of its spec, fields once read wrong). A seed draws the same document only
# while tests/aorgen/draw.py draws the same way: test_aor_generated checks each fingerprint,
# and a change to the generator must find its cases again (bench/aor_accuracy.py lists them).
REGRESSIONS: tuple[tuple[Job, str, str], ...] = (
    # Read wrong before issue 11's fixes to parsers/, as bench/aor_accuracy.py found them.
    (Job(374684334, "reportlab", "qpdf"), "edcbff8489c9", "activity_end"),
    (Job(1127359721, "reportlab", "gs"), "73e51a33ebd8", "activity_start"),
    (Job(1827380225, "reportlab", "gs"), "ec9502fa43b7", "printed_totals, rows"),
    (
        Job(3189617576, "writer", None),
        "94e2f7266b6b",
        "cm_email, comments, participant_name and 3 more",
    ),
    (
        Job(2205331736, "writer", None),
        "57c6d124bbb5",
        "activity_start, assigned_hours_week, cm_email and 6 more",
    ),
    (
        Job(2206240133, "writer", "qpdf"),
        "bc05a638c8ad",
        "assigned_hours_week, cm_email, comments and 5 more",
    ),
    (Job(1036697061, "writer", "pdftocairo"), "5d3dd9fbd98c", "printed_totals"),
    (Job(2616285915, "calc", None), "fe7e28e89924", "case_number, cin, cm_email and 8 more"),
    (Job(3613608419, "calc", "qpdf"), "2a66468dfbfb", "cm_email, comments, prep_email and 3 more"),
    (Job(3046738415, "calc", None), "81e80831120c", "provider, worksite"),
    (Job(1502300354, "calc", "pdftocairo"), "4985006642e0", "assigned_hours_week"),
    (Job(1672068878, "calc", "qpdf"), "ed80938be789", "case_number, cin, cm_email and 8 more"),
    (Job(3206206444, "chromium", None), "cb4af76b1819", "comments, printed_totals, rows"),
    (Job(2812653210, "chromium", None), "84c29d2e974e", "report_month, rows, worksite"),
    (Job(1000965105, "chromium", "gs"), "0bc1d034c7cf", "rows"),
    (Job(2516949566, "chromium", "qpdf"), "6d910804d92f", "prep_date"),
    # Read wrong after the first fixes, found by the property test and the bench.
    (
        Job(875596225, "reportlab", "pdftocairo"),
        "652adfffbd1d",
        "mono label, value in another font",
    ),
    (Job(3969124863, "reportlab", "qpdf"), "86f32b61a7ae", "value 'Employed', label on next page"),
    (Job(392392622, "chromium", None), "36ff2d934306", "kerned heading 'B' 'Y' read as comments"),
    (Job(1753402537, "chromium", "gs"), "fcb630c1548e", "note cut by a page break, headings again"),
    (Job(1906252939, "writer", "qpdf"), "0199a124b649", "note cut by a page break, no headings"),
    (Job(2001743089, "writer", "gs"), "b497cbb8b776", "labels at a page's foot, values atop next"),
    (
        Job(1711314855, "calc", "qpdf"),
        "5cbbffcd07ef",
        "value filling its cell up to the next label",
    ),
    (Job(4005996120, "calc", "gs"), "2b52e4f33bad", "a date at one place on two pages: no footer"),
    (
        Job(49815502, "calc", "pdftocairo"),
        "378bd2b2ef4b",
        "crammed label on Section A's first line",
    ),
    (Job(495439555, "reportlab", "pdftocairo"), "dc83c0e856ca", "TOTAL's lone '4' read as a code"),
)
