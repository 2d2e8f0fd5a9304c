"""Document history: keeping every generated form, and finding it again for those who may see it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, false, select
from sqlalchemy.orm import Session

from schemas.fields import normalise_code
from service.auth.permissions import Role
from service.documents import RenderedDocument
from service.errors import DomainError
from service.models.document import GeneratedDocument
from service.models.user import User
from service.storage import BlobStore


class DocumentNotFound(DomainError):
    status = 404

    def __init__(self, document_id: int) -> None:
        super().__init__(f"no generated document with id {document_id}")


def record_document(
    session: Session,
    store: BlobStore,
    user: User,
    rendered: RenderedDocument,
    payload: dict[str, Any],
    now: dt.datetime | None = None,
) -> GeneratedDocument:
    """Keep a rendered form: its file by SHA-256, and who made it from which validated input."""
    digest = store.put(rendered.content)  # before the row: a row never points at a missing file
    case_number = rendered.check.data.get("case_number")
    record = GeneratedDocument(
        user_id=user.id,
        created_at=now or dt.datetime.now(dt.UTC),
        form_id=rendered.check.spec.id,
        # Upper case so a filter typed in lower case still finds it; the input keeps it as sent.
        case_number=normalise_code(str(case_number)) if case_number else None,
        input=payload,
        sha256=digest,
        filename=rendered.filename,
        mimetype=rendered.mimetype,
        size=len(rendered.content),
    )
    session.add(record)
    session.commit()
    return record


def _visible(viewer: User) -> ColumnElement[bool]:
    """ECs see what they generated; supervisors what the users of their unit generated."""
    if viewer.role == Role.EC:
        return GeneratedDocument.user_id == viewer.id
    if viewer.role == Role.SUPERVISOR and viewer.unit:
        unit_users = select(User.id).where(User.unit == viewer.unit)
        return GeneratedDocument.user_id.in_(unit_users)
    return false()


def get_document(session: Session, document_id: int, viewer: User) -> GeneratedDocument:
    """One generated document, if ``viewer`` may see it; else answered as if there were none."""
    query = select(GeneratedDocument).where(GeneratedDocument.id == document_id, _visible(viewer))
    record = session.scalar(query)
    if record is None:
        raise DocumentNotFound(document_id)
    return record


def find_documents(
    session: Session,
    viewer: User,
    form_id: str | None = None,
    case_number: str | None = None,
) -> Sequence[GeneratedDocument]:
    """Generated documents ``viewer`` may see, newest first, filtered by form and case."""
    query = select(GeneratedDocument).where(_visible(viewer))
    if form_id:
        query = query.where(GeneratedDocument.form_id == form_id)
    if case_number:
        query = query.where(GeneratedDocument.case_number == normalise_code(case_number))
    query = query.order_by(GeneratedDocument.created_at.desc(), GeneratedDocument.id.desc())
    return session.scalars(query).all()


def describe(record: GeneratedDocument, with_input: bool = False) -> dict[str, Any]:
    """The record's metadata; the validated input too when asked (it holds participant data)."""
    described: dict[str, Any] = {
        "id": record.id,
        "form_id": record.form_id,
        "case_number": record.case_number,
        "user_id": record.user_id,
        # SQLite hands back naive datetimes; they were stored as UTC.
        "created_at": record.created_at.replace(tzinfo=record.created_at.tzinfo or dt.UTC),
        "filename": record.filename,
        "mimetype": record.mimetype,
        "size": record.size,
        "sha256": record.sha256,
    }
    if with_input:
        described["input"] = record.input
    return described
