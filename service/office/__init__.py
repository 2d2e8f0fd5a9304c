"""PDF output: DOCX converted by a pool of warm LibreOffice workers (README, "PDF output")."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any, Protocol

from flask import Flask, current_app

from service.office.limits import OfficeLimits
from service.office.pool import RUN_PREFIX, OfficePool, PoolSettings, sweep_stale
from service.office.worker import OfficeSettings

__all__ = ["Office", "OfficePool", "OfficeSettings", "PoolSettings", "pool_from_config"]


def pool_from_config(config: Any) -> OfficePool:
    """A pool set up from the PDF_* settings (Flask config, or any mapping)."""
    # Under the data directory (0700), not /tmp: the documents converted are participant data.
    name = f"{RUN_PREFIX}{os.getpid()}-{secrets.token_hex(4)}"
    run_dir = Path(config["DATA_DIR"]) / "office" / name
    office = OfficeSettings(
        soffice=str(config["PDF_SOFFICE"]),
        python=str(config["PDF_PYTHON"]),
        run_dir=run_dir,
        timeout=float(config["PDF_TIMEOUT"]),
        start_timeout=float(config["PDF_START_TIMEOUT"]),
        limits=OfficeLimits(int(config["PDF_MEMORY_MB"]), int(config["PDF_CPU_SECONDS"])),
    )
    pool = PoolSettings(
        workers=int(config["PDF_WORKERS"]),
        queue=int(config["PDF_QUEUE"]),
        wait=float(config["PDF_WAIT"]),
        max_conversions=int(config["PDF_MAX_CONVERSIONS"]),
    )
    return OfficePool(office, pool)


class Office:
    """Flask extension: one pool per app, warmed up in the background as the app starts."""

    def init_app(self, app: Flask) -> None:
        pool = pool_from_config(app.config)
        app.extensions["office"] = pool
        # A service killed with -9 left its conversions' files: gone as the next one starts.
        sweep_stale(pool.office.run_dir.parent)
        if app.config["PDF_WARM_START"] and not _remote(app.config):
            pool.start()

    @property
    def pool(self) -> OfficePool:
        """This process's own LibreOffice pool (with a broker, a web process never starts it)."""
        pool: OfficePool = current_app.extensions["office"]
        return pool

    @property
    def remote(self) -> bool:
        """Whether the current app's conversions are jobs for "pdf" workers (a broker set)."""
        return _remote(current_app.config)

    @property
    def converter(self) -> Converter:
        """What converts here: the pool, or with a broker the workers (service/jobs/remote.py)."""
        if not self.remote:
            return self.pool
        from service.jobs.remote import RemoteOffice

        app = current_app._get_current_object()  # type: ignore[attr-defined]
        if "office_remote" not in app.extensions:
            app.extensions["office_remote"] = RemoteOffice(app)
        converter: Converter = app.extensions["office_remote"]
        return converter

    def state(self) -> str:
        """``ready``, ``starting`` (or idle until the first PDF), or ``unavailable``."""
        if self.pool.missing():
            return "unavailable"
        return "ready" if self.pool.status()["ready"] else "starting"

    def convert(self, docx: bytes, meta: dict[str, Any], timeout: float | None = None) -> bytes:
        """The current app's converter converts ``docx``; see OfficePool.convert."""
        return self.converter.convert(docx, meta, timeout)


class Converter(Protocol):
    """OfficePool's conversion, which a remote converter offers too."""

    def convert(self, docx: bytes, meta: dict[str, Any], timeout: float | None = None) -> bytes:
        """The PDF of ``docx``; raises the domain errors of a failed conversion (503)."""


def _remote(config: Any) -> bool:
    from service.jobs.remote import remote

    return remote(config)
