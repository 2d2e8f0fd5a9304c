"""Sending a file as a download: the one place the API and the pages build that answer."""

from __future__ import annotations

import io

from flask import Response, send_file

# The kinds of file the service sends, and the extension each download name must end in.
EXTENSIONS = {
    "application/pdf": ".pdf",
    "text/csv": ".csv",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
}


def attachment(content: bytes, mimetype: str, filename: str) -> Response:
    """``content`` as a download named ``filename``, with the extension of its kind."""
    return send_file(
        io.BytesIO(content),
        mimetype=mimetype,
        as_attachment=True,
        download_name=named_as(filename, mimetype),
    )


def named_as(filename: str, mimetype: str) -> str:
    """``filename`` ending in ``mimetype``'s extension: an uploader's ``x.html`` opens as a PDF."""
    extension = EXTENSIONS.get(mimetype)
    if extension is None or filename.lower().endswith(extension):
        return filename
    stem, dot, _ = filename.rpartition(".")
    return f"{(stem if dot else filename) or 'download'}{extension}"
