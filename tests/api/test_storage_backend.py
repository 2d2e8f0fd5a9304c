"""With STORAGE_BACKEND=database files live in the database: no machine keeps any of its own."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from service import create_app
from service.extensions import db
from service.models.aor import AorUpload
from service.models.blob import StoredBlob
from tests.conftest import BACKENDS, read_docx, reset_database
from tests.referrals import assign

GRID = "aor-101-000-grid"
FILLABLE = "aor-101-001-fillable"


@pytest.fixture(params=BACKENDS)
def app(request, tmp_path, monkeypatch):
    """The suite's app, told by the environment to keep its files in the database."""
    monkeypatch.setenv("WTWFORMS_STORAGE_BACKEND", "database")
    url = f"sqlite:///{tmp_path / 'test.db'}"
    if request.param == "postgresql":
        url = os.environ["TEST_DATABASE_URL"]
        reset_database(url)
    settings = {"TESTING": True, "DATA_DIR": str(tmp_path / "data"), "DATABASE_URL": url}
    application = create_app(settings | {"PDF_WARM_START": False, "AOR_READERS_WARM_START": False})
    yield application
    application.extensions["aor_scans"].close()
    application.extensions["aor_readers"].close()
    db.engine.dispose()


def files_under(app, folder: str) -> list[Path]:
    root = Path(app.config["DATA_DIR"]) / folder
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def blobs(app, store: str) -> int:
    with app.app_context():
        query = select(func.count()).select_from(StoredBlob).where(StoredBlob.store == store)
        return db.session.scalar(query) or 0


def test_the_environment_chooses_the_database_backend(app):
    assert app.config["STORAGE_BACKEND"] == "database"


def test_an_aor_upload_is_kept_in_the_database_and_downloads_from_it(
    app, upload, sample_pdf, client_as
):
    answer = upload(sample_pdf(GRID), "september.pdf")
    assert answer.status_code == 201, answer.json
    aor = answer.json
    assign(app, aor["case_number"])
    original = client_as("supervisor").get(f"/api/v1/aors/{aor['id']}/original")
    assert original.status_code == 200
    assert original.data == sample_pdf(GRID)
    copy = client_as("ec").get(f"/api/v1/aors/{aor['id']}/file")
    assert copy.status_code == 200
    assert copy.mimetype == "application/pdf"
    assert blobs(app, "aor") >= 1
    assert files_under(app, "aor") == []


def test_several_aors_sent_in_one_form_post_are_all_kept_in_the_database(
    app, page_client, sample_pdf
):
    # One request, one transaction: each file's rows are written where the request writes.
    contractor = page_client("contractor")
    sent = [(io.BytesIO(sample_pdf(name)), f"{name}.pdf") for name in (GRID, FILLABLE)]
    answer = contractor.post(
        "/aors/upload",
        data={"csrf_token": contractor.csrf, "files": sent},
        content_type="multipart/form-data",
    )
    assert answer.status_code == 200
    with app.app_context():
        assert db.session.query(AorUpload).count() == 2
    assert blobs(app, "aor") >= 2
    assert files_under(app, "aor") == []


def test_a_generated_document_downloads_again_from_the_database(app, client, example):
    rendered = client.post("/api/v1/forms/42-6/render", json=example("42-6"))
    assert rendered.status_code == 200, rendered.json
    again = client.get(rendered.headers["Content-Location"])
    assert again.status_code == 200
    assert again.data == rendered.data
    assert "B4C7Q21" in read_docx(again.data).everything
    assert blobs(app, "documents") == 1
    assert files_under(app, "documents") == []


def test_a_request_that_fails_after_storing_its_file_keeps_no_row_of_it(app, upload, sample_pdf):
    dbapi = db.engine.dialect.loaded_dbapi

    def fail(_conn, _cursor, statement, *_args):
        if statement.lstrip().upper().startswith("INSERT INTO AUDIT_EVENT"):
            raise dbapi.OperationalError("server closed the connection unexpectedly")

    event.listen(db.engine, "before_cursor_execute", fail)
    try:
        assert upload(sample_pdf(GRID)).status_code == 503
    finally:
        event.remove(db.engine, "before_cursor_execute", fail)
    assert blobs(app, "aor") == 0


def test_health_reports_the_database_backend_writable_without_free_space(anonymous, app):
    answer = anonymous.get("/api/v1/health")
    assert answer.json["storage"] == {"backend": "database", "writable": True, "free_bytes": None}
    assert blobs(app, "health-probe") == 0


def test_an_unknown_storage_backend_stops_start_up(tmp_path, monkeypatch):
    monkeypatch.setenv("WTWFORMS_STORAGE_BACKEND", "floppy")
    with pytest.raises(ValueError, match="STORAGE_BACKEND"):
        create_app({"TESTING": True, "DATA_DIR": str(tmp_path), "PDF_WARM_START": False})
