"""Fixtures shared by every test: a fixed today, payloads, and reading documents back."""

from __future__ import annotations

import copy
import datetime as dt
import io
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


@pytest.fixture
def app(tmp_path):
    from service import create_app

    return create_app({"TESTING": True, "DATA_DIR": str(tmp_path / "data")})


@pytest.fixture
def client(app):
    return app.test_client()


SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "aor" / "samples"


@pytest.fixture
def sample_pdf():
    """The bytes of a shared AOR sample: ``sample_pdf("aor-101-000-grid")``."""

    def load(name: str) -> bytes:
        return (SAMPLES / f"{name}.pdf").read_bytes()

    return load


@pytest.fixture
def upload(client):
    """POST bytes to /api/v1/aors as the multipart field ``file``."""

    def go(data: bytes, filename: str = "aor.pdf"):
        return client.post(
            "/api/v1/aors",
            data={"file": (io.BytesIO(data), filename)},
            content_type="multipart/form-data",
        )

    return go
