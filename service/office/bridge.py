"""One LibreOffice, driven over UNO: reads conversion requests on stdin, answers on stdout.

Run by the pool under the system Python that has LibreOffice's ``uno`` module (Debian's
python3-uno), as the leader of its own process group, so killing the group also kills
the LibreOffice it started. Standard library and ``uno`` only: it never imports the
service. Protocol: one JSON object per line each way; ``{"ready": true}`` once started.
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

START_SECONDS = 60.0
# The address space of LibreOffice, in MB, set before it starts (service/office/limits.py).
MEMORY_ENV = "WTWFORMS_OFFICE_MEMORY_MB"
# Document-level hardening on every load; the profile settings (written by the pool)
# repeat it for anything the load arguments do not reach.
NEVER_EXECUTE_MACROS = 0  # com.sun.star.document.MacroExecMode.NEVER_EXECUTE
NO_LINK_UPDATE = 0  # com.sun.star.document.UpdateDocMode.NO_UPDATE
PDF_FILTER_DATA = {
    "EmbedStandardFonts": True,  # every font in the file, the PDF base 14 included
    "UseTaggedPDF": True,  # structure for screen readers; print runs skip it
    "ExportFormFields": False,
    "ExportLinksRelativeFsys": False,
    "ExportBookmarks": False,
}


def props(**values: Any) -> tuple[Any, ...]:
    out = []
    for name, value in values.items():
        prop = PropertyValue()
        prop.Name, prop.Value = name, value
        out.append(prop)
    return tuple(out)


def start_office(soffice: str, profile: Path, pipe: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            soffice,
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "--nodefault",
            "--nolockcheck",
            "--nofirststartwizard",
            f"-env:UserInstallation={profile.as_uri()}",
            f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
        ],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def connect(pipe: str, office: subprocess.Popen[bytes]) -> Any:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    deadline = time.monotonic() + START_SECONDS
    while True:
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            return ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        except NoConnectException:
            if office.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("LibreOffice did not start") from None
            time.sleep(0.05)


def office_pid(fallback: int) -> int:
    """The soffice.bin of our process group (the launcher script and oosplash sit above it)."""
    group = os.getpgrp()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if os.getpgid(int(entry.name)) != group:
                continue
            if (entry / "cmdline").read_bytes().split(b"\0")[0].endswith(b"soffice.bin"):
                return int(entry.name)
        except (OSError, ValueError):
            continue
    return fallback


def convert(desktop: Any, request: dict[str, Any]) -> None:
    source = Path(request["in"]).as_uri()
    doc = desktop.loadComponentFromURL(
        source,
        "_blank",
        0,
        props(
            Hidden=True,
            ReadOnly=True,
            MacroExecutionMode=NEVER_EXECUTE_MACROS,
            UpdateDocMode=NO_LINK_UPDATE,
            FilterName="MS Word 2007 XML",
        ),
    )
    if doc is None:
        raise RuntimeError("LibreOffice could not open the document")
    try:
        info = doc.getDocumentProperties()
        info.Title = request.get("title", info.Title)
        info.Subject = request.get("subject", info.Subject)
        info.Keywords = tuple(request.get("keywords", info.Keywords))
        options = PDF_FILTER_DATA | {"UseTaggedPDF": bool(request.get("tagged", True))}
        filter_data = uno.Any("[]com.sun.star.beans.PropertyValue", props(**options))
        doc.storeToURL(
            Path(request["out"]).as_uri(),
            props(FilterName="writer_pdf_Export", FilterData=filter_data),
        )
    finally:
        doc.close(True)


def answer(message: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def serve(office: subprocess.Popen[bytes], pipe: str) -> None:
    try:
        desktop = connect(pipe, office)
    except Exception as exc:  # reported to the pool, which gives up on us
        answer({"ready": False, "error": str(exc)})
        return
    OFFICE["bin"] = office_pid(office.pid)
    answer({"ready": True, "pid": OFFICE["bin"]})
    for line in sys.stdin:
        request = json.loads(line)
        try:
            convert(desktop, request)
            answer({"ok": True})
        except Exception as exc:  # one bad document must not end the worker
            gone = office_gone(office, exc)  # ...but a LibreOffice that died does
            answer({"ok": False, "gone": gone, "error": f"{type(exc).__name__}: {exc}"})
            if gone:
                return


OFFICE: dict[str, int] = {}


def office_gone(office: subprocess.Popen[bytes], exc: Exception) -> bool:
    # pyuno names its exception classes in full ("com.sun.star.lang.DisposedException"); a
    # bridge torn down mid-call may also say so only in its message.
    disposed = type(exc).__name__.rsplit(".", 1)[-1] == "DisposedException"
    if office.poll() is not None or disposed or "URP bridge disposed" in str(exc):
        return True  # the UNO connection is gone with the process at its other end
    # Killed mid-call, LibreOffice may surface as any error ("could not open the document"),
    # before its launcher has noticed: a moment, then is soffice.bin still running?
    time.sleep(SETTLE_SECONDS)
    return office.poll() is not None or not running(OFFICE["bin"])


SETTLE_SECONDS = 0.2


def running(pid: int) -> bool:
    """Not gone, and not a zombie (which ``kill -0`` would still find)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[-1].split()[0] not in ("Z", "X")


def end_group(*_: Any) -> None:
    """Stop LibreOffice from the bottom up, so each process is reaped by its own parent."""
    with contextlib.suppress(OSError):
        os.kill(OFFICE["bin"], signal.SIGKILL)
        os.waitpid(OFFICE["launcher"], 0)  # the launcher (oosplash) reaps soffice.bin, then ends
    os.killpg(0, signal.SIGKILL)


def limit_memory() -> None:
    """The address-space limit LibreOffice inherits (this bridge keeps it too: it is small)."""
    megabytes = int(os.environ.get(MEMORY_ENV) or 0)
    if megabytes > 0:
        limit = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def main() -> None:
    soffice, profile, pipe = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    # Stopped politely (SIGTERM): take LibreOffice along. (No PR_SET_PDEATHSIG: it fires
    # when the pool's starting thread ends, not the service; a dead service closes our
    # stdin, which ends us just as well.)
    signal.signal(signal.SIGTERM, end_group)
    limit_memory()
    office = start_office(soffice, profile, pipe)
    OFFICE["launcher"] = office.pid
    try:
        serve(office, pipe)
    finally:
        # Stdin closed (the service stopped or is replacing us), LibreOffice died, or
        # anything else went wrong, even writing to a service that is gone: no LibreOffice
        # outlives its bridge.
        end_group()


if __name__ == "__main__":
    main()
