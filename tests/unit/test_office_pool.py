"""The pool of warm LibreOffice workers: hangs, crashes, recycling, limits, absence."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from service import documents
from service.errors import PdfFailed, PdfUnavailable
from service.office import pool_from_config
from service.office.profile import write_profile
from tests.conftest import pdf_settings, read_pdf


@pytest.fixture
def docx(example) -> bytes:
    return documents.render("63-62", example("63-62")).content


@pytest.fixture
def make_pool():
    """A pool of its own (one worker unless told), closed after the test."""
    pools = []

    def make(data_dir: Path | None = None, **overrides):
        settings = pdf_settings(**({"workers": 1} | overrides))
        if data_dir is not None:
            settings["DATA_DIR"] = str(data_dir)
        pool = pool_from_config(settings)
        pools.append(pool)
        return pool

    yield make
    for pool in pools:
        pool.close()


def dead(pid: int) -> bool:
    """Gone, or a zombie waiting to be reaped: either way it runs no more."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return True
    return state == "Z"


def wait_until(condition, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_a_conversion_that_hangs_is_killed_with_its_process_group_and_the_worker_replaced(
    make_pool, docx
):
    pool = make_pool(timeout=2)
    pool.convert(docx, {})
    (office_pid,) = pool.status()["office_pids"]
    os.kill(office_pid, signal.SIGSTOP)  # LibreOffice stops answering mid-conversion
    started = time.monotonic()
    with pytest.raises(PdfFailed, match="longer than 2 s"):
        pool.convert(docx, {})
    assert time.monotonic() - started < 5
    assert wait_until(lambda: dead(office_pid))
    assert "Page 1 of" in read_pdf(pool.convert(docx, {})).text  # a new worker took over
    assert pool.status()["office_pids"] != [office_pid]


def test_a_libreoffice_that_crashed_is_replaced_and_the_document_still_converts(make_pool, docx):
    pool = make_pool()
    pool.convert(docx, {})
    (office_pid,) = pool.status()["office_pids"]
    os.kill(office_pid, signal.SIGKILL)
    assert wait_until(lambda: dead(office_pid))
    assert read_pdf(pool.convert(docx, {})).pages
    assert pool.status()["office_pids"] != [office_pid]


def test_a_worker_is_replaced_after_its_set_number_of_conversions(make_pool, docx):
    pool = make_pool(max_conversions=2)
    pool.convert(docx, {})
    first = pool.status()["office_pids"]
    pool.convert(docx, {})
    assert wait_until(lambda: pool.status()["ready"] == 1 and pool.status()["office_pids"] != first)
    assert wait_until(lambda: all(dead(pid) for pid in first if pid))


def test_each_worker_has_its_own_profile_and_one_libreoffice(make_pool, docx):
    pool = make_pool(workers=2)
    pool.start()
    assert wait_until(lambda: pool.status()["ready"] == 2, seconds=60)
    pids = pool.status()["office_pids"]
    profiles = {
        arg
        for pid in pids
        for arg in Path(f"/proc/{pid}/cmdline").read_bytes().decode().split("\0")
        if arg.startswith("-env:UserInstallation=")
    }
    assert len(set(pids)) == 2 and len(profiles) == 2


def test_closing_the_pool_leaves_no_libreoffice_running(make_pool, docx):
    pool = make_pool()
    pool.convert(docx, {})
    pids = pool.status()["office_pids"]
    pool.close()
    assert wait_until(lambda: all(dead(pid) for pid in pids))


def test_conversions_run_in_a_private_directory_under_the_data_dir_and_leave_nothing_behind(
    make_pool, docx, tmp_path
):
    data = tmp_path / "data"
    stale = data / "office" / "wtwforms-office-999999999-0000"  # a server killed with -9
    (stale / "worker-1").mkdir(parents=True)
    pool = make_pool(data_dir=data)
    run_dir = pool.office.run_dir
    assert run_dir.parent == data / "office"
    assert "Page 1 of" in read_pdf(pool.convert(docx, {})).text
    with pytest.raises(PdfFailed, match="could not convert"):
        pool.convert(b"PK\x03\x04 not a document", {})
    assert not stale.exists()
    left = list(run_dir.rglob("*"))
    assert not [p for p in left if p.name in ("in.docx", "out.pdf")]
    assert {mode(p) for p in [data / "office", run_dir, *left] if p.is_dir()} == {0o700}
    assert {mode(p) for p in left if p.is_file()} <= {0o600}
    pool.close()
    assert not run_dir.exists()


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def test_without_libreoffice_the_pool_says_what_to_install(make_pool, docx):
    pool = make_pool(soffice="/nonexistent/soffice")
    with pytest.raises(PdfUnavailable, match="libreoffice-writer-nogui and python3-uno"):
        pool.convert(docx, {})


def test_without_the_uno_bridge_the_pool_says_what_to_install(make_pool, docx, tmp_path):
    python = tmp_path / "python3"
    python.write_text("#!/bin/sh\nexit 1\n")
    python.chmod(0o755)
    pool = make_pool(python=str(python))
    with pytest.raises(PdfUnavailable, match="uno"):
        pool.convert(docx, {})


def test_the_profile_turns_off_macros_links_and_the_network(tmp_path):
    settings = (write_profile(tmp_path) / "user" / "registrymodifications.xcu").read_text()
    assert '"DisableMacrosExecution" oor:op="fuse"><value>true' in settings
    assert '"MacroSecurityLevel" oor:op="fuse"><value>3' in settings
    assert 'Content/Update"><prop oor:name="Link" oor:op="fuse"><value>2' in settings
    assert '"ooInetHTTPProxyPort" oor:op="fuse"><value>9' in settings


def test_a_document_linking_to_an_outside_image_converts_without_fetching_it(office_pool, tmp_path):
    import http.server
    import threading

    from docx import Document

    hits: list[str] = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/tracker.png"
    document = Document()
    document.add_paragraph("Linked picture below.")
    run = document.add_paragraph().add_run()
    rel_id = document.part.relate_to(url, _IMAGE, is_external=True)
    run._r.append(_linked_picture(rel_id))
    path = tmp_path / "linked.docx"
    document.save(path)
    try:
        pdf = office_pool.convert(path.read_bytes(), {})
    finally:
        server.shutdown()
    assert "Linked picture below." in read_pdf(pdf).text
    assert hits == []


_IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"


def _linked_picture(rel_id: str):
    from docx.oxml import parse_xml

    return parse_xml(
        '<w:drawing xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<wp:inline><wp:extent cx="914400" cy="914400"/><wp:docPr id="1" name="p"/>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:pic><pic:nvPicPr><pic:cNvPr id="1" name="p"/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip r:link="{rel_id}"/><a:stretch><a:fillRect/></a:stretch>'
        '</pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/>'
        '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>'
        "</a:graphicData></a:graphic></wp:inline></w:drawing>"
    )
