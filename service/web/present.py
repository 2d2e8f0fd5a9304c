"""What the approvals page shows of a slip: its decision summary and its input, oldest first."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from marshmallow import ValidationError
from sqlalchemy.orm import Session

from schemas.slips import SendBackSchema
from service.documents import flatten_errors
from service.errors import InvalidInput
from service.models.slip import RoutingSlip
from service.models.user import User
from service.slips import records as slip_records
from service.slips import workflow as slips
from service.slips.summary import summarise

# Filled in by the workflow itself, not by the EC: nothing to judge there yet.
WORKFLOW_BLOCKS = frozenset({"supervisor", "clerical"})
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SEPARATOR = " › "
ACRONYMS = {"ec": "EC", "cin": "CIN", "calfresh": "CalFresh", "id": "ID", "noa": "NOA"}
CODE = re.compile(r"^[a-z0-9]+(_[a-z0-9]+)+$")


def awaiting_approval(session: Session, supervisor: User) -> list[dict[str, Any]]:
    """The slips waiting for this supervisor, the longest waiting first, with their lines."""
    pending = slip_records.Status.PENDING_APPROVAL
    found = slip_records.find_slips(session, supervisor, status=pending)
    return [_shown(session, slip) for slip in reversed(found)]


def _shown(session: Session, slip: RoutingSlip) -> dict[str, Any]:
    described = slip_records.describe(session, slip)
    return described | {"summary": summarise(slip.payload), "lines": lines(slip.payload)}


def lines(value: Any, label: str = "") -> list[tuple[str, str]]:
    """A slip's input as (label, text) pairs: nested labels joined, blanks left out."""
    if isinstance(value, dict):
        found: list[tuple[str, str]] = []
        for key, inner in value.items():
            if not label and key in WORKFLOW_BLOCKS:
                continue
            found += lines(inner, _join(label, _words(key)))
        return found
    if isinstance(value, list):
        return [pair for n, item in enumerate(value, 1) for pair in lines(item, f"{label} {n}")]
    if value is None or value == "":
        return []
    return [(label, _text(value))]


def _words(key: str) -> str:
    words = [ACRONYMS.get(word, word) for word in key.split("_")]
    return " ".join([words[0][:1].upper() + words[0][1:], *words[1:]])


def _join(label: str, key: str) -> str:
    return f"{label}{SEPARATOR}{key}" if label else key


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "Yes" if value else "No"
    text = str(value)
    if ISO_DATE.match(text):
        return dt.date.fromisoformat(text).strftime("%m/%d/%Y")
    return text.replace("_", " ") if CODE.match(text) else text


def send_back(session: Session, slip_id: int, supervisor: User, reason: str) -> RoutingSlip:
    """As the API does: the reason's length and characters checked, then the workflow's step."""
    if reason.strip():  # an empty reason gets the workflow's own message
        try:
            reason = SendBackSchema().load({"reason": reason})["reason"]
        except ValidationError as exc:
            raise InvalidInput(flatten_errors(exc.messages)) from None
    return slips.send_back(session, slip_id, supervisor, reason)
