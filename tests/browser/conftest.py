"""Browser tests: the real app on a free port, driven by Debian's Chromium through Playwright.

Chromium is never downloaded: ``make install`` (scripts/system-deps.sh) installs the system
package, and these tests fail, not skip, where it is missing.
"""

from __future__ import annotations

import io
import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from playwright.sync_api import Browser, Page, sync_playwright
from werkzeug.serving import make_server

from tests.conftest import ACCOUNTS

CHROMIUM = Path("/usr/bin/chromium")
# The network here is closed: without these Chromium keeps dialling out and floods the log.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PASSWORD = "a long enough passphrase"
# Fictional people, one per role.
NAMES = {
    "ec": "Ana Rivera",
    "supervisor": "Lee Chen",
    "clerical": "Rosa Diaz",
    "contractor": "Jo Whitfield",
    "admin": "Kim Park",
}
VIEWPORT = {"width": 1280, "height": 800}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
TIMEOUT_MS = 10_000


@dataclass
class Served:
    """The app under test and the address it answers on."""

    app: Flask
    url: str

    def run(self, work: Callable[[], Any]) -> Any:
        """Run ``work`` in the served app's context (to add accounts or records directly)."""
        with self.app.app_context():
            return work()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: run `make install` (scripts/system-deps.sh installs the "
            "Debian chromium package the browser tests drive)."
        )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Served]:
    """A fresh app on SQLite with its own data folder, served by werkzeug on a free port."""
    from service import create_app
    from service.extensions import db

    settings = {
        "DATA_DIR": str(tmp_path / "data"),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'web.db'}",
        # LibreOffice starts at the first PDF asked for, not with every test's app.
        "PDF_WARM_START": False,
    }
    app = create_app(settings)
    http = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=http.serve_forever, daemon=True)
    thread.start()
    # localhost, not 127.0.0.1: browsers let a Secure session cookie travel over plain HTTP there.
    yield Served(app=app, url=f"http://localhost:{http.server_port}")
    http.shutdown()
    thread.join(timeout=10)
    app.extensions["office"].close()
    db.engine.dispose()


@pytest.fixture
def pdf_server(server: Served, office_pool: Any) -> Iterator[Served]:
    """The served app makes PDFs on the suite's one warm LibreOffice pool (tests/conftest.py);
    request it in a browser test that downloads a PDF."""
    own = server.app.extensions["office"]
    server.app.extensions["office"] = office_pool
    yield server
    # The shared pool outlives this test; the server closes only its own (never started) one.
    server.app.extensions["office"] = own


@pytest.fixture
def people(server: Served) -> dict[str, str]:
    """One account per role (tests/conftest.py's ACCOUNTS), each with PASSWORD: username by role."""
    from service.auth import accounts
    from service.extensions import db

    def create() -> None:
        for role, facts in ACCOUNTS.items():
            accounts.create_user(
                db.session, display_name=NAMES[role], role=role, password=PASSWORD, **facts
            )
        db.session.commit()

    server.run(create)
    return {role: facts["username"] for role, facts in ACCOUNTS.items()}


@pytest.fixture
def arrived(server: Served, people: dict[str, str], sample_pdf: Any) -> Callable[..., int]:
    """``arrived("aor-101-000-grid")``: the contractor uploads a sample AOR through the API with
    a token, and its case is assigned to the EC; returns the AOR's id."""
    from service import cases
    from service.auth import accounts
    from service.extensions import db

    def upload(name: str) -> int:
        def store() -> int:
            token = accounts.issue_token(db.session, people["contractor"], "browser test")
            db.session.commit()
            answer = server.app.test_client().post(
                "/api/v1/aors",
                headers={"Authorization": f"Bearer {token}"},
                data={"file": (io.BytesIO(sample_pdf(name)), f"{name}.pdf")},
                content_type="multipart/form-data",
            )
            assert answer.status_code == 201, answer.get_json()
            ec = accounts.get_user(db.session, people["ec"])
            cases.put_assignment(db.session, answer.json["case_number"], ec, accounts.now())
            db.session.commit()
            return int(answer.json["id"])

        aor_id: int = server.run(store)
        return aor_id

    return upload


@pytest.fixture
def page(browser: Browser, server: Served) -> Iterator[Page]:
    """A new browser context (no cookies) per test, 1280 px wide, downloads allowed."""
    context = browser.new_context(base_url=server.url, viewport=VIEWPORT, accept_downloads=True)
    context.set_default_timeout(TIMEOUT_MS)
    opened = context.new_page()
    yield opened
    context.close()


@pytest.fixture
def signed_in(people: dict[str, str]) -> Callable[[Page, str], Page]:
    """Sign in through the real sign-in page: ``signed_in(page, "supervisor")``."""

    def sign_in(page: Page, role: str) -> Page:
        page.goto("/sign-in")
        page.get_by_label("Username").fill(people[role])
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(lambda url: "/sign-in" not in url)
        return page

    return sign_in


@pytest.fixture
def screenshot() -> Callable[[Page, str], None]:
    """``screenshot(page, "approvals")`` writes docs/screenshots/approvals.png (full page) when
    WTWFORMS_SCREENSHOTS=1 (``make screenshots``); otherwise it does nothing."""

    def take(page: Page, name: str) -> None:
        if os.environ.get("WTWFORMS_SCREENSHOTS") != "1":
            return
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)

    return take
