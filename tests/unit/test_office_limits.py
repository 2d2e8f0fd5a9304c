"""LibreOffice under isolation limits: address space from its start, CPU time per document."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest

from service import documents
from service.office import pool_from_config
from service.office.limits import HARD_MARGIN_SECONDS, allow_cpu, cpu_used
from tests.conftest import pdf_settings, read_pdf


@pytest.fixture
def pool(tmp_path: Path):
    settings = pdf_settings(workers=1, memory_mb=1536, cpu_seconds=45)
    settings["DATA_DIR"] = str(tmp_path)
    made = pool_from_config(settings)
    yield made
    made.close()


def limits_of(pid: int) -> dict[str, list[str]]:
    """/proc/<pid>/limits: each limit's name, then its soft and hard values."""
    lines = Path(f"/proc/{pid}/limits").read_text().splitlines()[1:]
    return {line[:26].strip(): line[26:].split()[:2] for line in lines}


def office_pid(pool) -> int:
    (worker,) = pool._workers
    assert worker.office_pid is not None
    return int(worker.office_pid)


def test_libreoffice_converts_under_its_memory_and_cpu_limits(pool, example):
    docx = documents.render("63-62", example("63-62")).content
    pdf = pool.convert(docx, {}, 60)
    assert "Page 1 of" in read_pdf(pdf).text
    limits = limits_of(office_pid(pool))
    assert limits["Max address space"] == [str(1536 * 1024 * 1024)] * 2
    soft, hard = (int(value) for value in limits["Max cpu time"])
    assert 45 <= soft <= 45 + cpu_used(office_pid(pool)) + 1
    assert hard == soft + HARD_MARGIN_SECONDS


def test_each_document_moves_the_cpu_limit_to_what_the_process_used_plus_one_budget():
    child = subprocess.Popen(
        ["python3", "-c", "import time\nwhile time.process_time() < 1.5: pass\ntime.sleep(30)"]
    )
    try:
        deadline = time.monotonic() + 10
        while cpu_used(child.pid) < 1.2 and time.monotonic() < deadline:
            time.sleep(0.05)
        allow_cpu(child.pid, 30)
        soft, hard = (int(value) for value in limits_of(child.pid)["Max cpu time"])
        assert soft == 32  # 1.5 s used, rounded up, and the budget
        assert hard == soft + HARD_MARGIN_SECONDS
    finally:
        child.kill()
        child.wait()
