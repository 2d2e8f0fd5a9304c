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

    def response_headers(self) -> dict[str, str]:
        return dict(self.headers)


class FormNotFound(DomainError):
    status = 404

    def __init__(self, form_id: str, known: list[str]) -> None:
        super().__init__(f"unknown form '{form_id}'; known forms: {', '.join(known)}")


class UnknownCounty(DomainError):
    status = 422

    def __init__(self, county_id: str, known: list[str]) -> None:
        super().__init__(f"No county '{county_id}' is set up. Choose one of: {', '.join(known)}.")


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


class PdfUnavailable(DomainError):
    """LibreOffice is not installed here: DOCX still works, PDF cannot."""

    status = 503


class PdfBusy(DomainError):
    """Every LibreOffice worker is busy and the queue is full: try again shortly."""

    status = 503

    def __init__(self, retry_after: int) -> None:
        super().__init__(
            f"PDF conversion is busy (all workers and queue places taken); "
            f"try again in {retry_after} seconds."
        )
        self.retry_after = retry_after

    def response_headers(self) -> dict[str, str]:
        return {"Retry-After": str(self.retry_after)}


class PdfFailed(DomainError):
    """A conversion crashed or ran out of time; its worker was replaced."""

    status = 503

    def __init__(self, reason: str, retry_after: int) -> None:
        super().__init__(f"PDF conversion failed: {reason}.")
        self.retry_after = retry_after

    def response_headers(self) -> dict[str, str]:
        return {"Retry-After": str(self.retry_after)} if self.retry_after else {}


class DatabaseUnavailable(DomainError):
    """The database does not answer (stopped, restarting, unreachable, locked too long)."""

    status = 503
    RETRY_AFTER = 5

    def __init__(self) -> None:
        super().__init__(
            f"The database is unavailable; the request was not completed. "
            f"Try again in {self.RETRY_AFTER} seconds."
        )

    def response_headers(self) -> dict[str, str]:
        return {"Retry-After": str(self.RETRY_AFTER)}


class StorageFull(DomainError):
    """The disk (or quota) that holds the service's files or database is full."""

    status = 507

    def __init__(self) -> None:
        super().__init__(
            "Storage is full: nothing was saved. Ask the service's administrator to free "
            "disk space; stored records can still be read."
        )
