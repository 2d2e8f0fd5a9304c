"""One warm LibreOffice: a bridge process (and its LibreOffice) in a process group of its own."""

from __future__ import annotations

import contextlib
import json
import os
import select
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from service.office.limits import MEMORY_ENV, OfficeLimits, allow_cpu
from service.office.profile import write_profile
from service.private import private_dir, write_private

BRIDGE = Path(__file__).with_name("bridge.py")
STOP_SECONDS = 3.0


class WorkerGone(Exception):
    """The worker died, hung or could not start; it has been killed and must be replaced."""

    def __init__(self, message: str, timed_out: bool = False) -> None:
        super().__init__(message)
        self.timed_out = timed_out


class DocumentRefused(Exception):
    """LibreOffice answered, but could not convert this document; the worker is fine."""


@dataclass(frozen=True)
class OfficeSettings:
    """How to start LibreOffice and how long to wait for it."""

    soffice: str
    python: str
    run_dir: Path
    timeout: float = 20.0
    start_timeout: float = 60.0
    limits: OfficeLimits = field(default_factory=OfficeLimits)


@dataclass(eq=False)  # compared and hashed by identity: the pool keeps a set of them
class Worker:
    """Converts one document at a time; ``kill`` ends the bridge and LibreOffice together."""

    settings: OfficeSettings
    name: str
    conversions: int = 0
    office_pid: int | None = None
    _proc: subprocess.Popen[bytes] | None = field(default=None, repr=False)
    _buffer: bytes = b""

    @property
    def home(self) -> Path:
        return self.settings.run_dir / self.name

    @property
    def pipe(self) -> str:
        # LibreOffice's pipe names are global to the machine: one unique to this pool and
        # worker, or a bridge could reach another pool's LibreOffice.
        return f"{self.settings.run_dir.name}-{self.name}"

    @property
    def pgid(self) -> int | None:
        return self._proc.pid if self._proc else None

    def start(self) -> None:
        """Start LibreOffice with a fresh profile; returns once it accepts documents."""
        shutil.rmtree(self.home, ignore_errors=True)
        profile = write_profile(self.home / "profile")
        # LibreOffice's own temporary files (copies of documents among them) stay in the
        # worker's private directory too, and everything it writes is for this account only.
        env = os.environ | {
            "TMPDIR": str(private_dir(self.home / "tmp")),
            MEMORY_ENV: str(self.settings.limits.memory_mb),
        }
        self._proc = subprocess.Popen(
            [self.settings.python, str(BRIDGE), self.settings.soffice, str(profile), self.pipe],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its own process group: one killpg takes LibreOffice too
            close_fds=True,
            env=env,
            umask=0o077,
        )
        hello = self._read(self.settings.start_timeout)
        if not hello.get("ready"):
            self.kill()
            raise WorkerGone(f"LibreOffice did not start: {hello.get('error', 'no answer')}")
        self.office_pid = int(hello["pid"])
        self._allow_cpu()

    def _allow_cpu(self) -> None:
        """One document's processor time from now (service/office/limits.py)."""
        if self.office_pid is not None:
            # Gone already: the conversion finds it so, and says so.
            with contextlib.suppress(OSError):
                allow_cpu(self.office_pid, self.settings.limits.cpu_seconds)

    def convert(self, docx: bytes, meta: dict[str, Any], timeout: float | None = None) -> bytes:
        """DOCX in, PDF out, within the time limit; raises WorkerGone after killing a hung one."""
        source, target = self.home / "in.docx", self.home / "out.pdf"
        try:
            write_private(source, docx)
            target.unlink(missing_ok=True)
            self._allow_cpu()
            self._send({"in": str(source), "out": str(target), **meta})
            answer = self._read(timeout or self.settings.timeout)
            self.conversions += 1
            # The bridge says so; or it took a crash for a refusal, but LibreOffice is dead.
            if answer.get("gone") or not (answer.get("ok") or self.alive()):
                self.kill()
                raise WorkerGone("LibreOffice stopped during the conversion")
            if not answer.get("ok"):
                raise DocumentRefused(str(answer.get("error", "conversion failed")))
            return target.read_bytes()
        finally:
            # Participant data: nothing of a conversion outlives it, however it ended.
            source.unlink(missing_ok=True)
            target.unlink(missing_ok=True)

    def _send(self, message: dict[str, Any]) -> None:
        assert self._proc and self._proc.stdin
        try:
            self._proc.stdin.write(json.dumps(message).encode() + b"\n")
            self._proc.stdin.flush()
        except (BrokenPipeError, OSError):
            self.kill()
            raise WorkerGone("the LibreOffice worker had stopped") from None

    def _read(self, timeout: float) -> dict[str, Any]:
        """One answer line, or WorkerGone (after a kill) when it does not come in time."""
        assert self._proc and self._proc.stdout
        fd = self._proc.stdout.fileno()
        deadline = time.monotonic() + timeout
        while b"\n" not in self._buffer:
            remaining = deadline - time.monotonic()
            ready, _, _ = select.select([fd], [], [], max(remaining, 0))
            if not ready:
                self.kill()
                raise WorkerGone(
                    f"LibreOffice took longer than {timeout:g} s and was stopped", timed_out=True
                )
            chunk = os.read(fd, 65536)
            if not chunk:
                self.kill()
                raise WorkerGone("the LibreOffice worker stopped unexpectedly")
            self._buffer += chunk
        line, _, self._buffer = self._buffer.partition(b"\n")
        return dict(json.loads(line))

    def alive(self) -> bool:
        """The bridge runs and so does its LibreOffice: only then may it have a document."""
        if self._proc is None or self._proc.poll() is not None:
            return False
        return self.office_pid is None or running(self.office_pid)

    def stop(self) -> None:
        """End politely: the bridge stops its LibreOffice when its stdin closes."""
        if self._proc is not None and self._proc.stdin is not None:
            with contextlib.suppress(OSError):
                self._proc.stdin.close()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._proc.wait(timeout=STOP_SECONDS)
        self.kill()

    def kill(self) -> None:
        """Kill the whole process group (bridge, oosplash, soffice.bin) and forget the profile."""
        # Taken first: a kill on SIGTERM may meet one already under way in another thread.
        proc, self._proc = self._proc, None
        if proc is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        for stream in (proc.stdin, proc.stdout):
            if stream:
                with contextlib.suppress(OSError):  # unflushed bytes to a dead bridge
                    stream.close()
        shutil.rmtree(self.home, ignore_errors=True)


def running(pid: int) -> bool:
    """``pid`` runs: not gone, and not a zombie its parent has yet to reap (a crashed
    LibreOffice stays one for a moment, and still answers ``kill -0``)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[-1].split()[0] not in ("Z", "X")
