"""axe-core run in the page a browser test is on: the WCAG 2.1 A and AA violations it finds.

The script is the axe.min.js that the axe-playwright-python package ships (a dev dependency),
so nothing is fetched at run time. It is injected through the DevTools protocol, which the
pages' Content-Security-Policy does not block.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from playwright.sync_api import Page

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
RUN = "tags => axe.run(document, {runOnly: tags, resultTypes: ['violations']})"


@cache
def axe_script() -> str:
    return resources.files("axe_playwright_python").joinpath("axe.min.js").read_text("utf-8")


def violations(page: Page) -> list[str]:
    """Each violation on the page as "rule: what is wrong (where)"; none is an empty list."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_script())
    found: dict[str, Any] = page.evaluate(RUN, TAGS)
    return [
        f"{v['id']}: {v['help']} ({', '.join(str(n['target']) for n in v['nodes'][:3])})"
        for v in found["violations"]
    ]


def assert_accessible(page: Page) -> None:
    """Fail the test, naming every violation, when axe-core finds any on the page."""
    found = violations(page)
    assert not found, f"axe-core on {page.url}:\n" + "\n".join(found)
