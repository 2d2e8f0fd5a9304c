"""The PDF pool under faults: LibreOffice killed starting, mid-conversion, idle, or SIGTERM."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import textwrap
import threading
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from service import documents
from service.office import pool_from_config
from tests.conftest import pdf_settings, read_pdf
from tests.unit.test_office_pool import dead, wait_until

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def docx(example) -> bytes:
    return documents.render("63-62", example("63-62")).content


@pytest.fixture
def make_pool(tmp_path):
    """A pool of its own under the test's data directory, closed after the test."""
    pools = []

    def make(**overrides: Any):
        settings = pdf_settings(**({"workers": 1} | overrides))
        settings["DATA_DIR"] = str(tmp_path / "data")
        pool = pool_from_config(settings)
        pools.append(pool)
        return pool

    yield make
    for pool in pools:
        pool.close()


def big_docx(pages: int = 20) -> bytes:
    """A fictional document long enough (about a second) to be caught mid-conversion."""
    document = Document()
    for page in range(1, pages + 1):
        document.add_paragraph(f"Fictional page {page}. " + "Lorem ipsum dolor sit amet. " * 120)
        table = document.add_table(rows=8, cols=4)
        for cell in (c for row in table.rows for c in row.cells):
            cell.text = "cell"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def offices_under(root: Path) -> dict[int, str]:
    """Each running soffice.bin whose profile lies under ``root``, and its command line."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            args = (entry / "cmdline").read_bytes().decode().split("\0")
        except OSError:
            continue
        line = " ".join(args)
        if args[0].endswith("soffice.bin") and str(root) in line and not dead(int(entry.name)):
            found[int(entry.name)] = line
    return found


def wait_for(find, seconds: float = 60.0):
    box: list[Any] = []
    assert wait_until(lambda: box.append(find()) or box[-1], seconds), "never happened"
    return box[-1]


def test_a_worker_killed_while_starting_is_started_again_and_the_pool_refills(
    make_pool, docx, tmp_path
):
    pool = make_pool(workers=2)
    pool.start()
    victim = wait_for(lambda: next(iter(offices_under(pool.office.run_dir)), None), seconds=30)
    assert victim not in pool.status()["office_pids"]  # still starting
    os.kill(victim, signal.SIGKILL)
    assert wait_until(lambda: pool.status()["ready"] == 2, seconds=60)
    assert victim not in pool.status()["office_pids"]
    profiles = offices_under(pool.office.run_dir).values()
    assert any("worker-3" in args for args in profiles)  # started in the killed one's place
    assert "Page 1 of" in read_pdf(pool.convert(docx, {})).text


def test_a_document_whose_libreoffice_is_killed_mid_conversion_is_converted_by_another_worker(
    make_pool,
):
    pool = make_pool(workers=2, timeout=120)
    pool.start()
    assert wait_until(lambda: pool.status()["ready"] == 2, seconds=60)
    outcome: dict[str, Any] = {}

    def convert() -> None:
        try:
            outcome["pdf"] = pool.convert(big_docx(), {})
        except Exception as exc:
            outcome["error"] = exc

    thread = threading.Thread(target=convert)
    thread.start()
    home = wait_for(lambda: [p.parent for p in pool.office.run_dir.glob("worker-*/in.docx")])[0]
    (victim,) = offices_under(home)
    os.kill(victim, signal.SIGKILL)
    thread.join(timeout=120)
    assert "error" not in outcome, outcome.get("error")
    assert "Fictional page 20." in read_pdf(outcome["pdf"]).text
    status = pool.status()
    assert status["crashes"] == 1  # told apart from a refused document, and tried once more
    assert victim not in status["office_pids"]
    assert wait_until(lambda: pool.status()["ready"] == 2, seconds=60)


def test_a_worker_whose_libreoffice_died_while_idle_is_replaced_unasked_and_never_used(
    make_pool, docx
):
    pool = make_pool()
    pool.convert(docx, {})
    (victim,) = pool.status()["office_pids"]
    os.kill(victim, signal.SIGKILL)
    assert wait_until(lambda: dead(victim))
    assert wait_until(lambda: pool.status()["office_pids"] not in ([], [victim]), seconds=60)
    assert "Page 1 of" in read_pdf(pool.convert(docx, {})).text
    assert pool.status()["crashes"] == 0  # no document was ever sent to the dead one


def test_a_document_libreoffice_refuses_leaves_its_worker_serving(make_pool, docx):
    from service.errors import PdfFailed

    pool = make_pool()
    pool.convert(docx, {})
    before = pool.status()["office_pids"]
    with pytest.raises(PdfFailed, match="could not convert"):
        pool.convert(b"PK\x03\x04 not a document", {})
    assert pool.status()["office_pids"] == before
    assert pool.status()["crashes"] == 0


BRIDGE_CHECK = textwrap.dedent(
    """
    import os, subprocess, sys
    sys.path.insert(0, sys.argv[1])
    import uno
    import bridge

    class Running:
        def poll(self):
            return None

    bridge.OFFICE["bin"] = os.getpid()
    disposed = uno.getClass("com.sun.star.lang.DisposedException")("gone", None)
    print(bridge.office_gone(Running(), disposed))
    print(bridge.office_gone(Running(), RuntimeError("could not open the document")))
    ended = subprocess.Popen(["true"])
    ended.wait()
    bridge.OFFICE["bin"] = ended.pid  # killed mid-call, seen only as a failed load
    print(bridge.office_gone(Running(), RuntimeError("could not open the document")))
    """
)


def test_the_bridge_takes_a_disposed_bridge_or_a_dead_libreoffice_for_a_crash_else_a_refusal():
    python = pdf_settings()["PDF_PYTHON"]
    answer = subprocess.run(
        [python, "-c", BRIDGE_CHECK, str(ROOT / "service" / "office")],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert answer.stdout.split() == ["True", "False", "True"]


HOLDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from service.office import pool_from_config
    from tests.conftest import pdf_settings

    settings = pdf_settings(workers=1, timeout=300)
    settings["DATA_DIR"] = sys.argv[1]
    pool_from_config(settings).convert(Path(sys.argv[2]).read_bytes(), {})
    """
)


def test_a_process_stopped_by_sigterm_mid_conversion_leaves_no_file_and_no_libreoffice(
    tmp_path,
):
    data, source = tmp_path / "data", tmp_path / "long.docx"
    source.write_bytes(big_docx())
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(data), str(source)],
        cwd=ROOT,
        env=os.environ | {"PYTHONPATH": str(ROOT)},
    )
    try:
        office = data / "office"
        wait_for(lambda: list(office.glob("*/worker-*/in.docx")), seconds=90)
        offices = offices_under(data)
        for pid in offices:
            os.kill(pid, signal.SIGSTOP)  # the conversion cannot end before the SIGTERM
        holder.send_signal(signal.SIGTERM)
        assert holder.wait(timeout=30) == -signal.SIGTERM
    finally:
        holder.kill()
    assert offices
    assert wait_until(lambda: all(dead(pid) for pid in offices))
    assert list(office.rglob("*")) == []
    assert offices_under(data) == {}
