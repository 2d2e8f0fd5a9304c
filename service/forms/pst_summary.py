"""42-176 rules: who must attend, when the initial meeting is due, and the order of sign-offs."""

from __future__ import annotations

import datetime as dt
from typing import Any

from schemas.pst_summary import AGENDA_TOPICS, PstSummarySchema
from service.forms.base import Evaluation, FormSpec, RuleInput
from service.rules.calendar import WorkCalendar

INITIAL_MEETING_DAYS = 7  # handbook II.B: within one week of the provider's notice
PLAN_MEETING_DAYS = 30  # handbook II.B: when possible, within 30 days of the WTW 2 plan
MONTHLY_DAYS = 31  # handbook II.B: the PST meets at least monthly when needed

MEETING_TYPE_LABELS = {"initial": "Initial", "follow_up": "Follow-up"}
METHOD_LABELS = {"phone": "Phone", "video": "Video", "in_person": "In person", "email": "Email"}
ROLE_LABELS = {
    "ec": "Employment Counselor",
    "service_provider": "Service provider",
    "cds_i": "Career Development Specialist I",
    "job_developer": "Job developer",
    "participant": "Participant",
    "other": "Other",
}
REQUIRED_ROLES = ("ec", "service_provider")


def evaluate(data: dict[str, Any], rules: RuleInput) -> Evaluation:
    ev = Evaluation()
    ev.computed["meeting_type_label"] = MEETING_TYPE_LABELS[data["meeting_type"]]
    ev.computed["method_label"] = METHOD_LABELS[data["method"]]
    ev.computed["role_labels"] = dict(ROLE_LABELS)
    # Printed blank unless the rules below fill them in.
    ev.computed.update(initial_meeting_due=None, days_late=None, plan_meeting_target=None)
    _check_attendees(data, ev)
    _check_timing(data, rules.county.calendar, ev)
    _check_method(data, ev)
    _check_agenda(data, ev)
    _check_signoff(data, rules.today, ev)
    return ev


def initial_meeting_due(notice: dt.date, calendar: WorkCalendar) -> dt.date:
    """A week after the provider's notice; a due day the office is closed moves to the next."""
    due = notice + dt.timedelta(days=INITIAL_MEETING_DAYS)
    while not calendar.is_working_day(due):
        due += dt.timedelta(days=1)
    return due


def _check_attendees(data: dict[str, Any], ev: Evaluation) -> None:
    attendees = data["attendees"]
    roles = {a["role"] for a in attendees}
    missing = [ROLE_LABELS[r] for r in REQUIRED_ROLES if r not in roles]
    if missing:
        ev.error(
            "attendees",
            "A PST meeting always includes the EC and the service provider; "
            f"not listed: {', '.join(missing)}.",
        )
    for i, person in enumerate(attendees):
        if person["role"] == "other" and not person["other_role"]:
            ev.warn(f"attendees.{i}.other_role", "Say what role this attendee has.")
        elif person["role"] != "other" and person["other_role"]:
            ev.warn(f"attendees.{i}.other_role", "A role description is for 'other' attendees.")
    ec_names = {a["name"].casefold() for a in attendees if a["role"] == "ec"}
    if ec_names and data["ec"]["name"].casefold() not in ec_names:
        ev.warn("ec.name", "The EC signing off is not among the EC attendees.")


def _check_timing(data: dict[str, Any], calendar: WorkCalendar, ev: Evaluation) -> None:
    meeting: dt.date = data["meeting_date"]
    notice: dt.date | None = data["provider_notice_date"]
    if data["meeting_type"] == "initial":
        if notice is None:
            ev.error(
                "provider_notice_date",
                "An initial meeting needs the date the service provider notified the EC.",
            )
        elif notice > meeting:
            ev.error("provider_notice_date", "The provider's notice cannot follow the meeting.")
        else:
            _check_initial_due(notice, meeting, calendar, ev)
    elif notice is not None:
        ev.warn("provider_notice_date", "The provider's notice date matters for initial meetings.")
    plan: dt.date | None = data["wtw2_plan_date"]
    if plan is not None:
        target = plan + dt.timedelta(days=PLAN_MEETING_DAYS)
        ev.computed["plan_meeting_target"] = target
        if data["meeting_type"] == "initial" and meeting > target:
            ev.warn(
                "meeting_date",
                f"When possible the initial PST meeting is held within {PLAN_MEETING_DAYS} "
                f"days of the WTW 2 plan (by {target:%m/%d/%Y}).",
            )


def _check_initial_due(
    notice: dt.date, meeting: dt.date, calendar: WorkCalendar, ev: Evaluation
) -> None:
    due = initial_meeting_due(notice, calendar)
    ev.computed["initial_meeting_due"] = due
    late = (meeting - due).days
    if late > 0:
        ev.computed["days_late"] = late
        ev.warn(
            "meeting_date",
            f"The initial meeting was due by {due:%m/%d/%Y}, a week after the provider's "
            f"notice; it is {late} day{'s' if late != 1 else ''} late.",
        )


def _check_method(data: dict[str, Any], ev: Evaluation) -> None:
    reason = data["client_unavailable_reason"]
    if data["method"] == "email" and not reason:
        ev.warn(
            "client_unavailable_reason",
            "Meet by email only when the client is unavailable; say why they were.",
        )
    elif data["method"] != "email" and reason:
        ev.warn("client_unavailable_reason", "The client-unavailable reason is for email meetings.")


def _check_agenda(data: dict[str, Any], ev: Evaluation) -> None:
    agenda = data["agenda"]
    for topic in AGENDA_TOPICS:
        if agenda[topic]["notes"] and not agenda[topic]["discussed"]:
            ev.warn(f"agenda.{topic}.discussed", "Notes are given but the topic is not checked.")
    if not any(agenda[t]["discussed"] for t in AGENDA_TOPICS):
        ev.warn("agenda", "No agenda topic is checked as discussed.")
    summary = data["provider_summary"]
    if data["meeting_type"] == "initial" and not (summary["barriers"] or summary["goals"]):
        ev.warn(
            "provider_summary",
            "The provider's upfront summary lists no OCAT barriers and no CW 2.0 goals.",
        )


def _check_signoff(data: dict[str, Any], today: dt.date, ev: Evaluation) -> None:
    meeting: dt.date = data["meeting_date"]
    signed: dt.date | None = data["ec_signed_date"]
    if signed is not None and signed < meeting:
        ev.error("ec_signed_date", "The EC cannot sign off the summary before the meeting.")
    nxt: dt.date | None = data["next_meeting_date"]
    if nxt is not None and nxt <= meeting:
        ev.error("next_meeting_date", "The next meeting must come after this meeting's date.")
    elif nxt is not None and (nxt - meeting).days > MONTHLY_DAYS:
        ev.warn("next_meeting_date", "The PST meets at least monthly when a meeting is needed.")
    _check_supervisor(data["supervisor"], meeting, signed, ev)
    for path, day in (("ec_signed_date", signed), ("supervisor.date", data["supervisor"]["date"])):
        if day is not None and day > today:
            ev.warn(path, "This sign-off date is in the future.")


def _check_supervisor(
    sup: dict[str, Any], meeting: dt.date, signed: dt.date | None, ev: Evaluation
) -> None:
    date: dt.date | None = sup["date"]
    if date is not None and date < meeting:
        ev.error("supervisor.date", "The supervisor cannot initial the summary before the meeting.")
    elif date is not None and signed is not None and date < signed:
        ev.warn("supervisor.date", "The supervisor initials after the EC signs off.")
    if bool(sup["initials"]) != (date is not None):
        ev.warn("supervisor", "Give the supervisor's initials and the date together.")
    if (sup["initials"] or date) and signed is None:
        ev.warn("ec_signed_date", "The supervisor initials the summary the EC has signed off.")


SPEC = FormSpec(
    id="42-176",
    title="Program Support Team Meeting",
    number="42-176",
    revision="Rev. 03/23",
    agency="Alameda County Social Services Agency",
    county="alameda",
    schema=PstSummarySchema,
    template="42-176.docx",
    evaluate=evaluate,
    description="Summary of a Program Support Team meeting: provider's summary, agenda, sign-off.",
)
