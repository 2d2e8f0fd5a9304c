"""Security headers: on every answer, refusals included; inline script on the docs page only."""

from __future__ import annotations

import pytest

STRICT_CSP = "default-src 'self'"
COMMON = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/v1/forms", 200),
        ("/api/v1/forms/no-such-form", 404),
        ("/api/v1/openapi.json", 200),
        ("/api/v1/aors/blank", 200),
        ("/api/v1/audit", 403),
    ],
)
def test_api_answers_carry_the_security_headers_and_are_not_cached(client, path, status):
    answer = client.get(path)
    assert answer.status_code == status
    for name, value in COMMON.items():
        assert answer.headers[name] == value
    assert answer.headers["Content-Security-Policy"].startswith(STRICT_CSP)
    assert "unsafe-inline" not in answer.headers["Content-Security-Policy"]
    assert answer.headers["Cache-Control"] == "no-store"


def test_refusals_carry_the_security_headers_too(anonymous):
    answer = anonymous.get("/api/v1/forms")
    assert answer.status_code == 401
    assert answer.headers["X-Frame-Options"] == "DENY"
    assert answer.headers["Cache-Control"] == "no-store"


def test_pages_outside_the_api_get_the_headers_as_well(anonymous):
    answer = anonymous.get("/no/such/page")
    assert answer.status_code == 404
    assert answer.headers["Content-Security-Policy"].startswith(STRICT_CSP)
    assert answer.headers["X-Content-Type-Options"] == "nosniff"


def test_only_the_docs_page_may_run_its_inline_script(client):
    page = client.get("/api/v1/docs")
    assert page.status_code == 200
    assert b"<script>" in page.data  # the reason for the exception
    policy = page.headers["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline'" in policy
    assert "frame-ancestors 'none'" in policy
    assert page.headers["X-Frame-Options"] == "DENY"


def test_swagger_uis_own_files_may_be_cached(anonymous):
    asset = anonymous.get("/api/v1/docs/assets/swagger-ui-bundle.js")
    assert asset.status_code == 200
    assert asset.headers.get("Cache-Control") != "no-store"
    assert asset.headers["X-Content-Type-Options"] == "nosniff"
    asset.close()
