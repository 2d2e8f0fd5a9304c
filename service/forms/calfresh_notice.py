"""63-62 rules: the Transitional CalFresh period and the date by which to respond.

Transitional CalFresh (TCF) runs for the 5 months after the month cash aid ended: cash aid
ending on 09/30/2026 (or on any day in September) gives TCF for October to February, and
``tcf_ends`` is 02/28/2027, the last day of the 5th month after the month cash aid ended.
"""

from __future__ import annotations

import datetime as dt
from calendar import monthrange
from typing import Any

from schemas.calfresh_notice import CalfreshNoticeSchema
from service.forms.base import Evaluation, FormSpec, RuleInput
from service.rules.calendar import WorkCalendar
from service.rules.catalog import rule
from service.rules.deadlines import Deadline, add_months, settle

TCF_MONTHS = 5
# Routing to closed files, when the EC sends this notice, comes 31 to about 60 days after
# cash aid ends; a notice three months on suggests the case was missed.
LATE_NOTICE_DAYS = 90
SHORT_RESPONSE_DAYS = 10

CALFRESH_LABELS = {"tcf": "Transitional CalFresh (TCF)", "nacf": "Non-Assistance CalFresh (NACF)"}


@rule("63-62")
def tcf_period_ends(cash_aid_ended: dt.date) -> dt.date:
    """The last day of the 5th month after the month in which cash aid ended (Transitional
    CalFresh, 7 CFR 273.26)."""
    month = add_months(cash_aid_ended.replace(day=1), TCF_MONTHS)
    return month.replace(day=monthrange(month.year, month.month)[1])


def respond_by(
    notice_date: dt.date, days: int, calendar: WorkCalendar, tcf_ends: dt.date | None
) -> dt.date:
    """The day that applies of ``respond_by_deadline``."""
    return respond_by_deadline(notice_date, days, calendar, tcf_ends).date


def respond_by_deadline(
    notice_date: dt.date, days: int, calendar: WorkCalendar, tcf_ends: dt.date | None
) -> Deadline:
    """``days`` after the notice (the county's ``calfresh_response_days``); for TCF, no later
    than the period's last day (``tcf_period_ends``).

    A closed last day is settled as on every form (service.rules.deadlines.settle): where the
    county moves deadlines, a cap on a weekend or holiday moves back to the working day before
    it, so the office is open on the last day to respond.
    """
    due = notice_date + dt.timedelta(days=days)
    return settle(due, calendar, latest=tcf_ends, earliest=notice_date)


def evaluate(data: dict[str, Any], rules: RuleInput) -> Evaluation:
    ev = Evaluation()
    notice, ended, kind = data["notice_date"], data["cash_aid_ended"], data["calfresh_type"]
    tcf_ends = tcf_period_ends(ended) if kind == "tcf" else None
    deadline = respond_by_deadline(
        notice, rules.county.calfresh_response_days, rules.county.calendar, tcf_ends
    )
    due = deadline.date
    ev.computed.update(
        calfresh_label=CALFRESH_LABELS[kind],
        tcf_ends=tcf_ends,
        respond_by=due,
        respond_by_note=deadline.note,
        days_to_respond=(due - notice).days,
        days_since_cash_aid_ended=(notice - ended).days,
    )
    _check_office(data["office"], rules, ev)
    if notice < ended:
        ev.error("notice_date", f"The notice cannot come before cash aid ended ({ended:%m/%d/%Y}).")
    elif tcf_ends and notice > tcf_ends:
        ev.error(
            "notice_date",
            f"Transitional CalFresh ended on {tcf_ends:%m/%d/%Y}, {TCF_MONTHS} months after the "
            "month cash aid ended; if the household now gets Non-Assistance CalFresh, choose NACF.",
        )
    else:
        _soft_checks(data, ev, rules.today)
    return ev


def _check_office(office_id: str, rules: RuleInput, ev: Evaluation) -> None:
    office = rules.county.office(office_id)
    ev.computed.update(
        office_name=office and office.name,
        office_address=office and office.address,
        office_phone=office and office.phone,
    )
    if office is None:
        ev.error("office", rules.county.unknown_office(office_id))


def _soft_checks(data: dict[str, Any], ev: Evaluation, today: dt.date) -> None:
    notice, ended = data["notice_date"], data["cash_aid_ended"]
    since, left = ev.computed["days_since_cash_aid_ended"], ev.computed["days_to_respond"]
    if data["calfresh_type"] == "nacf" and since > LATE_NOTICE_DAYS:
        ev.warn("notice_date", f"This notice goes out {since} days after cash aid ended.")
    if data["calfresh_type"] == "tcf" and left < SHORT_RESPONSE_DAYS:
        ev.warn(
            "notice_date",
            f"Transitional CalFresh ends soon: the person has only {left} days to respond.",
        )
    if ended.day != monthrange(ended.year, ended.month)[1]:
        ev.warn(
            "cash_aid_ended",
            "Cash aid normally ends on the last day of a month; TCF is counted from the "
            f"month after {ended:%B %Y}.",
        )
    if notice > today:
        ev.warn("notice_date", "The notice is dated in the future.")
    language = data["preferred_language"]
    # A notice already printed in the written language (issue 12 §4) needs no translation.
    if language and language.casefold() != "english" and data["language"] == "en":
        ev.warn("preferred_language", f"Send this notice in {language} or with a translation.")


def build_context(data: dict[str, Any], ev: Evaluation, rules: RuleInput) -> dict[str, Any]:
    """The payload with the office id printed as the county's office record (``office.name``)."""
    office = rules.county.office(data["office"])
    record = {k: getattr(office, k, None) for k in ("id", "name", "address", "phone")}
    return {**data, "office": record, "computed": ev.computed}


SPEC = FormSpec(
    id="63-62",
    title="CalFresh Employment and Training Option to Continue Employment Services",
    number="63-62",
    revision="Rev. 6/23",
    agency="Alameda County Social Services Agency",
    county="alameda",
    schema=CalfreshNoticeSchema,
    template="63-62.docx",
    evaluate=evaluate,
    build_context=build_context,
    description="Tells a TCF or NACF recipient they may keep employment services via CalFresh E&T.",
)
