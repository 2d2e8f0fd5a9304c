"""A new form started from a past document: its input again, changed where the form says how."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
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
