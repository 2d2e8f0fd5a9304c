"""A form's context with the words its rules computed put in the form's language."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from babel.dates import format_date

from service.counties import County
from service.forms.calfresh_notice import respond_by_deadline
from service.forms.wtw2_rules import ACTIVITY_LABELS, TRAINING_OR_EDUCATION, reassignment
from service.i18n.catalog import CATALOGS
from service.i18n.formats import local_date
from service.i18n.words import Catalog
from service.rules.deadlines import REASSIGNMENT_DAYS, Deadline, settle

NUMBER_LIST = re.compile(r"^\d+(?:, \d+)*(?: and \d+)?$")
WEEKEND = ("Saturday", "Sunday")  # the closed reasons a WorkCalendar gives a weekend
OBSERVED = " (observed)"  # how a WorkCalendar names a holiday kept on another day


@dataclass(frozen=True)
class Target:
    """The language a form is printed in: its catalog, its locale, and the county whose
    calendar settled the form's deadlines."""

    catalog: Catalog
    locale: str
    county: County

    def text(self, english: str) -> str:
        return self.catalog.text(english)

    def date(self, day: dt.date | None) -> str:
        return local_date(self.locale)(day)


Localizer = Callable[[dict[str, Any], dict[str, Any], Target], dict[str, Any]]


def localize(
    form_id: str,
    language: str,
    locale: str,
    context: dict[str, Any],
    data: dict[str, Any],
    county: County,
) -> dict[str, Any]:
    """``context`` for a template in ``language``; the evaluation's own values stay English."""
    catalog = CATALOGS.get(language)
    localizer = LOCALIZERS.get(form_id)
    if catalog is None or localizer is None:
        return context
    return localizer(context, data, Target(catalog, locale, county))


def numbers(text: str, catalog: Catalog) -> str:
    """``1, 2 and 3`` (activity numbers) joined the language's way; other text looked up."""
    if NUMBER_LIST.match(text):
        return catalog.numbers(re.findall(r"\d+", text))
    return catalog.text(text)


def basis(text: str, catalog: Catalog) -> str:
    """The requirement's basis, each clause (``a; b``) looked up on its own."""
    return "; ".join(catalog.text(part) for part in text.split("; "))


def holiday(name: str, catalog: Catalog) -> str:
    """A county holiday's name; "Christmas Day (observed)" as the language marks it."""
    if name.endswith(OBSERVED):
        return catalog.deadline.observed.format(holiday=catalog.text(name[: -len(OBSERVED)]))
    return catalog.text(name)


def deadline_note(deadline: Deadline, target: Target) -> str | None:
    """``Deadline.note`` in the target language: the closed day, then what became of it."""
    if deadline.closed is None:
        return None
    words, day = target.catalog.deadline, target.date(deadline.counted)
    if deadline.closed in WEEKEND:
        weekday = format_date(deadline.counted, "EEEE", locale=target.locale)
        closed = words.weekend.format(date=day, weekday=weekday)
    else:
        closed = words.holiday.format(date=day, holiday=holiday(deadline.closed, target.catalog))
    if deadline.moved_to is None:
        return words.not_moved.format(closed=closed)
    moved = words.moved_back if deadline.moved_to < deadline.counted else words.moved_forward
    return moved.format(closed=closed, date=target.date(deadline.moved_to))


def _wtw2(context: dict[str, Any], data: dict[str, Any], target: Target) -> dict[str, Any]:
    catalog = target.catalog
    computed = dict(context["computed"])
    computed["requirement_basis"] = basis(computed["requirement_basis"], catalog)
    computed["schedule"] = [
        {**p, "activities": numbers(p["activities"], catalog)} for p in computed.get("schedule", [])
    ]
    computed["requirement_changes"] = [
        {**c, "basis": basis(c["basis"], catalog), "reason": _change_reason(c, target)}
        for c in computed["requirement_changes"]
    ]
    computed.update(_reassignment(computed, data, target))
    activities = [
        {
            **a,
            "type": catalog.text(a["type"]),
            "computed": {
                **a["computed"],
                "label": catalog.text(a["computed"]["label"]),
                "concurrent_with": numbers(a["computed"]["concurrent_with"], catalog),
            },
        }
        for a in context["activities"]
    ]
    due_from = context["plan_due_from"]
    if due_from["event"]:
        due_from = {**due_from, "event": catalog.text(due_from["event"])}
    return {**context, "computed": computed, "activities": activities, "plan_due_from": due_from}


def _change_reason(change: dict[str, Any], target: Target) -> str:
    """Why the requirement changes (wtw2_household.change_reason), rebuilt: it holds a date."""
    day = target.date(change["event_date"])
    if change["child"] is None:
        return target.catalog.pregnancy_ends.format(date=day)
    return target.catalog.turns_six.format(child=change["child"], date=day)


def _reassignment(
    computed: dict[str, Any], data: dict[str, Any], target: Target
) -> dict[str, str | None]:
    """WIC 11325.22's window and its closed-day note, rebuilt since both hold dates: the
    window by the rule that found it, the note by settling its last day on the same calendar."""
    window = reassignment(
        data["activities"], data["training_started_before"], data["reassignment_used"]
    )
    if window.deadline is None:
        return {"reassignment_note": target.text(computed["reassignment_note"])}
    training = [a for a in data["activities"] if a["type"] in TRAINING_OR_EDUCATION]
    first = min(training, key=lambda a: a["start_date"])
    note = target.catalog.reassignment_after.format(
        days=REASSIGNMENT_DAYS,
        activity=target.text(ACTIVITY_LABELS[first["type"]]),
        date=target.date(first["start_date"]),
    )
    deadline = settle(window.deadline, target.county.calendar)
    return {
        "reassignment_note": note,
        "reassignment_deadline_note": deadline_note(deadline, target),
    }


def _calfresh_notice(
    context: dict[str, Any], data: dict[str, Any], target: Target
) -> dict[str, Any]:
    computed = dict(context["computed"])
    computed["calfresh_label"] = target.text(computed["calfresh_label"])
    deadline = respond_by_deadline(
        data["notice_date"],
        target.county.calfresh_response_days,
        target.county.calendar,
        computed["tcf_ends"],
    )
    computed["respond_by_note"] = deadline_note(deadline, target)
    return {**context, "computed": computed}


LOCALIZERS: dict[str, Localizer] = {"wtw2": _wtw2, "63-62": _calfresh_notice}
