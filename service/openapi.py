"""The OpenAPI document kept valid: numeric bounds, a schema for every answer, file types."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin, OpenAPIConverter
from flask_smorest import Api
from marshmallow import INCLUDE, Schema, fields

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
CSV = "text/csv"
ERROR_REF = {"$ref": "#/components/schemas/Error"}


class ErrorSchema(Schema):
    """Every error the API answers (service/api/errors.py): a form's refusal adds more."""

    class Meta:
        unknown = INCLUDE  # documented as open: a domain error may carry details of its own

    code = fields.Integer(metadata={"description": "The HTTP status"})
    status = fields.String(metadata={"description": "The status's name"})
    message = fields.String(required=True, metadata={"description": "What went wrong"})
    errors = fields.Dict(metadata={"description": "Messages by field path"})
    warnings = fields.List(fields.Dict(), metadata={"description": "A form's warnings"})
    computed = fields.Dict(metadata={"description": "A form's computed values"})


def file_response(description: str, *mimetypes: str) -> dict[str, Any]:
    """A download's documentation (``@blp.doc(responses={"200": ...})``): its media types."""
    binary = {"schema": {"type": "string", "format": "binary"}}
    return {"description": description, "content": dict.fromkeys(mimetypes, binary)}


def json_response(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    """A JSON answer documented by a plain JSON Schema (for views that return dicts)."""
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _plain_number(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def decimal_as_number(
    self: OpenAPIConverter, field: fields.Field, ret: dict[str, Any], **kwargs: Any
) -> dict[str, Any]:
    """A Decimal field's bounds and default as JSON numbers: apispec serialises them with the
    field, so they would reach the document as strings (``"maximum": "168.00"``), which the
    OpenAPI schema forbids."""
    if not isinstance(field, fields.Decimal):
        return {}
    keys = ("minimum", "maximum", "x-minimum", "x-maximum", "default", "example")
    return {key: _plain_number(ret[key]) for key in keys if key in ret}


class ServiceConverter(OpenAPIConverter):
    def init_attribute_functions(self) -> None:
        super().init_attribute_functions()
        self.add_attribute_function(decimal_as_number)


class ServicePlugin(MarshmallowPlugin):
    Converter = ServiceConverter


class ServiceApi(Api):
    """flask-smorest's Api, whose document passes an OpenAPI validator."""

    ERROR_SCHEMA = ErrorSchema

    def _init_spec(self, **kwargs: Any) -> None:
        kwargs.setdefault("marshmallow_plugin", ServicePlugin())
        super()._init_spec(**kwargs)

    def register_blueprint(self, blp: Any, *, parameters: Any = None, **options: Any) -> None:
        super().register_blueprint(blp, parameters=parameters, **options)
        describe_errors(self.spec)


def describe_errors(spec: APISpec) -> None:
    """Every error answer documented by a description alone gets the Error schema."""
    for operations in spec.to_dict()["paths"].values():
        for method, operation in operations.items():
            if method == "parameters":
                continue
            for status, answer in operation.get("responses", {}).items():
                if status[0] in "45" and "$ref" not in answer and "content" not in answer:
                    answer["content"] = {"application/json": {"schema": ERROR_REF}}
