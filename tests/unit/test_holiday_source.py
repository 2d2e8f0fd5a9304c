"""The holidays package's dates are cached on disk and read back the same; a bad copy is ignored."""

from __future__ import annotations

import datetime as dt

from service.rules import holiday_source
from service.rules.holiday_source import named_holidays

YEARS = (2025, 2026, 2027)


def test_the_dates_are_cached_once_and_read_back_the_same(tmp_path, monkeypatch):
    monkeypatch.setenv("WTWFORMS_CACHE_DIR", str(tmp_path))
    first = named_holidays("US", "CA", YEARS)
    assert (dt.date(2026, 11, 26), "Thanksgiving Day") in first
    assert len(list(tmp_path.glob("holidays-*.json"))) == 1

    def no_package(*_args, **_kwargs):
        raise AssertionError("the package was asked although the cache has the dates")

    monkeypatch.setattr("holidays.country_holidays", no_package)
    assert named_holidays("US", "CA", YEARS) == first


def test_a_damaged_cache_file_is_ignored_and_written_again(tmp_path, monkeypatch):
    monkeypatch.setenv("WTWFORMS_CACHE_DIR", str(tmp_path))
    expected = named_holidays("US", "CA", YEARS)
    (cached,) = tmp_path.glob("holidays-*.json")
    cached.write_text("{not json")
    assert named_holidays("US", "CA", YEARS) == expected
    assert cached.read_text().startswith("[")


def test_an_unwritable_cache_leaves_the_dates_right(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("")
    monkeypatch.setattr(holiday_source, "cache_dir", lambda: blocked / "cache")
    assert (dt.date(2026, 12, 25), "Christmas Day") in named_holidays("US", "CA", YEARS)
