"""Reading request bodies with errors a person can act on."""

from __future__ import annotations

import json
from typing import Any

from flask import request

from service.errors import BadRequestBody


def json_body() -> Any:
    """The request's JSON; a clear 400 when it is missing or malformed."""
    if not request.is_json:
        raise BadRequestBody("Send the payload as JSON with Content-Type: application/json.")
    try:
        return json.loads(request.get_data(cache=True))
    except (ValueError, UnicodeDecodeError) as exc:
        raise BadRequestBody(f"The request body is not valid JSON: {exc}") from None
