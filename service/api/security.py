"""Security headers on every answer: what a browser may load, frame, cache and pass on."""

from __future__ import annotations

from flask import Flask, Response, request

CSP = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
# Swagger UI's page starts itself with an inline script, its script sets inline styles
# and its stylesheet draws icons from data: URIs; only that page is allowed them.
DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)
DOCS_PAGE = "api-docs.openapi_swagger_ui"
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}
# Swagger UI's own files and the pages' stylesheet and script hold no data: browsers may keep them.
CACHEABLE = frozenset({"docs_assets.static", "web.static"})


def init_security(app: Flask) -> None:
    app.after_request(add_security_headers)


def add_security_headers(response: Response) -> Response:
    response.headers["Content-Security-Policy"] = DOCS_CSP if request.endpoint == DOCS_PAGE else CSP
    for name, value in HEADERS.items():
        response.headers[name] = value
    if request.endpoint not in CACHEABLE:
        # Participant data (API answers and pages) must not stay behind in a browser's or a
        # proxy's cache.
        response.headers["Cache-Control"] = "no-store"
    return response
