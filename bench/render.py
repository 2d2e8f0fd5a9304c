"""Render benchmark, run by hand: ``make bench`` or ``.venv/bin/python bench/render.py``.

For each form, times a DOCX render through the service's code (schema, rules, compiled
template) and, in the same run, a bare docxtpl load-render-save of the same template with
the same context. Prints p50 and p95 in milliseconds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from docxtpl import DocxTemplate

from service import documents
from service.forms import all_forms
from service.rendering.docx import make_environment

TODAY = dt.date(2026, 11, 23)


def timed(fn, runs: int) -> list[float]:
    fn()  # warm: the first call compiles the template
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def pct(samples: list[float], q: float) -> float:
    return statistics.quantiles(samples, n=100, method="inclusive")[int(q) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    print(
        f"{'form':<13} {'service p50':>11} {'p95':>7} "
        f"{'bare docxtpl p50':>17} {'p95':>7} {'speed-up':>8}"
    )
    for spec in all_forms():
        payload = documents.example(spec.id)
        service = timed(
            lambda spec=spec, payload=payload: documents.render(spec.id, payload, today=TODAY),
            args.runs,
        )
        context = documents.build_context(documents.check(spec.id, payload, today=TODAY))
        path = documents.TEMPLATE_DIR / spec.template

        def bare(path=path, context=context) -> None:
            tpl = DocxTemplate(str(path))
            tpl.render(context, make_environment(), autoescape=True)
            tpl.save(io.BytesIO())

        base = timed(bare, max(20, args.runs // 5))
        s50, b50 = pct(service, 50), pct(base, 50)
        print(
            f"{spec.id:<13} {s50:>9.2f}ms {pct(service, 95):>5.2f}ms "
            f"{b50:>15.2f}ms {pct(base, 95):>5.2f}ms {b50 / s50:>7.1f}x"
        )


if __name__ == "__main__":
    main()
