"""Fixtures shared by every test: a fixed today, payloads, and reading documents back."""

from __future__ import annotations

import copy
import datetime as dt
import io
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from service import documents

TODAY = dt.date(2026, 11, 23)

HOSTILE = [
    "A & B <Co> \"quoted\" 'single'",
    "{{ form.title }} {% if true %}x{% endif %} {#c#}",
    "</w:t></w:r><w:r><w:t>injected",
    "Nguyễn Thị Thu Hương",
    "张伟 (Zhāng Wěi)",
    "محمد عبد الله",
    "Emoji 😀👍🏽 family 👨‍👩‍👧",
]


@dataclass
class DocxText:
    """The text of a generated document, by where it stands."""

    body: list[str]
    cells: list[str]
    headers: list[str]
    footers: list[str]
    title: str

    @property
    def everything(self) -> str:
        return "\n".join(self.body + self.cells + self.headers + self.footers)


def read_docx(content: bytes) -> DocxText:
    doc = Document(io.BytesIO(content))
    cells: list[str] = []
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                cells.append(cell.text)
                for nested in cell.tables:
                    cells.extend(c.text for r in nested.rows for c in r.cells)
    headers, footers = [], []
    for section in doc.sections:
        headers.extend(p.text for p in section.header.paragraphs)
        footers.extend(p.text for p in section.footer.paragraphs)
    return DocxText(
        body=[p.text for p in doc.paragraphs],
        cells=cells,
        headers=headers,
        footers=footers,
        title=doc.core_properties.title,
    )


@pytest.fixture
def today() -> dt.date:
    return TODAY


@pytest.fixture
def example():
    """A fresh copy of a form's example payload: ``example("42-6")``."""

    def load(form_id: str) -> dict[str, Any]:
        return copy.deepcopy(documents.example(form_id))

    return load


@pytest.fixture
def render(today):
    """Render a payload and read the document back: ``render("42-6", payload)``."""

    def go(form_id: str, payload: dict[str, Any]) -> DocxText:
        return read_docx(documents.render(form_id, payload, today=today).content)

    return go


@pytest.fixture
def check(today):
    """Check a payload: ``check("42-6", payload)`` returns the CheckResult."""

    def go(form_id: str, payload: dict[str, Any]) -> documents.CheckResult:
        return documents.check(form_id, payload, today=today)

    return go


# The suite runs on SQLite always, and on PostgreSQL too when TEST_DATABASE_URL names one.
BACKENDS = ["sqlite"] + (["postgresql"] if os.environ.get("TEST_DATABASE_URL") else [])


def reset_database(url: str) -> None:
    """An empty PostgreSQL database: the app's migrations then run from nothing."""
    import sqlalchemy

    engine = sqlalchemy.create_engine(url)
    with engine.begin() as connection:
        connection.execute(sqlalchemy.text("DROP SCHEMA public CASCADE"))
        connection.execute(sqlalchemy.text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=BACKENDS)
def app(request, tmp_path):
    from service import create_app
    from service.extensions import db

    data = tmp_path / "data"
    url = f"sqlite:///{tmp_path / 'test.db'}"
    if request.param == "postgresql":
        url = os.environ["TEST_DATABASE_URL"]
        reset_database(url)
    # No LibreOffice per test app: the PDF tests share one pool (fixture ``pdf``). AOR
    # readers start with the first upload, not the first request, and stop with the test.
    settings = {"TESTING": True, "DATA_DIR": str(data), "DATABASE_URL": url}
    application = create_app(settings | {"PDF_WARM_START": False, "AOR_READERS_WARM_START": False})
    yield application
    from service.jobs.queue import wait_for_jobs

    wait_for_jobs(application, timeout=300)  # a job still running finishes first
    application.extensions["aor_scans"].close()  # a scan still being read finishes first
    application.extensions["aor_readers"].close()
    db.engine.dispose()


PROVIDER = "Coastline Career Pathways, Inc."
ACCOUNTS = {
    "ec": {"username": "ec.rivera", "unit": "U17", "worker_number": "W2918"},
    "supervisor": {"username": "sup.chen", "unit": "U17", "worker_number": "S1001"},
    "clerical": {"username": "clerk.diaz", "unit": None, "worker_number": "C0042"},
    "contractor": {"username": "coastline.jo", "unit": None, "provider": PROVIDER},
    "admin": {"username": "admin.kim", "unit": None},
}


@pytest.fixture
def tokens(app) -> dict[str, str]:
    """One account per role, each with a bearer token: ``tokens["ec"]``."""
    from service.auth import accounts
    from service.extensions import db

    issued = {}
    with app.app_context():
        for role, facts in ACCOUNTS.items():
            accounts.create_user(
                db.session,
                display_name=facts["username"],
                role=role,
                **facts,
            )
            issued[role] = accounts.issue_token(db.session, facts["username"], "tests")
        db.session.commit()
    return issued


@pytest.fixture
def client_as(app, tokens):
    """A test client signed in by bearer token as a role: ``client_as("clerical")``."""

    def make(role: str):
        test_client = app.test_client()
        test_client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {tokens[role]}"
        return test_client

    return make


@pytest.fixture
def client_for(app, tokens):
    """A client for a new account: ``client_for("ec.okafor", "ec", unit="U22")``."""
    from service.auth import accounts
    from service.extensions import db

    def make(username: str, role: str, **facts: str | None):
        with app.app_context():
            accounts.create_user(db.session, username, username, role, **facts)
            token = accounts.issue_token(db.session, username, "tests")
            db.session.commit()
        test_client = app.test_client()
        test_client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {token}"
        return test_client

    return make


@pytest.fixture
def client(client_as):
    """An Employment Counselor's client: the forms API's everyday caller."""
    return client_as("ec")


@pytest.fixture
def anonymous(app):
    return app.test_client()


# Copies of the AOR samples with their expected readings: a clone anywhere carries its own data.
SAMPLES = Path(__file__).resolve().parent / "data" / "aor_samples"


@pytest.fixture
def sample_pdf():
    """The bytes of an AOR sample: ``sample_pdf("aor-101-000-grid")``."""

    def load(name: str) -> bytes:
        return (SAMPLES / f"{name}.pdf").read_bytes()

    return load


@pytest.fixture
def upload(client_as):
    """POST bytes to /api/v1/aors as the contractor, in the multipart field ``file``."""

    contractor = client_as("contractor")

    def go(data: bytes, filename: str = "aor.pdf"):
        return contractor.post(
            "/api/v1/aors",
            data={"file": (io.BytesIO(data), filename)},
            content_type="multipart/form-data",
        )

    return go


@pytest.fixture
def ec_aor(app, upload, sample_pdf):
    """A sample AOR uploaded by the contractor, its case assigned to the EC: ``ec_aor(name)``
    returns the stored reading (with its ``id``); ``ec_aor(name, data=...)`` uploads other bytes."""
    from service import cases
    from service.auth import accounts
    from service.extensions import db

    def go(name: str, data: bytes | None = None) -> dict[str, Any]:
        answer = upload(data or sample_pdf(name), f"{name}.pdf")
        assert answer.status_code in (200, 201), answer.get_json()
        reading: dict[str, Any] = answer.get_json()
        with app.app_context():
            ec = accounts.get_user(db.session, ACCOUNTS["ec"]["username"])
            cases.put_assignment(db.session, reading["case_number"], ec, accounts.now())
            db.session.commit()
        return reading

    return go


PAGE_PASSWORD = "a long enough passphrase"
CSRF_FIELD = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_of(html: str) -> str:
    """The CSRF token in a page's forms."""
    found = CSRF_FIELD.search(html)
    assert found, "the page has no form with a csrf_token"
    return found.group(1)


@pytest.fixture
def page_client(app, tokens):
    """A client signed in through the sign-in page, as pages are used, with its CSRF token as
    ``.csrf``: ``c = page_client("supervisor"); c.post(url, data={"csrf_token": c.csrf})``."""
    from service.auth import accounts
    from service.extensions import db

    def make(role: str):
        username = ACCOUNTS[role]["username"]
        with app.app_context():
            accounts.set_password(db.session, username, PAGE_PASSWORD)
            db.session.commit()
        browser = app.test_client()
        form = {"username": username, "password": PAGE_PASSWORD}
        answer = browser.post(
            "/sign-in", data=form | {"csrf_token": csrf_of(browser.get("/sign-in").text)}
        )
        assert answer.status_code == 303, answer.text
        browser.csrf = csrf_of(browser.get("/", follow_redirects=True).text)
        return browser

    return make


@dataclass
class PdfText:
    """A generated PDF read back: text per page, metadata and fonts."""

    pages: list[str]
    title: str
    subject: str
    keywords: str
    fonts: dict[str, bool]  # font name -> embedded

    @property
    def text(self) -> str:
        return "\n".join(self.pages)


def read_pdf(content: bytes) -> PdfText:
    import pdfplumber
    import pikepdf

    # pdfplumber orders characters by where they stand, so a name set partly in a
    # fallback font (a Vietnamese vowel, say) reads back in order.
    with pdfplumber.open(io.BytesIO(content)) as document:
        pages = [page.extract_text() or "" for page in document.pages]
        info = document.metadata
    fonts: dict[str, bool] = {}
    with pikepdf.Pdf.open(io.BytesIO(content)) as pdf:
        for page in pdf.pages:
            for font in (page.Resources.get("/Font") or {}).values():
                descriptor = _font_descriptor(font)
                embedded = descriptor is not None and any(
                    key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
                )
                fonts[str(font.get("/BaseFont"))] = embedded
    return PdfText(
        pages=pages,
        title=str(info.get("Title", "")),
        subject=str(info.get("Subject", "")),
        keywords=str(info.get("Keywords", "")),
        fonts=fonts,
    )


def _font_descriptor(font: Any) -> Any:
    # Type 0 (composite) fonts keep their descriptor on the descendant font.
    if "/DescendantFonts" in font:
        font = font.DescendantFonts[0]
    return font.get("/FontDescriptor")


def pdf_settings(**overrides: Any) -> Any:
    """The service's PDF_* settings (from Config) with ``overrides``."""
    from flask import Config as Settings

    from service.config import Config

    settings = Settings(".")
    settings.from_object(Config)
    settings.update({f"PDF_{key.upper()}": value for key, value in overrides.items()})
    return settings


@pytest.fixture(scope="session")
def office_pool():
    """One pool of warm LibreOffice workers shared by every PDF test."""
    from service.office import pool_from_config

    pool = pool_from_config(pdf_settings())
    missing = pool.missing()
    if missing:
        pytest.fail(f"{missing} Run `make install` (scripts/system-deps.sh) first.")
    pool.start()
    deadline = time.monotonic() + 60
    while pool.status()["ready"] < pool.settings.workers and time.monotonic() < deadline:
        time.sleep(0.05)
    yield pool
    pool.close()


@pytest.fixture
def pdf(app, office_pool):
    """The test app converts PDFs on the shared pool."""
    app.extensions["office"] = office_pool
    return office_pool
