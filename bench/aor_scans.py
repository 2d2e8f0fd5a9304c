"""OCR of scanned AORs, run by hand: ``.venv/bin/python bench/aor_scans.py [--count 40]``.

Draws ``--count`` AORs with the test suite's generator, prints each, scans it as an office
copier does (200 dpi, grey, turned up to 1.5 degrees, noise, dust, JPEG; tests/scans.py) and
reads it back by OCR as the service does (parsers.aor_ocr). Prints, over the scans: the share
whose totals (the rows' sums) came out exact, the share of Section A fields read right, the
values read wrong that no review mark or finding points at (silently wrong; the aim is none),
and the seconds each page took.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import service  # noqa: F401  (the service package first, as the reader's errors need it)
from parsers.aor_ocr import OcrSettings, read_scan
from tests.scan_score import Score, score, summary
from tests.scans import scanned_aor


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--seed", type=int, default=20261129)
    parser.add_argument("--threshold", type=float, default=OcrSettings().threshold)
    parser.add_argument("--language", default=OcrSettings().language)
    parser.add_argument("--dpi", type=int, default=OcrSettings().dpi, help="resolution read at")
    parser.add_argument("--verbose", action="store_true", help="list each wrong value")
    args = parser.parse_args()
    seeds = [random.Random(args.seed).getrandbits(32) + n for n in range(args.count)]
    settings = OcrSettings(args.threshold, args.dpi, args.language)
    scores: list[Score] = []
    pages, seconds = 0, 0.0
    for seed in seeds:
        spec, data = scanned_aor(seed)
        start = time.perf_counter()
        reading = read_scan(data, settings)
        seconds += time.perf_counter() - start
        pages += reading.document.page_count
        result = score(spec, reading.document)
        scores.append(result)
        if args.verbose and (result.wrong or result.silent):
            print(f"seed {seed}: wrong {result.wrong}; silent {result.silent}")
    for name, value in summary(scores).items():
        shown = f"{value:.1%}" if isinstance(value, float) else value
        print(f"{name:28} {shown}")
    print(f"{'seconds per page':28} {seconds / max(pages, 1):.2f} ({pages} pages)")


if __name__ == "__main__":
    main()
