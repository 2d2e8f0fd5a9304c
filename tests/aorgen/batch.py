"""Many generated AORs at once: each a seed, a producer and a re-saver, printed in few runs."""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from tests import aor_pdfs
from tests.aor_spec import AorSpec
from tests.aorgen import convert
from tests.aorgen.choices import RandomChoices
from tests.aorgen.draw import draw_spec
from tests.aorgen.sheet import write_fods
from tests.aorgen.web import html
from tests.aorgen.word import write_docx

PRODUCERS = ("reportlab", "writer", "calc", "chromium")
RESAVERS = (None, "qpdf", "gs", "pdftocairo")
# What each producer needs installed, by convert.missing's names.
NEEDS = {
    "reportlab": (),
    "writer": ("soffice",),
    "calc": ("soffice-calc",),
    "chromium": ("chromium",),
}


@dataclass(frozen=True)
class Job:
    """One generated AOR: its seed draws the spec, so the three values reproduce it anywhere."""

    seed: int
    producer: str
    resaver: str | None = None

    @cached_property
    def spec(self) -> AorSpec:
        return draw_spec(RandomChoices(self.seed), self.producer)

    @property
    def browser_furniture(self) -> bool:
        """One page in three keeps the browser's own header and footer (date, title, URL)."""
        return self.seed % 3 == 0

    def __str__(self) -> str:
        return f"Job({self.seed}, {self.producer!r}, {self.resaver!r})"


def plan(seed: int, count: int, producers: tuple[str, ...] = PRODUCERS) -> list[Job]:
    """``count`` jobs drawn from ``seed``, the producers in turn, re-savers at random."""
    rnd = random.Random(seed)
    return [
        Job(rnd.getrandbits(32), producers[n % len(producers)], rnd.choice(RESAVERS))
        for n in range(count)
    ]


def unavailable(job: Job) -> str | None:
    """Why ``job`` cannot be made on this machine, or None."""
    needs = (*NEEDS[job.producer], *([job.resaver] if job.resaver else []))
    return next((reason for tool in needs if (reason := convert.missing(tool))), None)


def produce(jobs: list[Job], work: Path) -> dict[Job, bytes | str]:
    """Each job's PDF, or the reason it could not be made (a program that is not installed)."""
    work.mkdir(parents=True, exist_ok=True)
    out: dict[Job, bytes | str] = {}
    ready = []
    for job in jobs:
        reason = unavailable(job)
        if reason:
            out[job] = reason
        else:
            ready.append(job)
    sources: dict[Job, Path] = {}
    pages = []
    for n, job in enumerate(ready):
        stem = work / f"aor-{n:04d}-{job.producer}"
        if job.producer == "writer":
            sources[job] = stem.with_suffix(".docx")
            write_docx(job.spec, sources[job])
        elif job.producer == "calc":
            sources[job] = stem.with_suffix(".fods")
            write_fods(job.spec, sources[job])
        elif job.producer == "chromium":
            page = stem.with_suffix(".html")
            page.write_text(html(job.spec), encoding="utf-8")
            pages.append((page, stem.with_suffix(".pdf"), job.browser_furniture))
    office = [path for job, path in sources.items()]
    convert.office_to_pdf(office, work, work / "lo-profile")
    convert.html_to_pdf(pages, work / "chromium-profile")
    for n, job in enumerate(ready):
        if job.producer == "reportlab":
            data = aor_pdfs.render(job.spec)
        elif (printed := work / f"aor-{n:04d}-{job.producer}.pdf").exists():
            data = printed.read_bytes()
        else:
            out[job] = f"{job.producer} did not print {printed.stem} (tried twice)"
            continue
        out[job] = convert.resave(data, job.resaver, work) if job.resaver else data
    return out
