"""The programs that turn drawn AORs into PDFs and re-save PDFs, each found on PATH or missing."""

from __future__ import annotations

import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

TIMEOUT = 300
# Documents printed by one LibreOffice run: each start costs about a second.
CHUNK = 40
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Debian package that brings each program, for the reason given when it is missing.
PACKAGES = {
    "soffice": "libreoffice-writer-nogui",
    "soffice-calc": "libreoffice-calc-nogui",
    "chromium": "chromium",
    "qpdf": "qpdf",
    "gs": "ghostscript",
    "pdftocairo": "poppler-utils",
}
GHOSTSCRIPT = ["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite"]
RESAVE = {
    "qpdf": ["qpdf", "--object-streams=generate", "{src}", "{out}"],
    "gs": [*GHOSTSCRIPT, "-sOutputFile={out}", "{src}"],
    "pdftocairo": ["pdftocairo", "-pdf", "{src}", "{out}"],
}


def missing(tool: str) -> str | None:
    """Why ``tool`` cannot run here, or None when it can."""
    found = {
        "soffice": shutil.which("soffice"),
        "soffice-calc": _calc(),
        "chromium": Path(CHROMIUM).exists() or None,
    }.get(tool, shutil.which(tool))
    if found:
        return None
    return f"{tool} is not installed (Debian package {PACKAGES[tool]}: scripts/system-deps.sh)"


def _calc() -> str | None:
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    program = Path(soffice).resolve().parent
    return str(program) if any(program.glob("libsclo.so")) else None


def office_to_pdf(sources: list[Path], outdir: Path, profile: Path) -> None:
    """Print the Writer and Calc documents in ``sources`` to ``outdir``, many to a run.

    A long run of LibreOffice now and then leaves a file out: those are printed once more.
    """
    for attempt in range(2):
        todo = [s for s in sources if not (outdir / f"{s.stem}.pdf").exists()]
        for start in range(0, len(todo), CHUNK):
            command = [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
                str(outdir),
                *map(str, todo[start : start + CHUNK]),
            ]
            subprocess.run(command, check=attempt == 0, capture_output=True, timeout=TIMEOUT)


def html_to_pdf(pages: list[tuple[Path, Path, bool]], profile: Path) -> None:
    """Print each (page, pdf, browser header and footer) with Chromium, started once."""
    if not pages:
        return
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # without Playwright: one Chromium start per page, about 2 s each
        for page, pdf, furniture in pages:
            _chromium_cli(page, pdf, furniture, profile)
        return
    # The browser tests' Playwright keeps an event loop in this thread, where the sync API
    # refuses to start: print from a thread of its own.
    with ThreadPoolExecutor(1) as thread:
        thread.submit(_print_pages, sync_playwright, pages).result()


def _print_pages(sync_playwright: Any, pages: list[tuple[Path, Path, bool]]) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        tab = browser.new_page()
        for page, pdf, furniture in pages:
            tab.goto(page.as_uri())
            tab.pdf(
                path=str(pdf),
                format="Letter",
                margin={"top": "0.5in", "bottom": "0.5in", "left": "0.5in", "right": "0.5in"},
                prefer_css_page_size=True,
                display_header_footer=furniture,
            )
        browser.close()


def _chromium_cli(page: Path, pdf: Path, furniture: bool, profile: Path) -> None:
    command = [
        CHROMIUM,
        *CHROMIUM_ARGS,
        f"--user-data-dir={profile}",
        f"--print-to-pdf={pdf}",
        *([] if furniture else ["--no-pdf-header-footer"]),
        page.as_uri(),
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=TIMEOUT)


def resave(data: bytes, how: str, work: Path) -> bytes:
    """``data`` re-saved by qpdf, Ghostscript (pdfwrite) or pdftocairo."""
    src, out = work / f"in-{how}.pdf", work / f"out-{how}.pdf"
    src.write_bytes(data)
    command = [part.format(src=src, out=out) for part in RESAVE[how]]
    done = subprocess.run(command, capture_output=True, timeout=TIMEOUT)
    if done.returncode not in (0, 3):  # qpdf exits 3 after warnings, with a good file
        raise RuntimeError(f"{how} failed: {done.stderr.decode(errors='replace')[:300]}")
    return out.read_bytes()
