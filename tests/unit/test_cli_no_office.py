"""Commands that make no PDF start no LibreOffice (and no AOR reader)."""

from __future__ import annotations

import pytest

from service.aor.gate import ReaderGate
from service.cli import main
from service.office.pool import OfficePool
from service.office.worker import Worker


@pytest.fixture
def started(monkeypatch, tmp_path) -> list[str]:
    """What the command started; the data directory is the test's own."""
    monkeypatch.setenv("WTWFORMS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("WTWFORMS_PDF_WARM_START", raising=False)
    seen: list[str] = []
    monkeypatch.setattr(OfficePool, "start", lambda self: seen.append("pdf pool"))
    monkeypatch.setattr(Worker, "start", lambda self: seen.append("libreoffice"))
    monkeypatch.setattr(ReaderGate, "warm", lambda self, *a: seen.append("aor readers"))
    return seen


def test_every_users_command_runs_without_starting_libreoffice(started, capsys):
    main(["units", "add", "U1"])  # accounts pick their unit from the list
    main(["users", "create", "clerk.fictional", "--role", "clerical"])
    main(["users", "list", "--json"])
    main(["users", "token", "clerk.fictional", "--label", "test"])
    main(["users", "disable", "clerk.fictional"])
    out = capsys.readouterr().out
    assert "created clerk.fictional" in out and "disabled clerk.fictional" in out
    assert started == []


def test_listing_checking_and_rendering_docx_start_no_libreoffice(
    started, tmp_path, example, capsys
):
    import json

    data = tmp_path / "case.json"
    data.write_text(json.dumps(example("42-6")), encoding="utf-8")
    main(["forms"])
    main(["check", "42-6", str(data)])
    main(["render", "42-6", str(data), "-o", str(tmp_path / "notice.docx")])
    assert "wrote" in capsys.readouterr().out
    assert started == []
