"""Where a new form starts: a past document's input as amended, or the account's own facts."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Prefill:
    """The payload a new form starts with, and what was changed from the past document."""

    payload: dict[str, Any]
    changes: list[str] = field(default_factory=list)


def from_document(form_id: str, past_input: dict[str, Any]) -> Prefill:
    """The past document's input as a new form of the same kind; a WTW 2 as its amendment."""
    start = Prefill(copy.deepcopy(past_input or {}))
    rule = RULES.get(form_id)
    if rule is not None:
        rule(start)
    return start


def amended_wtw2(start: Prefill) -> None:
    """A WTW 2 started from a past plan amends it: plan type "amended", the amended plan's
    date its plan date, and a new plan date and reason for the EC to give.

    Source: WIC 11325.21 (the plan, and its amendment by agreement of participant and county);
    the WTW 2 form asks for the reason for the amendment and the date of the plan it amends.
    """
    payload = start.payload
    past_date = payload.get("plan_date")
    payload["plan_type"] = "amended"
    payload["amends_plan_dated"] = past_date
    payload.pop("plan_date", None)
    payload.pop("amendment_reason", None)
    start.changes += [
        "Plan type: amended.",
        f"Amends the plan dated {_us_date(past_date)}."
        if past_date
        else "Give the date of the plan it amends.",
        "Give the plan date and the reason for the amendment.",
    ]


def _us_date(value: Any) -> str:
    try:
        return dt.date.fromisoformat(str(value)).strftime("%m/%d/%Y")
    except ValueError:
        return str(value)


RULES: dict[str, Callable[[Prefill], None]] = {"wtw2": amended_wtw2}


@dataclass(frozen=True)
class AccountFacts:
    """What the signed-in account knows of its holder; office and county from the unit's office."""

    name: str
    worker_number: str | None = None
    unit: str | None = None
    phone: str | None = None
    email: str | None = None
    office: str | None = None
    county: str | None = None


# Where each form asks for the worker filling it in, and which of their facts it asks.
WORKER_BLOCKS: dict[str, tuple[str, tuple[str, ...]]] = {
    "wtw2": ("ec", ("name", "worker_number", "phone", "email")),
    "50-20e": ("from_ec", ("name", "worker_number", "unit", "office")),
    "42-6": ("ec", ("name", "worker_number", "phone", "email")),
    "42-176": ("ec", ("name", "worker_number", "phone", "email")),
    "63-62": ("ec", ("name", "worker_number", "phone", "email")),
    "f063-41-251": ("case_manager", ("name", "worker_number", "phone", "email")),
}
# The forms that ask for the office (and a state form, for the county) at the top.
OFFICE_FORMS = ("wtw2", "63-62", "f063-41-251")


def from_account(form_id: str, form_county: str | None, facts: AccountFacts) -> Prefill:
    """A new, empty form with the worker's own name, worker number, unit, phone and e-mail,
    and their office where it is one of the form's county (a state form takes their county).

    Source: issue 13 ("the EC's own name, worker number, unit and office prefill from the
    account").
    """
    office = facts.office if facts.county and form_county in (None, facts.county) else None
    known = asdict(facts) | {"office": office}
    payload: dict[str, Any] = {}
    block = WORKER_BLOCKS.get(form_id)
    if block is not None:
        where, asked = block
        worker = {key: known[key] for key in asked if known[key]}
        if worker:
            payload[where] = worker
    if form_id in OFFICE_FORMS and office:
        payload["office"] = office
        if form_county is None:
            payload["county"] = facts.county
    return Prefill(payload)
