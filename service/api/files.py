"""Sending a file as a download: the one place the API and the pages build that answer."""

from __future__ import annotations

import io

from flask import Response, send_file


def attachment(content: bytes, mimetype: str, filename: str) -> Response:
    """``content`` as a download named ``filename``."""
    return send_file(
        io.BytesIO(content), mimetype=mimetype, as_attachment=True, download_name=filename
    )
