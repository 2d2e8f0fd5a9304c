"""Reading accuracy on generated AORs, run by hand: ``.venv/bin/python bench/aor_accuracy.py``.

Draws ``--count`` AORs with the test suite's generator (tests/aorgen) from ``--seed``, through
every producer installed (reportlab, LibreOffice Writer and Calc, Chromium) and re-saver
(qpdf, Ghostscript, pdftocairo), reads each back and prints, per field, the share read right.
``rows`` is right when every row is; ``no_findings`` counts documents read right that still
got a reading finding (a false one). The jobs that failed are listed by seed, to keep as
regression cases (tests/aorgen/regressions.py).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# The service package first: its API imports the AOR intake, which imports parsers.errors.
import service  # noqa: F401
from parsers.aor import read_aor
from tests.aorgen.batch import PRODUCERS, Job, plan, produce
from tests.aorgen.expected import FIELDS, HEADER, check


def wrong_fields(job: Job, data: bytes) -> dict[str, str]:
    """The fields ``job``'s PDF was read wrong in: name to what was read."""
    try:
        document = read_aor(data)
    except Exception as exc:  # a document that is not read at all is wrong everywhere
        return {key: type(exc).__name__ for key in FIELDS if key != "no_findings"}
    return {key: repr(read) for key, (read, _drawn) in check(job.spec, document).items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--seed", type=int, default=20260311)
    parser.add_argument("--producers", default=",".join(PRODUCERS))
    parser.add_argument("--show", type=int, default=15, help="failed jobs to list")
    args = parser.parse_args()
    jobs = plan(args.seed, args.count, tuple(args.producers.split(",")))
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="aorgen-") as work:
        made = produce(jobs, Path(work))
    print(f"{len(jobs)} documents made in {time.perf_counter() - start:.0f} s")
    wrong: dict[Job, dict[str, str]] = {}
    skipped: Counter[str] = Counter()
    for job, data in made.items():
        if isinstance(data, str):
            skipped[data] += 1
        else:
            wrong[job] = wrong_fields(job, data)
    for reason, n in skipped.items():
        print(f"skipped {n}: {reason}")
    report(wrong, args.show)


def report(wrong: dict[Job, dict[str, str]], show: int) -> None:
    read = len(wrong)
    counts = Counter(key for fields in wrong.values() for key in fields)
    print(f"\n{'field':<22} right ({read} documents)")
    for key in FIELDS:
        print(f"{key:<22} {100 * (read - counts[key]) / max(read, 1):6.1f}%")
    by_producer: dict[str, list[bool]] = defaultdict(list)
    for job, fields in wrong.items():
        by_producer[f"{job.producer}+{job.resaver or '-'}"].append(not fields)
    print("\nall fields right, by producer + re-saver")
    for name, results in sorted(by_producer.items()):
        print(f"  {name:<24} {sum(results):3d}/{len(results)}")
    whole = sum(1 for f in wrong.values() if not set(f) & set(HEADER))
    right = sum(1 for f in wrong.values() if not f)
    print(f"\nevery header field right: {whole}/{read}; everything right: {right}/{read}")
    failed = [(job, fields) for job, fields in wrong.items() if fields]
    for job, fields in failed[:show]:
        print(f"  {job}: {', '.join(sorted(fields))}")


if __name__ == "__main__":
    main()
