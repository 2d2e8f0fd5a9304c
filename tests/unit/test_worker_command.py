"""`wtwforms worker` refuses what it cannot run: an unknown queue, or no broker named."""

from __future__ import annotations

import pytest

from service.cli import main


def test_an_unknown_queue_is_named_and_exits_2(capsys):
    with pytest.raises(SystemExit) as ended:
        main(["worker", "--queues", "pdf,printing"])
    assert ended.value.code == 2
    assert capsys.readouterr().err == "wtwforms: --queues takes pdf, aor; not printing\n"


def test_without_a_broker_url_the_worker_says_which_setting_it_needs(capsys, monkeypatch, tmp_path):
    monkeypatch.delenv("WTWFORMS_BROKER_URL", raising=False)
    monkeypatch.setenv("WTWFORMS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("WTWFORMS_DATABASE_URL", f"sqlite:///{tmp_path / 'w.db'}")
    with pytest.raises(SystemExit) as ended:
        main(["worker", "--queues", "aor"])
    assert ended.value.code == 2
    assert "no broker: set WTWFORMS_BROKER_URL" in capsys.readouterr().err
