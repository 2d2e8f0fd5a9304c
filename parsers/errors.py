"""Why an uploaded file could not be read as an AOR, one class per reason a person can act on."""

from __future__ import annotations

from service.errors import DomainError


class UnreadablePdf(DomainError):
    """Base class: the upload cannot be read at all (422 unless a subclass says otherwise)."""

    status = 422


class NotAPdf(UnreadablePdf):
    def __init__(self) -> None:
        super().__init__("the file is not a PDF; upload the AOR as a PDF document")


class EmptyPdf(UnreadablePdf):
    def __init__(self) -> None:
        super().__init__("the file is empty; upload the AOR again")


class CorruptPdf(UnreadablePdf):
    def __init__(self, truncated: bool = False) -> None:
        what = "is truncated (the upload was cut short)" if truncated else "is damaged"
        super().__init__(f"the PDF {what} and cannot be read; save or upload it again")


class EncryptedPdf(UnreadablePdf):
    def __init__(self) -> None:
        super().__init__("the PDF is password-protected; upload a copy without a password")


class NoTextLayer(UnreadablePdf):
    def __init__(self) -> None:
        super().__init__(
            "the PDF has no text, it looks like a scan; reading scanned AORs is not "
            "supported yet, so upload the PDF the word processor or PDF editor saved"
        )


class NotAnAor(UnreadablePdf):
    def __init__(self) -> None:
        super().__init__(
            "the PDF is not an Attendance and Outcome Report (F063-41-420): "
            "its title and labels were not found"
        )


class TooLarge(UnreadablePdf):
    """Over a size limit: ``what`` is ``"bytes"`` or ``"pages"``."""

    status = 413

    def __init__(self, what: str, limit: int) -> None:
        if what == "bytes":
            super().__init__(f"the file is larger than {limit / 1024 / 1024:g} MB, the limit")
        else:
            super().__init__(f"the PDF has more than {limit} {what}, the limit")


class TooManyPages(TooLarge):
    def __init__(self, pages: int, limit: int) -> None:
        UnreadablePdf.__init__(self, f"the PDF has {pages} pages; an AOR may have at most {limit}")
