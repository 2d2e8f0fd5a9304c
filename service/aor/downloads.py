"""An AOR's file: everyone who may see it gets the sanitised copy; supervisors the original."""

from __future__ import annotations

from sqlalchemy.orm import Session

from service.aor import intake
from service.models.aor import AorUpload
from service.storage import BlobStore


def sanitised_copy(
    session: Session, store: BlobStore, record: AorUpload, settings: intake.IntakeSettings
) -> bytes:
    """The copy without active content; one stored before copies were made is made now."""
    if record.sanitised_sha256 is None:
        copy = intake.sanitise_isolated(store.get(record.sha256), settings)
        record.sanitised_sha256 = store.put(copy)
        session.commit()
        return copy
    return store.get(record.sanitised_sha256)


def download_name(record: AorUpload, original: bool = False) -> str:
    """The name a download is saved under: the uploader's, as a PDF, marked if original."""
    name = record.filename or ""
    stem = name.rpartition(".")[0] if "." in name.lstrip(".") else name
    stem = stem or f"aor-{record.id}"
    return f"{stem}-original.pdf" if original else f"{stem}.pdf"
