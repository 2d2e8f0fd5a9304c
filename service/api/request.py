"""Reading request bodies with errors a person can act on; what enters is checked here first."""

from __future__ import annotations

import json
from typing import Any

from flask import Flask, Response, g, request
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import MethodNotAllowed
from werkzeug.routing import IntegerConverter, Map

from schemas.fields import MAX_ID
from service.errors import BadRequestBody, InvalidInput
from service.text import has_surrogate, json_deeper_than, surrogate_path, without_surrogates

# Deeper than any form's payload; a parser recurses, so depth is counted before parsing.
MAX_JSON_DEPTH = 64
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
NOT_TEXT = "Contains a character that is not text (half of a UTF-16 surrogate pair)."


class RecordId(IntegerConverter):
    """``<int:...>`` in every URL: 1 to 2^31 - 1, what every database's integer key holds.

    Anything else matches no record, so it is a 404, never a database overflow.
    """

    def __init__(self, map: Map, fixed_digits: int = 0, min: int = 1, max: int = MAX_ID) -> None:
        super().__init__(map, fixed_digits, min, max)


def init_requests(app: Flask) -> None:
    """Bounded ids in URLs (before any rule is added), and every request checked on the way in."""
    app.url_map.converters["int"] = RecordId
    # After authentication: a caller without an account learns nothing about the body's fate.
    app.before_request(check_request)
    app.after_request(allow_on_405)


def allow_on_405(response: Response) -> Response:
    """A 405 names the methods the URL takes (RFC 9110, section 15.5.6): the error handlers
    build their own answer, without the Allow header werkzeug's exception carries."""
    refused = request.routing_exception
    if (
        response.status_code == 405
        and isinstance(refused, MethodNotAllowed)
        and refused.valid_methods
        and "Allow" not in response.headers
    ):
        response.headers["Allow"] = ", ".join(sorted(refused.valid_methods))
    return response


def check_request() -> None:
    """Refuse text no view should see: lone surrogates in the query string, form fields or
    JSON body (422 naming the field), and JSON nested too deep to parse safely (400).

    webargs (``@blp.arguments``) parses the JSON body again after this; by then it is safe.
    """
    try:
        args = request.args
    except UnicodeDecodeError:
        raise BadRequestBody("The query string is not UTF-8 text.") from None
    _check_fields(args)
    if request.mimetype in FORM_TYPES:
        _check_fields(request.form)
    if request.is_json and request.get_data(cache=True):
        _checked_json()


def json_body() -> Any:
    """The request's JSON; a clear 400 when it is missing or malformed."""
    if not request.is_json:
        raise BadRequestBody("Send the payload as JSON with Content-Type: application/json.")
    return _checked_json()


def _checked_json() -> Any:
    if "json_body" not in g:
        g.json_body = _load_json(request.get_data(cache=True))
    return g.json_body


def _load_json(data: bytes) -> Any:
    try:
        # As json.loads decodes bytes: UTF-8, -16 or -32, with surrogates let through to be named.
        text = data.decode(json.detect_encoding(data), "surrogatepass")
        if json_deeper_than(text, MAX_JSON_DEPTH):
            raise BadRequestBody(
                f"The request body nests arrays and objects more than {MAX_JSON_DEPTH} deep."
            )
        value = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise BadRequestBody(f"The request body is not valid JSON: {exc}") from None
    path = surrogate_path(value)
    if path is not None:
        raise InvalidInput({path: [NOT_TEXT]})
    return value


def _check_fields(fields: MultiDict[str, Any]) -> None:
    for name, value in fields.items(multi=True):
        if has_surrogate(name) or (isinstance(value, str) and has_surrogate(value)):
            raise InvalidInput({without_surrogates(name): [NOT_TEXT]})
