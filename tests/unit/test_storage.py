"""The content-addressed store keeps each file once, whole, under its SHA-256."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from service.aor.history import preceding_months
from service.storage import FileStore


def test_a_stored_file_comes_back_byte_for_byte(tmp_path):
    store = FileStore(tmp_path)
    data = b"%PDF-1.7\n" + bytes(range(256))
    digest = store.put(data)
    assert digest == hashlib.sha256(data).hexdigest()
    assert store.get(digest) == data


def test_the_same_content_is_stored_once(tmp_path):
    store = FileStore(tmp_path)
    assert store.put(b"same") == store.put(b"same")
    assert len([p for p in tmp_path.rglob("*") if p.is_file()]) == 1


def test_a_failed_write_leaves_no_file_behind(tmp_path, monkeypatch):
    store = FileStore(tmp_path)

    def broken_replace(self, target):
        raise OSError("disk full")

    monkeypatch.setattr(Path, "replace", broken_replace)
    with pytest.raises(OSError):
        store.put(b"half")
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_a_name_that_is_not_a_digest_is_refused(tmp_path):
    with pytest.raises(ValueError):
        FileStore(tmp_path).get("../../etc/passwd")


def test_the_eleven_months_before_a_report_month_cross_the_year():
    # 45 CFR 261.60(b): the 12-month period is the report month and the 11 before it.
    months = preceding_months("2026-03")
    assert months[0] == "2026-02"
    assert months[2] == "2025-12"
    assert months[-1] == "2025-04"
    assert len(months) == 11
