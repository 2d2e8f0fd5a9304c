"""The 50-20e fill page's part in the workflow: the EC's fields only, and the step that sends it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import request, url_for

from service.api.auth import current_user
from service.documents import CheckResult
from service.errors import DomainError, InvalidInput
from service.extensions import db
from service.forms.base import FormSpec
from service.slips import records as slip_records
from service.slips import workflow as slips
from service.web.form_schema import Node, form_tree
from service.web.present import WORKFLOW_BLOCKS

# Posted with the form while a sent-back slip is corrected; "_" as no schema field starts so.
SLIP_FIELD = "_slip"
MAX_ID_DIGITS = 9


@dataclass(frozen=True)
class SlipStep:
    """What the 50-20e page offers: the slip being corrected (if any), why it came back, and
    the button that sends it (no label until a Check found nothing wrong)."""

    slip_id: int | None = None
    reason: str = ""
    label: str = ""
    url: str = ""
    problem: str = ""


def page_fields(spec: FormSpec) -> tuple[Node, ...]:
    """The fields the page asks for: on the 50-20e, the EC's part only, since the approval and
    the routing are recorded by the supervisor's and the clerk's own steps."""
    nodes = form_tree(spec.schema)
    if spec.id != slip_records.FORM_ID:
        return nodes
    return tuple(node for node in nodes if node.name not in WORKFLOW_BLOCKS)


def slip_step(spec: FormSpec, payload: Any, result: CheckResult | None) -> SlipStep | None:
    """The send step beside the 50-20e's buttons; None on every other form."""
    if spec.id != slip_records.FORM_ID:
        return None
    slip_id = correcting()
    reason = ""
    try:
        if slip_id is not None:
            reason = slips.correctable(db.session, slip_id, current_user()).sent_back_reason or ""
        if result is None or not result.evaluation.ok:
            return SlipStep(slip_id, reason)
        if slip_id is not None:
            url = url_for("slip_pages.resend", slip_id=slip_id)
            return SlipStep(slip_id, reason, "Resend for approval", url)
        waits = slips.waits_for_approval(db.session, current_user(), payload)
    except DomainError as exc:
        return SlipStep(slip_id, reason, problem=message_of(exc))
    label = "Send for approval" if waits else "Queue for routing"
    return SlipStep(None, "", label, url_for("slip_pages.send"))


def correcting() -> int | None:
    """The sent-back slip this page corrects: from the correction page's URL, or as posted."""
    raw = str((request.view_args or {}).get("slip_id") or request.form.get(SLIP_FIELD, ""))
    return int(raw) if raw.isdigit() and len(raw) <= MAX_ID_DIGITS else None


def message_of(exc: DomainError, shown: frozenset[str] = frozenset()) -> str:
    """A refusal as one sentence for the top of the form, leaving out the fields in ``shown``
    (their messages are already beside them)."""
    if not isinstance(exc, InvalidInput):
        return exc.message
    return " ".join(
        message
        for path, messages in exc.errors.items()
        if path not in shown
        for message in messages
    )
