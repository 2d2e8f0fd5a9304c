"""Every page each role reaches, at desk and phone width: no sideways scroll, no axe violation.

The pages are filled by ``wtwforms demo`` (service/demo.py): slips in every state, AORs in the
inbox, assigned cases; and an AOR short of hours and a stored WTW 2, for the 42-6 notice and the
case's documents. Each role follows its navigation, then one link of each kind of detail page
found there (a case, an AOR, a slip to correct, a reading, every form).
"""

from __future__ import annotations

import io
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, ViewportSize
from werkzeug.serving import make_server

from service import demo
from tests.browser.axe import violations
from tests.browser.conftest import TIMEOUT_MS, Served
from tests.conftest import SAMPLES

DESK: ViewportSize = {"width": 1280, "height": 800}
PHONE: ViewportSize = {"width": 390, "height": 844}
USERS = {
    "ec": "demo.ec",
    "supervisor": "demo.sup",
    "clerical": "demo.clerk",
    "contractor": "demo.contractor",
    "admin": "demo.admin",
}
# Detail pages: every form's fill page; of the others, the first link of each kind.
EVERY = [re.compile(r"^/forms/[^/]+$")]
FIRST = [
    re.compile(r"^/cases/(?!assign$)[^/]+$"),
    re.compile(r"^/inbox/\d+$"),
    re.compile(r"^/inbox/\d+/notice$"),
    re.compile(r"^/slips/\d+/correct$"),
    re.compile(r"^/aors/upload/\d+$"),
]
# The pages a role must reach (patterns), so a page dropped from the links cannot pass unseen.
MUST_REACH = {
    "ec": [
        "/forms",
        "/forms/wtw2",
        "/slips/mine",
        r"/slips/\d+/correct",
        "/documents",
        "/inbox",
        r"/inbox/\d+/notice",
        r"/cases/\w+",
    ],
    "supervisor": ["/approvals", "/cases/assign", "/inbox", r"/inbox/\d+", "/forms/42-176"],
    "clerical": ["/routing"],
    "contractor": ["/aors/upload", r"/aors/upload/\d+"],
    "admin": ["/admin/accounts", "/admin/units", "/cases/assign"],
}
SHORT = "aor-101-000-grid"  # case QU7PX4E, 1.75 unexcused hours: the 42-6 is offered
CASE = "D1A2B34"  # a demo case of demo.ec
LINKS = "els => els.map(e => e.hasAttribute('download') ? '' : e.getAttribute('href'))"
SIDEWAYS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


@dataclass
class DemoSite:
    served: Served
    short_aor: int

    def extra(self, role: str) -> list[str]:
        """Detail pages the demo's links do not lead to."""
        if role != "ec":
            return []
        return [f"/cases/{CASE}", f"/inbox/{self.short_aor}", f"/inbox/{self.short_aor}/notice"]


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoSite]:
    """One app filled by the demo for the whole module: the pages are only read."""
    from service import create_app
    from service.extensions import db

    folder = tmp_path_factory.mktemp("every-page")
    settings = {
        "DATA_DIR": str(folder / "data"),
        "DATABASE_URL": f"sqlite:///{folder / 'web.db'}",
        "PDF_WARM_START": False,
    }
    app = create_app(settings)
    demo.fill(app)
    short_aor = _more_work(app, (SAMPLES / f"{SHORT}.pdf").read_bytes())
    http = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=http.serve_forever, daemon=True)
    thread.start()
    yield DemoSite(Served(app=app, url=f"http://localhost:{http.server_port}"), short_aor)
    http.shutdown()
    thread.join(timeout=10)
    app.extensions["office"].close()
    with app.app_context():
        db.engine.dispose()


def _more_work(app: Any, short_pdf: bytes) -> int:
    """The short AOR, assigned to demo.ec, and a WTW 2 the EC made: the AOR's id."""
    from service import cases, documents
    from service.auth import accounts
    from service.extensions import db

    with app.app_context():
        upload = accounts.issue_token(db.session, USERS["contractor"], "every page")
        make = accounts.issue_token(db.session, USERS["ec"], "every page")
        db.session.commit()
        client = app.test_client()
        answer = client.post(
            "/api/v1/aors",
            headers={"Authorization": f"Bearer {upload}"},
            data={"file": (io.BytesIO(short_pdf), f"{SHORT}.pdf")},
            content_type="multipart/form-data",
        )
        assert answer.status_code == 201, answer.get_json()
        ec = accounts.get_user(db.session, USERS["ec"])
        cases.put_assignment(db.session, answer.json["case_number"], ec, accounts.now())
        db.session.commit()
        plan = documents.example("wtw2") | {"case_number": CASE}
        made = client.post(
            "/api/v1/forms/wtw2/render", json=plan, headers={"Authorization": f"Bearer {make}"}
        )
        assert made.status_code == 200, made.get_json()
        return int(answer.json["id"])


def problems(page: Page, path: str) -> list[str]:
    """What is wrong with ``path`` at desk and at phone width."""
    found = []
    for size in (DESK, PHONE):
        page.set_viewport_size(size)
        response = page.goto(path)
        width = size["width"]
        if response is None or not response.ok:
            found.append(f"{path} answered {response and response.status}")
            continue
        overflow = page.evaluate(SIDEWAYS)
        if overflow > 0:
            found.append(f"{path} at {width} px scrolls sideways by {overflow} px: {wide(page)}")
        found.extend(f"{path} at {width} px: {v}" for v in violations(page))
    return found


def wide(page: Page) -> str:
    """The innermost elements sticking out past the window's right edge, to say where."""
    script = """() => {
      const edge = document.documentElement.clientWidth;
      const out = [...document.querySelectorAll('main *')]
        .filter(e => e.getBoundingClientRect().right > edge + 1)
        .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > edge + 1));
      return out.slice(0, 3).map(e => e.tagName.toLowerCase() + '.' + e.className).join(', ');
    }"""
    return str(page.evaluate(script))


def links(page: Page) -> list[str]:
    hrefs: list[str] = page.eval_on_selector_all("header a[href], main a[href]", LINKS)
    paths = []
    for href in hrefs:
        parts = urlsplit(href or "")
        if parts.netloc or parts.query or not parts.path.startswith("/"):
            continue
        if not parts.path.startswith(("/api/", "/assets/", "/static/")):
            paths.append(parts.path)
    return paths


def pages_of(page: Page) -> list[str]:
    """The role's navigation, then the detail pages linked from it."""
    page.set_viewport_size(DESK)
    nav: list[str] = page.eval_on_selector_all(
        "nav[aria-label=Main] a[href]", "els => els.map(e => e.getAttribute('href'))"
    )
    seen = list(dict.fromkeys(nav))
    for path in list(seen):
        page.goto(path)
        for found in links(page):
            if found in seen:
                continue
            if any(p.match(found) for p in EVERY) or any(
                p.match(found) and not any(p.match(s) for s in seen) for p in FIRST
            ):
                seen.append(found)
    return seen


def signed_in_page(browser: Browser, server: Served, role: str) -> Any:
    context = browser.new_context(base_url=server.url, viewport=DESK)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.goto("/sign-in")
    page.get_by_label("Username").fill(USERS[role])
    page.get_by_label("Password").fill(demo.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/sign-in" not in url)
    return context, page


@pytest.mark.parametrize("role", list(USERS))
def test_every_page_a_role_reaches_fits_a_phone_and_passes_axe(
    browser, demo_site, role, screenshot
):
    context, page = signed_in_page(browser, demo_site.served, role)
    try:
        visited = pages_of(page) + demo_site.extra(role)
        for must in MUST_REACH[role]:
            assert any(re.fullmatch(must, path) for path in visited), (must, visited)
        found = [problem for path in visited for problem in problems(page, path)]
        if role == "ec":
            page.set_viewport_size(PHONE)
            page.goto("/inbox")
            screenshot(page, "phone-inbox")
    finally:
        context.close()
    assert not found, "\n".join(found)


def test_the_sign_in_page_fits_a_phone_and_passes_axe(browser, demo_site):
    context = browser.new_context(base_url=demo_site.served.url)
    try:
        found = problems(context.new_page(), "/sign-in")
    finally:
        context.close()
    assert not found, "\n".join(found)
