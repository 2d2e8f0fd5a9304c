"""What a supervisor decides a 50-20e on: the slip's questions answered, from the form's rules."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from service import documents
from service.forms.base import Evaluation
from service.forms.routing_slip import (
    ACTION_LABELS,
    CHECKLIST_LABELS,
    CLOSED_FILES_AFTER_DAYS,
    NEEDS_63_62,
)
from service.slips.records import FORM_ID

NOTICE_63_62 = "63-62 sent to the Transitional or Non-Assistance CalFresh household"
REASONS = {
    "cash_aid_closed": "Cash aid closed",
    "time_on_aid_exhausted": "Time on aid exhausted",
    "removed_other_reason": "Removed from cash aid for another reason",
}
GOOD_CAUSE = {"good_cause": "Good cause", "deferral": "A deferral"}


@dataclass(frozen=True)
class Answer:
    """One question the supervisor asks of the slip, answered; ``ok`` None where it is only
    information, False where the answer stands against approving."""

    question: str
    answer: str
    ok: bool | None = None


@dataclass(frozen=True)
class SlipSummary:
    """The slip in a few answers: what it does, where the case goes, and whether it may."""

    action: str
    route_to: str
    answers: list[Answer]
    # What the rules said that no answer above covers (a future date, a transfer to oneself).
    other_problems: list[str] = field(default_factory=list)

    @property
    def concerns(self) -> int:
        return sum(1 for a in self.answers if a.ok is False) + len(self.other_problems)


def summarise(payload: dict[str, Any]) -> SlipSummary:
    """The decision summary of a slip's input, by the 50-20e's own rules (routing_slip.py)."""
    checked = documents.check(FORM_ID, payload)
    data, ev = checked.data, checked.evaluation
    if not data:  # kept before a schema change refused it: say so, answer nothing
        said = [m for ms in ev.errors.values() for m in ms]
        return SlipSummary(
            ACTION_LABELS.get(str(payload.get("action")), "Unknown"), "not known", [], said
        )
    if data["action"] == "closed_files" and data.get("closed_files"):
        answers = _closed_files(data["closed_files"], ev)
        covered: tuple[str, ...] = ("closed_files", "from_ec.office")
    else:
        answers = [_receiving(data, ev)]
        covered = ("to_ec",)
    return SlipSummary(
        action=ACTION_LABELS[data["action"]],
        route_to=ev.computed.get("route_to") or "not known",
        answers=[_case(data), *answers],
        other_problems=_others(ev, covered),
    )


def _case(data: dict[str, Any]) -> Answer:
    people = ", ".join(p["name"] for p in data["participants"])
    return Answer("Case", f"{data['case_number']}, {data['case_name']}: {people}")


def _closed_files(closing: dict[str, Any], ev: Evaluation) -> list[Answer]:
    return [
        _discontinued(closing, ev),
        _checklist(closing),
        _good_cause(closing),
        _bank(ev),
        Answer("Reason", _reason(closing)),
    ]


def _discontinued(closing: dict[str, Any], ev: Evaluation) -> Answer:
    question = f"Discontinued more than {CLOSED_FILES_AFTER_DAYS} days?"
    days = ev.computed.get("days_since_discontinuance")
    on = _date(closing["discontinuance_date"])
    if days is None:
        return Answer(question, f"Discontinued {on}", None)
    if days > CLOSED_FILES_AFTER_DAYS:
        return Answer(question, f"Yes: discontinued {on}, {days} days before the slip", True)
    eligible = _date(ev.computed["eligible_for_closed_files_on"])
    return Answer(
        question,
        f"No: discontinued {on}, {_days(days)} before the slip; closed files from {eligible}",
        False,
    )


def _checklist(closing: dict[str, Any]) -> Answer:
    ticked = closing["checklist"]
    missing = [label for key, label in CHECKLIST_LABELS.items() if not ticked.get(key)]
    needed = len(CHECKLIST_LABELS)
    if closing["household_calfresh"] in NEEDS_63_62:
        needed += 1
        if not ticked.get("notice_63_62_sent"):
            missing.insert(0, NOTICE_63_62)
    if not missing:
        return Answer("Closing checklist complete?", f"Yes: all {needed} steps checked", True)
    return Answer("Closing checklist complete?", "No: not checked: " + "; ".join(missing), False)


def _good_cause(closing: dict[str, Any]) -> Answer:
    question = "Good cause or a deferral?"
    kind = GOOD_CAUSE.get(closing["good_cause_deferral"])
    if kind is None:
        return Answer(question, "Neither", True)
    return Answer(question, f"{kind}: the case stays with the EC of record", False)


def _bank(ev: Evaluation) -> Answer:
    question = "Right closed files bank?"
    bank, office = ev.computed.get("closed_files_bank"), ev.computed.get("from_office_name")
    if bank:
        return Answer(question, f"Yes: bank {bank}, the {office} office's", True)
    said = "; ".join(ev.errors.get("from_ec.office", [])) or "the office has no closed files bank"
    return Answer(question, f"No: {said}", False)


def _receiving(data: dict[str, Any], ev: Evaluation) -> Answer:
    problems = [m for path, ms in ev.errors.items() if path.startswith("to_ec") for m in ms]
    if problems:
        return Answer("Receiving EC", "; ".join(problems), False)
    return Answer("Receiving EC", ev.computed.get("route_to") or "not given", None)


def _reason(closing: dict[str, Any]) -> str:
    reason = REASONS.get(closing["reason"], closing["reason"])
    return f"{reason}: {closing['reason_detail']}" if closing.get("reason_detail") else reason


def _others(ev: Evaluation, covered: tuple[str, ...]) -> list[str]:
    """Errors and warnings about fields no answer speaks of (the workflow's blocks aside)."""
    skip = (*covered, "supervisor", "clerical")
    found = [m for path, ms in ev.errors.items() if not path.startswith(skip) for m in ms]
    found += [w["message"] for w in ev.warnings if not w["field"].startswith(skip)]
    return found


def _days(days: int) -> str:
    return "1 day" if days == 1 else f"{days} days"


def _date(value: Any) -> str:
    day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    return day.strftime("%m/%d/%Y")
