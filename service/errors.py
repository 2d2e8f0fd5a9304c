"""Domain errors; the HTTP layer and the command line turn them into answers in one place."""

from __future__ import annotations

from typing import Any, ClassVar


class DomainError(Exception):
    """Base class: ``status`` is the HTTP status, ``message`` one line for a person."""

    status = 400
    headers: ClassVar[dict[str, str]] = {}

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def payload(self) -> dict[str, Any]:
        return {"message": self.message}


class FormNotFound(DomainError):
    status = 404

    def __init__(self, form_id: str, known: list[str]) -> None:
        super().__init__(f"unknown form '{form_id}'; known forms: {', '.join(known)}")


class UnknownCounty(DomainError):
    status = 422

    def __init__(self, county_id: str, known: list[str]) -> None:
        super().__init__(f"unknown county '{county_id}'; known counties: {', '.join(known)}")


class InvalidInput(DomainError):
    """Input that fails the schema or a program rule; ``errors`` maps field paths to messages."""

    status = 422

    def __init__(
        self,
        errors: dict[str, list[str]],
        warnings: list[dict[str, str]] | None = None,
        computed: dict[str, Any] | None = None,
    ) -> None:
        count = len(errors)
        fields = ", ".join(sorted(errors)[:5]) + (", ..." if count > 5 else "")
        super().__init__(f"{count} field{'s' if count != 1 else ''} invalid: {fields}")
        self.errors = errors
        self.warnings = warnings or []
        self.computed = computed or {}

    def payload(self) -> dict[str, Any]:
        return {
            "message": self.message,
            "errors": self.errors,
            "warnings": self.warnings,
            "computed": self.computed,
        }


class UnsupportedFormat(DomainError):
    status = 400

    def __init__(self, fmt: str, known: list[str]) -> None:
        super().__init__(f"unsupported format '{fmt}'; use one of: {', '.join(known)}")


class Forbidden(DomainError):
    """The caller's role, unit or organisation does not reach this record or action."""

    status = 403


class BadRequestBody(DomainError):
    status = 400
