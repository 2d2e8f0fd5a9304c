"""PDF benchmark, run by hand: ``make bench-pdf`` or ``.venv/bin/python bench/pdf.py``.

Serves the real app (waitress, warm LibreOffice pool) on a free port and, in one run:
1. p50/p95 latency of one PDF form over HTTP, one request at a time;
2. documents per second with concurrent requests;
3. the same two for a fresh ``soffice --headless --convert-to pdf`` per document, and
   the throughput ratio;
4. the time to print 200 routing slips as one PDF (POST /api/v1/slips/print).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from waitress.server import create_server

from service import create_app, documents
from service.auth import accounts
from service.extensions import db

FORM = "42-6"


def pct(samples: list[float], q: int) -> float:
    return statistics.quantiles(samples, n=100, method="inclusive")[q - 1]


class Service:
    """The app on a free port, with an EC and a clerk holding tokens."""

    def __init__(self, data: Path) -> None:
        self.app = create_app({"DATA_DIR": str(data), "SESSION_COOKIE_SECURE": False})
        with self.app.app_context():
            self.tokens = {}
            for role, name in (("ec", "bench.ec"), ("clerical", "bench.clerk")):
                accounts.create_user(db.session, username=name, display_name=name, role=role)
                self.tokens[role] = accounts.issue_token(db.session, name, "bench")
            db.session.commit()
        self.server = create_server(self.app, host="127.0.0.1", port=0, threads=16)
        self.base = f"http://127.0.0.1:{self.server.effective_port}"
        threading.Thread(target=self.server.run, daemon=True).start()

    def post(self, path: str, body: object, role: str = "ec") -> bytes:
        request = urllib.request.Request(
            self.base + path,
            data=json.dumps(body).encode(),
            headers={
                "Authorization": f"Bearer {self.tokens[role]}",
                "Content-Type": "application/json",
            },
        )
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.read()

    def wait_warm(self) -> None:
        pool = self.app.extensions["office"]
        while pool.status()["ready"] < pool.settings.workers:
            time.sleep(0.1)


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def throughput(fn, total: int, concurrency: int) -> float:
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as executor:
        list(executor.map(lambda _: fn(), range(total)))
    return total / (time.perf_counter() - start)


def fresh_soffice(docx: bytes, work: Path) -> None:
    """What a service without a pool does: a new LibreOffice for each document."""
    job = Path(tempfile.mkdtemp(dir=work))
    (job / "form.docx").write_bytes(docx)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(job / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(job),
            str(job / "form.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert (job / "form.pdf").stat().st_size > 0
    shutil.rmtree(job)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--fresh-runs", type=int, default=10)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--slips", type=int, default=200)
    args = parser.parse_args()
    payload = documents.example(FORM)
    with tempfile.TemporaryDirectory() as tmp:
        service = Service(Path(tmp) / "data")
        service.wait_warm()
        workers = service.app.config["PDF_WORKERS"]

        def one_pdf() -> None:
            service.post(f"/api/v1/forms/{FORM}/render?format=pdf", payload)

        for _ in range(5):
            one_pdf()  # warm every worker and the template
        warm = [timed(one_pdf) for _ in range(args.runs)]
        warm_rate = throughput(one_pdf, args.runs, args.concurrency)

        docx = documents.render(FORM, payload).content
        work = Path(tmp) / "fresh"
        work.mkdir()
        fresh = [timed(lambda: fresh_soffice(docx, work)) for _ in range(args.fresh_runs)]
        fresh_rate = throughput(lambda: fresh_soffice(docx, work), args.fresh_runs, workers)

        ids = _queue_slips(service, args.slips)
        start = time.perf_counter()
        pdf = service.post("/api/v1/slips/print", {"ids": ids}, role="clerical")
        slips_seconds = time.perf_counter() - start

    print(f"LibreOffice workers: {workers}; form {FORM}; {args.concurrency} concurrent clients")
    print(f"{'':34} {'p50 ms':>8} {'p95 ms':>8} {'docs/s':>8}")
    print(f"{'warm pool, over HTTP':34} {pct(warm, 50):8.0f} {pct(warm, 95):8.0f} {warm_rate:8.1f}")
    print(
        f"{'fresh soffice --convert-to pdf':34} {pct(fresh, 50):8.0f} {pct(fresh, 95):8.0f} "
        f"{fresh_rate:8.1f}"
    )
    print(f"throughput ratio warm / fresh: {warm_rate / fresh_rate:.1f}x")
    print(f"{args.slips} routing slips as one PDF: {slips_seconds:.2f} s ({len(pdf):,} bytes)")
    service.app.extensions["office"].close()


def _queue_slips(service: Service, count: int) -> list[int]:
    slip = documents.example("50-20e") | {"supervisor": None, "clerical": None}
    slip |= {"action": "transfer", "closed_files": None}
    slip["to_ec"] = {
        "name": "Chidi Okafor",
        "worker_number": "W5150",
        "unit": "U22",
        "office": "eastmont",
    }
    ids = []
    for i in range(count):
        answer = service.post("/api/v1/slips", slip | {"case_name": f"Bench-{i:03d}, Case"})
        ids.append(json.loads(answer)["id"])
    return ids


if __name__ == "__main__":
    main()
