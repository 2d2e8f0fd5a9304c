"""The ``holidays`` package's dates for a country and subdivision, kept in a small disk cache.

Loading a country from the package imports all of the 250 countries it knows (about 200 ms):
more than `wtwforms aor parse` spends reading a file. The dates for a country, subdivision
and years never change for one installed version of the package, so they are computed once
and read back as JSON after that. The cache is only ever a copy: if it cannot be read or
written, the package is asked as before.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
import json
import os
import tempfile
from pathlib import Path


def named_holidays(
    country: str, subdivision: str, years: tuple[int, ...]
) -> list[tuple[dt.date, str]]:
    """Each holiday of ``years`` with its name, not moved off weekends (the county's
    calendar decides that); a date with two holidays is listed once per name."""
    path = _cache_file(country, subdivision, years)
    if path is not None:
        try:
            return [(dt.date.fromisoformat(d), n) for d, n in json.loads(path.read_text())]
        except (OSError, ValueError, TypeError):
            pass
    import holidays  # only when the cache has no copy: see the module's docstring

    source = holidays.country_holidays(country, subdiv=subdivision, years=years, observed=False)
    named = [(day, name) for day, names in sorted(source.items()) for name in names.split("; ")]
    if path is not None:
        _write(path, json.dumps([(day.isoformat(), name) for day, name in named]))
    return named


def cache_dir() -> Path:
    """``WTWFORMS_CACHE_DIR``, else ``$XDG_CACHE_HOME/wtwforms``, else ``~/.cache/wtwforms``."""
    if os.environ.get("WTWFORMS_CACHE_DIR"):
        return Path(os.environ["WTWFORMS_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "wtwforms"


def _cache_file(country: str, subdivision: str, years: tuple[int, ...]) -> Path | None:
    spec = importlib.util.find_spec("holidays")
    if spec is None or spec.origin is None:
        return None
    try:
        # The installed package, told apart from any other by its place and its files' times.
        version = f"{spec.origin}:{Path(spec.origin).stat().st_mtime_ns}"
    except OSError:
        return None
    key = hashlib.sha256(f"{version}|{country}|{subdivision}|{years}".encode()).hexdigest()
    return cache_dir() / f"holidays-{key[:32]}.json"


def _write(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    except OSError:
        return  # a read-only home: the package is asked again next time
    try:
        with os.fdopen(handle, "w") as out:
            out.write(text)
        Path(temporary).replace(path)  # readers see the old file or the whole new one
    except OSError:
        Path(temporary).unlink(missing_ok=True)
