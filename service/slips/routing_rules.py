"""A routing checked against its slip: the closed files bank, the day and the 50-20e's rules."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from service import documents
from service.models.slip import RoutingSlip
from service.slips.records import FORM_ID, approval_of, fill
from service.slips.rights import CLOSED_FILES


def routing_errors(
    session: Session, slip: RoutingSlip, given: Mapping[str, Any], today: dt.date
) -> tuple[dict[str, list[str]], dict[str, Any]]:
    """Every refusal at once of the routing fields ``given`` (a refused field is left out, so
    the rules run on the rest), keyed as the routing calls them; and the slip's data as routed."""
    bank = documents.check(FORM_ID, slip.payload, today).evaluation.computed.get(
        "closed_files_bank"
    )
    routed_to, routed_on, initials = (given.get(k) for k in ("routed_to", "routed_on", "initials"))
    errors: dict[str, list[str]] = {}
    if routed_to and slip.action == CLOSED_FILES and not names_bank(routed_to, bank):
        errors["routed_to"] = [f"'{routed_to}' is not closed files bank {bank}."]
    if routed_on and routed_on > today:
        errors["routed_on"] = ["The routing date cannot be in the future."]
    clerical = {
        "routed_to": routed_to,
        "routed_on": routed_on.isoformat() if routed_on else None,
        "initials": initials.upper() if initials else None,
    }
    as_routed = fill(slip.payload, approval_of(session, slip)) | {"clerical": clerical}
    result = documents.check(FORM_ID, as_routed, today)
    # The form calls these fields clerical.*; the request that set them calls them plainly.
    for key, messages in result.evaluation.errors.items():
        errors.setdefault(key.removeprefix("clerical."), []).extend(messages)
    return errors, result.data


def names_bank(routed_to: str, bank: str | None) -> bool:
    """Whether ``routed_to`` names the closed files bank: "P999" or "Closed files bank P999"
    do, "P9990" does not."""
    return bool(bank) and re.search(rf"\b{re.escape(str(bank))}\b", routed_to, re.I) is not None
