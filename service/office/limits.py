"""LibreOffice's isolation limits: its address space as it starts, its CPU time per document.

The address space is set by the bridge before it starts LibreOffice (inherited by
oosplash and soffice.bin): soffice.bin maps about 0.8 GB (VmPeak) converting our forms,
so the default of 2 GB leaves room and still stops a document that inflates without end.
CPU time is a process's lifetime total, and a warm LibreOffice converts document after
document, so before each document its limit is moved to what it has used plus the budget
of one document (prlimit on the running process): a document that loops it ends it
(SIGXCPU), and the pool's retry gives the next document a fresh LibreOffice.
"""

from __future__ import annotations

import math
import os
import resource
from dataclasses import dataclass
from pathlib import Path

# The bridge reads the address-space limit from here (it never imports the service).
MEMORY_ENV = "WTWFORMS_OFFICE_MEMORY_MB"
# After the soft limit's SIGXCPU, the kernel's SIGKILL this much later.
HARD_MARGIN_SECONDS = 5


@dataclass(frozen=True)
class OfficeLimits:
    """``memory_mb`` of address space for each LibreOffice, ``cpu_seconds`` per document."""

    memory_mb: int = 2048
    cpu_seconds: int = 60


def cpu_used(pid: int) -> float:
    """Processor seconds (user and system) process ``pid`` has used."""
    # The command name (field 2) may hold spaces: count fields after its ")".
    fields = Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def allow_cpu(pid: int, seconds: int) -> None:
    """Let ``pid`` use ``seconds`` more processor time from now, then end it."""
    soft = math.ceil(cpu_used(pid)) + seconds
    resource.prlimit(pid, resource.RLIMIT_CPU, (soft, soft + HARD_MARGIN_SECONDS))
