"""AOR reading benchmark, run by hand: ``.venv/bin/python bench/aor.py``.

Times ``read_aor`` + ``build_reading`` in-process on two-page AORs (the county's samples by
default, or the PDFs given) and prints p50 and p95 in milliseconds for each, then the p50
over all of them. Target: p50 at most 60 ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# The service package first: its API imports the AOR intake, which imports parsers.errors.
import service  # noqa: F401
from parsers.aor import read_aor
from service.aor.reading import build_reading

SAMPLES = Path(__file__).resolve().parents[1] / "tests" / "data" / "aor_samples"


def timed(data: bytes, runs: int) -> list[float]:
    build_reading(read_aor(data))  # warm: imports, fonts, the county calendar
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        build_reading(read_aor(data))
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    files = args.pdfs or sorted(SAMPLES.glob("*.pdf"))
    if not files:
        parser.error(f"no PDFs given and none in {SAMPLES}")
    print(f"{'file':<28} {'source':<7} {'pages':>5} {'p50 ms':>8} {'p95 ms':>8}")
    every: list[float] = []
    for path in files:
        data = path.read_bytes()
        document = read_aor(data)
        samples = timed(data, args.runs)
        every += samples
        p95 = statistics.quantiles(samples, n=20)[-1]
        print(
            f"{path.name:<28} {document.source:<7} {document.page_count:>5} "
            f"{statistics.median(samples):>8.1f} {p95:>8.1f}"
        )
    print(f"{'all':<28} {'':<7} {'':>5} {statistics.median(every):>8.1f}")


if __name__ == "__main__":
    main()
