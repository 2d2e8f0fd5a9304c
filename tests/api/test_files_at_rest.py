"""Participant data at rest: the data directory, database, key and AORs are this account's only."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from service import create_app
from service.extensions import db

GRID = "aor-101-000-grid"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask():
    """The umask most systems start services with (files 0644), so modes are set, not inherited."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_the_database_the_key_and_the_stored_aors_are_readable_by_the_service_only(
    open_umask, app, upload, sample_pdf
):
    assert upload(sample_pdf(GRID)).status_code == 201
    data = Path(app.config["DATA_DIR"])
    assert mode(data) == 0o700
    assert mode(data / "secret_key") == 0o600
    stored = list((data / "aor").rglob("*"))
    assert any(p.is_file() for p in stored)
    assert {mode(p) for p in stored if p.is_dir()} | {mode(data / "aor")} == {0o700}
    assert {mode(p) for p in stored if p.is_file()} == {0o600}
    url = app.config["DATABASE_URL"]
    if url.startswith("sqlite:///"):
        database = Path(url.removeprefix("sqlite:///"))
        companions = [database.with_name(database.name + end) for end in ("-wal", "-shm")]
        assert all(p.exists() for p in companions)  # written in WAL mode: all three hold data
        assert {mode(p) for p in [database, *companions]} == {0o600}


def test_a_data_directory_and_database_left_readable_before_are_tightened_at_start(
    open_umask, tmp_path
):
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    database = data / "wtwforms.db"
    database.touch(mode=0o644)
    (data / "secret_key").write_text("an old key\n")
    app = create_app(
        {
            "TESTING": True,
            "DATA_DIR": str(data),
            "DATABASE_URL": f"sqlite:///{database}",
            "PDF_WARM_START": False,
        }
    )
    db.engine.dispose()
    assert app.config["SECRET_KEY"] == "an old key"
    assert (mode(data), mode(database), mode(data / "secret_key")) == (0o700, 0o600, 0o600)
