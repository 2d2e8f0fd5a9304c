"""Two web processes and two workers as one service: every result arrives, whole, recorded once."""

from __future__ import annotations

import io
import json
import re
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import sqlalchemy
from pypdf import PdfReader

from parsers import tesseract
from service import documents
from tests.cluster.conftest import Cluster, Process
from tests.support.processes import descendants

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "aor_samples"
TEXT_AORS = sorted(path.name for path in SAMPLES.glob("*.pdf"))
SLIPS, RUN = 200, "/api/v1/slips"
RENDERS = 4  # through each web process
OKAFOR = {"name": "Chidi Okafor", "worker_number": "W5150", "unit": "U22", "office": "eastmont"}
SCAN_SEED = 100528507  # a one-page generated office scan (tests/scans.py)
# The whole test, slips made and processes killed included, ends within this.
BUDGET = 200.0


class Deadline:
    def __init__(self, seconds: float) -> None:
        self.end = time.monotonic() + seconds

    def wait(self, what: str, done: Any) -> Any:
        """``done()`` once it is truthy; the test fails if the budget runs out first."""
        while not (answer := done()):
            assert time.monotonic() < self.end, f"{what}: not done within the test's budget"
            time.sleep(0.25)
        return answer


def multipart(data: bytes, filename: str) -> dict[str, Any]:
    boundary = uuid.uuid4().hex
    head = (
        f"--{boundary}\r\nContent-Disposition: form-data; "
        f'name="file"; filename="{filename}"\r\nContent-Type: application/pdf\r\n\r\n'
    )
    body = head.encode() + data + f"\r\n--{boundary}--\r\n".encode()
    return {"data": body, "headers": {"Content-Type": f"multipart/form-data; boundary={boundary}"}}


def as_json(payload: Any) -> dict[str, Any]:
    return {"data": json.dumps(payload).encode(), "headers": {"Content-Type": "application/json"}}


def make_slip(cluster: Cluster, number: int) -> int:
    """Slip ``number``, made by the EC and approved by the supervisor, through both webs."""
    payload = documents.example("50-20e") | {"supervisor": None, "clerical": None}
    payload |= {"action": "transfer", "closed_files": None, "to_ec": dict(OKAFOR)}
    payload["case_name"] = f"Quintero-{number:03d}, Marisol"
    status, _, body = cluster.call(number % 2, "POST", RUN, "ec", **as_json(payload))
    assert status == 201, body
    slip = json.loads(body)["id"]
    approved, _, body = cluster.call(1 - number % 2, "POST", f"{RUN}/{slip}/approve", "supervisor")
    assert approved == 200, body
    return int(slip)


def pdf_texts(content: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(content)).pages]


def render(cluster: Cluster, number: int) -> str:
    """A 42-6 rendered as PDF through web ``number % 2``: the participant's name, checked."""
    payload = documents.example("42-6")
    name = f"Test Person {number:03d}"
    payload["participant"]["name"] = name
    path = "/api/v1/forms/42-6/render?format=pdf"
    status, headers, body = cluster.call(number % 2, "POST", path, "ec", **as_json(payload))
    assert status == 200, body[:500]
    assert headers["Content-Type"] == "application/pdf"
    assert name in " ".join(pdf_texts(body))
    return name


def upload_text_aors(cluster: Cluster) -> list[int]:
    """Each sample AOR through one web process, then again through the other: read once."""
    ids = []
    for number, name in enumerate(TEXT_AORS):
        data = (SAMPLES / name).read_bytes()
        first, _, body = cluster.call(number % 2, "POST", "/api/v1/aors", "contractor",
                                      **multipart(data, name))  # fmt: skip
        assert first == 201, body
        again, _, repeat = cluster.call(1 - number % 2, "POST", "/api/v1/aors", "contractor",
                                        **multipart(data, name))  # fmt: skip
        assert again == 200, repeat
        read = json.loads(body)
        assert json.loads(repeat)["id"] == read["id"]
        expected = json.loads((SAMPLES / name.replace(".pdf", ".json")).read_text())
        assert read["case_number"] == expected["case_number"]
        ids.append(read["id"])
    return ids


def upload_scan(cluster: Cluster, deadline: Deadline) -> dict[str, Any]:
    """A scanned AOR through web 1, read by OCR on a worker, followed through web 0."""
    from tests.scans import scanned_aor

    sent = multipart(scanned_aor(SCAN_SEED)[1], "scan.pdf")
    status, headers, body = cluster.call(1, "POST", "/api/v1/aors", "contractor", **sent)
    assert status == 202, body

    def read() -> dict[str, Any] | None:
        _, _, now = cluster.call(0, "GET", headers["Location"], "contractor")
        reading = json.loads(now)
        return reading if reading["status"] != "reading" else None

    reading: dict[str, Any] = deadline.wait("the scan's reading", read)
    return reading


def worker_running(cluster: Cluster, job_id: str) -> Process | None:
    """The worker that took the job (it logs the task, named by the job's id, as received)."""
    for worker in cluster.workers:
        if re.search(rf"wtwforms\.jobs\.run\[{job_id}\] received", worker.log_text()):
            return worker
    return None


def command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return "(ended)"


def assert_webs_started_no_process(cluster: Cluster) -> None:
    """With a broker, the webs converted and read nothing themselves: no LibreOffice, no
    reader, no child process of any kind."""
    for web in (p for p in cluster.processes if p.name.startswith("web")):
        assert web.popen.poll() is None, web.log_text()[-2000:]
        started = {pid: command_line(pid) for pid in descendants(web.popen.pid)}
        assert started == {}, f"{web.name} started {started}"


def follow(cluster: Cluster, url: str, web: int) -> dict[str, Any]:
    _, _, body = cluster.call(web, "GET", url, "clerical")
    answer: dict[str, Any] = json.loads(body)
    return answer


def rows(cluster: Cluster, sql: str) -> list[Any]:
    engine = sqlalchemy.create_engine(cluster.database_url)
    try:
        with engine.connect() as connection:
            return list(connection.execute(sqlalchemy.text(sql)))
    finally:
        engine.dispose()


def count(cluster: Cluster, table: str) -> int:
    [[rows_in]] = rows(cluster, f"SELECT count(*) FROM {table}")
    return int(rows_in)


def print_killing_its_worker(cluster: Cluster, job: dict[str, str], deadline: Deadline) -> Any:
    """Once part of the run is printed, SIGKILL the worker printing it; the job's state
    once it has ended (on the other worker), and the worker killed."""
    deadline.wait("the run's first part", lambda: follow(cluster, job["url"], 1)["done"] > 0)
    victim = deadline.wait("the worker printing", lambda: worker_running(cluster, job["id"]))
    assert follow(cluster, job["url"], 1)["state"] == "running"
    victim.kill()

    def ended() -> dict[str, Any] | None:
        state = follow(cluster, job["url"], 0)
        return state if state["state"] in ("done", "failed") else None

    return deadline.wait("the print run, on the other worker", ended), victim


def assert_every_slip_printed_once(cluster: Cluster, result_url: str) -> None:
    results = [cluster.call(web, "GET", result_url, "clerical") for web in (0, 1)]
    assert [status for status, _, _ in results] == [200, 200]
    assert results[0][2] == results[1][2]  # the one result, from the database, on either web
    pages = pdf_texts(results[0][2])
    assert len(pages) == SLIPS
    for number in range(SLIPS):
        assert sum(f"Quintero-{number:03d}, Marisol" in page for page in pages) == 1, number


def test_uploads_renders_and_a_print_run_through_two_webs_survive_a_killed_worker(
    cluster: Cluster,
) -> None:
    deadline = Deadline(BUDGET)
    with ThreadPoolExecutor(4) as pool:
        slip_ids = list(pool.map(lambda n: make_slip(cluster, n), range(SLIPS)))
    status, headers, body = cluster.call(0, "POST", f"{RUN}/print", "clerical",
                                         **as_json({"ids": slip_ids}))  # fmt: skip
    assert status == 202, body
    job = json.loads(body)["job"]
    assert headers["Location"] == job["url"]
    with ThreadPoolExecutor(3) as pool:
        uploads = pool.submit(upload_text_aors, cluster)
        renders = pool.submit(lambda: [render(cluster, n) for n in range(2 * RENDERS)])
        scan = pool.submit(upload_scan, cluster, deadline) if tesseract.available() else None
        done, victim = print_killing_its_worker(cluster, job, deadline)
        uploaded, rendered = uploads.result(), renders.result()
        scanned = scan.result() if scan is not None else None

    assert (done["state"], done["done"], done["total"]) == ("done", SLIPS, SLIPS), done
    assert_every_slip_printed_once(cluster, done["result_url"])
    # The print run begun twice (its first worker killed), finished once; a scan's reading
    # is a job too, done once whichever worker read it. The renders' and text AORs' jobs
    # went with the answers of the requests that waited for them.
    jobs = rows(cluster, "SELECT kind, state, attempts FROM job ORDER BY kind")
    assert [tuple(job) for job in jobs if job.kind == "print"] == [("print", "done", 2)]
    scans = 1 if scanned is not None else 0
    assert [job.state for job in jobs if job.kind != "print"] == ["done"] * scans
    audited = dict(
        rows(cluster, "SELECT action, count(*) FROM audit_event WHERE method = 'POST' GROUP BY 1")
    )
    assert audited["aors.upload_aor"] == 2 * len(TEXT_AORS) + scans  # one a request
    assert audited["forms.render_form"] == len(rendered) == 2 * RENDERS
    assert audited["slips.print_slips"] == 1
    assert count(cluster, "aor_upload") == len(set(uploaded)) + scans
    assert count(cluster, "generated_document") == 2 * RENDERS
    if scanned is not None:
        assert scanned["status"] in ("read", "needs_review"), scanned
        assert scanned["source"] == "ocr" and scanned["case_number"]
    assert [w.popen.poll() is None for w in cluster.workers if w is not victim] == [True]
    assert_webs_started_no_process(cluster)
