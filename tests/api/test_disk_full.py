"""A store on a file system that really fills up: 507, nothing half written, reads go on."""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from service.models.document import GeneratedDocument
from tests.api.test_faults import RENDER, count, payload_with_name


@pytest.fixture
def small_disk(app) -> Iterator[Path]:
    """The documents directory on a 2 MB tmpfs of its own (mounting needs root)."""
    root = Path(app.config["DATA_DIR"]) / "documents"
    root.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", str(root)],
        capture_output=True,
    )
    if mounted.returncode != 0:
        pytest.skip("mounting a small tmpfs needs root; the disk-full test runs in CI as root")
    try:
        yield root
    finally:
        subprocess.run(["umount", "-l", str(root)], check=True)


def fill(root: Path) -> Path:
    """Write to ``root`` until the file system says it is full; the filler's path."""
    filler = root / "filler"
    with filler.open("wb") as out:
        try:
            while True:
                out.write(b"\0" * 65536)
                out.flush()
                os.fsync(out.fileno())
        except OSError as full:
            assert full.errno == errno.ENOSPC
    return filler


def test_a_really_full_disk_answers_507_keeps_no_row_and_stored_documents_still_read(
    app, client, example, small_disk
):
    kept = client.post(RENDER, json=example("42-6"))
    assert kept.status_code == 200
    before = sorted(p for p in small_disk.rglob("*") if p.is_file())
    filler = fill(small_disk)
    answer = client.post(RENDER, json=payload_with_name(example))
    assert answer.status_code == 507
    assert "Storage is full" in answer.json["message"]
    assert count(app, GeneratedDocument) == 1
    after = sorted(p for p in small_disk.rglob("*") if p.is_file() and p != filler)
    assert after == before  # nothing half written
    again = client.get(kept.headers["Content-Location"])
    assert (again.status_code, again.data) == (200, kept.data)
    filler.unlink()
    assert client.post(RENDER, json=payload_with_name(example)).status_code == 200
