"""AOR reading benchmark, run by hand: ``.venv/bin/python bench/aor.py``.

In one run:
1. ``read_aor`` + ``build_reading`` in-process on each two-page sample (the county's, or
   the PDFs given): p50 and p95 in milliseconds, then the p50 over all;
2. side by side on a typical two-page text AOR (the first file): that in-process read;
   a new reader process per file (as every upload was read before warm readers); the warm
   reader pool; an upload end to end over HTTP (the app under waitress, as `make run`);
3. ``wtwforms aor parse FILE`` against a plain pdfplumber script, each a fresh process.
Targets: in-process p50 at most 60 ms; the upload at most 4 in-process reads; the command
no slower than the script.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# The service package first: its API imports the AOR intake, which imports parsers.errors.
import service  # noqa: F401
from parsers.aor import read_aor
from service.aor.reading import build_reading
from service.aor.transport import document_from_json
from service.isolation import Limits
from service.isolation_pool import PoolSettings, ReaderPool
from service.isolation_process import ReaderProcess

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "tests" / "data" / "aor_samples"
READER = "service.aor.worker"
ARGS = ["--max-pages=20"]  # as uploads are read: the reading and the sanitised copy
PLAIN_SCRIPT = """import sys, pdfplumber
with pdfplumber.open(sys.argv[1]) as pdf:
    print("\\n".join(page.extract_text() or "" for page in pdf.pages))
"""


def timed(work: Callable[[], object], runs: int) -> list[float]:
    work()  # warm: imports, fonts, the county calendar, a reader started
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1]


def per_sample(files: list[Path], runs: int) -> None:
    print(f"{'file':<28} {'source':<7} {'pages':>5} {'p50 ms':>8} {'p95 ms':>8}")
    every: list[float] = []
    for path in files:
        data = path.read_bytes()
        document = read_aor(data)
        samples = timed(lambda data=data: build_reading(read_aor(data)), runs)
        every += samples
        print(
            f"{path.name:<28} {document.source:<7} {document.page_count:>5} "
            f"{statistics.median(samples):>8.1f} {p95(samples):>8.1f}"
        )
    print(f"{'all':<28} {'':<7} {'':>5} {statistics.median(every):>8.1f}")


def reading_of(answer: dict[str, object]) -> object:
    return build_reading(document_from_json(answer["document"]))  # type: ignore[arg-type]


def one_process(data: bytes) -> object:
    reader = ReaderProcess(READER, Limits(), files=1)
    try:
        reader.ready(30)
        answer, _ = reader.read(ARGS, data, Limits())
    finally:
        reader.stop()
    return reading_of(answer)


class Server:
    """The app under waitress on a free port, its readers warm, a contractor's token."""

    def __init__(self, data_dir: Path) -> None:
        from waitress.server import create_server

        from service import create_app
        from service.auth import accounts
        from service.extensions import db

        settings = {"DATA_DIR": str(data_dir), "SESSION_COOKIE_SECURE": False}
        self.app = create_app(settings | {"AOR_UPLOAD_RATE": "100000 per minute"})
        with self.app.app_context():
            accounts.create_user(
                db.session, "bench.jo", "bench.jo", "contractor", provider="Bench Careers"
            )
            self.token = accounts.issue_token(db.session, "bench.jo", "bench")
            db.session.commit()
        self.server = create_server(self.app, host="127.0.0.1", port=0, threads=8)
        self.base = f"http://127.0.0.1:{self.server.effective_port}"
        self.loop = threading.Thread(target=self.server.run, daemon=True)
        self.loop.start()
        urllib.request.urlopen(f"{self.base}/api/v1/health").read()  # starts the readers
        pool = self.app.extensions["aor_readers"].pool
        while pool.status()["idle"] < pool.settings.size:
            time.sleep(0.01)
        self.sent = 0

    def upload(self, data: bytes) -> None:
        self.sent += 1  # other bytes each time: the same file again is not read again
        body, kind = multipart(data + f"\n%bench {self.sent}\n".encode())
        request = urllib.request.Request(
            f"{self.base}/api/v1/aors",
            data=body,
            headers={"Authorization": f"Bearer {self.token}", "Content-Type": kind},
        )
        with urllib.request.urlopen(request) as response:
            assert response.status == 201, response.status

    def close(self) -> None:
        self.server.task_dispatcher.shutdown()  # the last answer's task ends first
        self.server.trigger.pull_trigger(self.server.close)  # closed in its own loop
        self.loop.join(timeout=10)
        self.app.extensions["aor_readers"].close()


def multipart(data: bytes) -> tuple[bytes, str]:
    boundary = "wtwforms-bench-boundary"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="aor.pdf"\r\n'
        "Content-Type: application/pdf\r\n\r\n"
    ).encode()
    return (
        head + data + f"\r\n--{boundary}--\r\n".encode(),
        f"multipart/form-data; boundary={boundary}",
    )


def interleaved(paths: dict[str, Callable[[], object]], runs: int) -> dict[str, list[float]]:
    """Each path once a round, in turn, so that all meet the same load from elsewhere."""
    for work in paths.values():
        work()  # warm: imports, fonts, the county calendar, the disk cache, readers started
    samples: dict[str, list[float]] = {name: [] for name in paths}
    for _ in range(runs):
        for name, work in paths.items():
            start = time.perf_counter()
            work()
            samples[name].append((time.perf_counter() - start) * 1000)
    return samples


def run(argv: list[str]) -> None:
    subprocess.run(argv, check=True, capture_output=True, cwd=ROOT)


def side_by_side(path: Path, runs: int, fresh_runs: int) -> None:
    data = path.read_bytes()
    command = [str(Path(sys.executable).parent / "wtwforms"), "aor", "parse", str(path)]
    script = [sys.executable, "-c", PLAIN_SCRIPT, str(path)]
    pool = ReaderPool(PoolSettings(size=1))
    with tempfile.TemporaryDirectory() as tmp:
        server = Server(Path(tmp))
        try:
            rows = interleaved(
                {
                    "in-process read_aor + build_reading": lambda: build_reading(read_aor(data)),
                    "warm reader pool": lambda: reading_of(pool.read(READER, data, ARGS, Limits())),
                    "upload over HTTP, end to end": lambda: server.upload(data),
                },
                runs,
            )
        finally:
            server.close()
            pool.close()
    rows |= interleaved(
        {
            "a new reader process per file": lambda: one_process(data),
            f"wtwforms aor parse {path.name}": lambda: run(command),
            "plain pdfplumber script": lambda: run(script),
        },
        fresh_runs,
    )
    p50 = {name: statistics.median(samples) for name, samples in rows.items()}
    base = p50["in-process read_aor + build_reading"]
    print(f"\n{path.name}: {'':<22} {'p50 ms':>8} {'p95 ms':>8} {'x read':>7}")
    for name, samples in rows.items():
        print(f"{name:<44} {p50[name]:>8.1f} {p95(samples):>8.1f} {p50[name] / base:>7.1f}")
    upload = p50["upload over HTTP, end to end"] / base
    cli = p50[f"wtwforms aor parse {path.name}"] / p50["plain pdfplumber script"]
    print(f"upload / in-process read: {upload:.1f} (target at most 4)")
    print(f"wtwforms aor parse / plain pdfplumber script: {cli:.2f} (target at most 1)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--fresh-runs", type=int, default=10, help="runs that start processes")
    args = parser.parse_args()
    files = args.pdfs or sorted(SAMPLES.glob("*.pdf"))
    if not files:
        parser.error(f"no PDFs given and none in {SAMPLES}")
    per_sample(files, args.runs)
    side_by_side(files[0], args.runs, args.fresh_runs)


if __name__ == "__main__":
    main()
