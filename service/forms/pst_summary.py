"""42-176 rules: who must attend, when the initial meeting is scheduled, and sign-off order."""

from __future__ import annotations

import datetime as dt
from typing import Any

from schemas.pst_summary import AGENDA_TOPICS, PstSummarySchema
from service.forms.base import Evaluation, FormSpec, RuleInput
from service.rules.calendar import WorkCalendar
from service.rules.catalog import rule
from service.rules.deadlines import Deadline, calendar_deadline, deadline_fields

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
    ev.computed.update(
        initial_meeting_due=None,
        initial_meeting_due_note=None,
        days_late=None,
        plan_meeting_target=None,
        plan_meeting_target_note=None,
    )
    _check_attendees(data, ev)
    _check_timing(data, rules.county.calendar, ev)
    _check_method(data, ev)
    _check_agenda(data, ev)
    _check_signoff(data, rules.today, ev)
    return ev


@rule("42-176")
def initial_meeting_due(notice: dt.date, calendar: WorkCalendar) -> dt.date:
    """Handbook 42-7.38 II.B: the EC schedules the initial meeting within one week of the
    provider's notice; a last day the office is closed is settled as every deadline is."""
    return scheduling_deadline(notice, calendar).date


def scheduling_deadline(notice: dt.date, calendar: WorkCalendar) -> Deadline:
    """The last day to schedule the initial meeting, with the closed-day fact."""
    return calendar_deadline(notice, INITIAL_MEETING_DAYS, calendar)


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
    scheduled: dt.date | None = data["scheduled_date"]
    if scheduled is not None and scheduled > meeting:
        ev.error("scheduled_date", "A meeting cannot be scheduled after the day it was held.")
    if data["meeting_type"] == "initial":
        if notice is None:
            ev.error(
                "provider_notice_date",
                "An initial meeting needs the date the service provider notified the EC.",
            )
        elif notice > meeting:
            ev.error("provider_notice_date", "The provider's notice cannot follow the meeting.")
        else:
            _check_scheduling(notice, scheduled, meeting, calendar, ev)
    elif notice is not None:
        ev.warn("provider_notice_date", "The provider's notice date matters for initial meetings.")
    _check_plan_target(data, calendar, ev)


@rule("42-176")
def _check_plan_target(data: dict[str, Any], calendar: WorkCalendar, ev: Evaluation) -> None:
    """Handbook 42-7.38 II.B: *when possible* the PST meets within 30 days of the WTW 2 plan,
    so a later initial meeting is a warning, never a refusal."""
    plan: dt.date | None = data["wtw2_plan_date"]
    if plan is None:
        return
    ev.computed.update(
        deadline_fields(
            "plan_meeting_target", plan + dt.timedelta(days=PLAN_MEETING_DAYS), calendar
        )
    )
    target: dt.date = ev.computed["plan_meeting_target"]
    if data["meeting_type"] == "initial" and data["meeting_date"] > target:
        ev.warn(
            "meeting_date",
            f"When possible the initial PST meeting is held within {PLAN_MEETING_DAYS} "
            f"days of the WTW 2 plan (by {target:%m/%d/%Y}).",
        )


@rule("42-176")
def _check_scheduling(
    notice: dt.date,
    scheduled: dt.date | None,
    meeting: dt.date,
    calendar: WorkCalendar,
    ev: Evaluation,
) -> None:
    """Handbook 42-7.38 II.B: the EC *schedules* the initial meeting within one week of the
    provider's notice; the meeting itself may fall later. Scheduling late is a warning."""
    deadline = scheduling_deadline(notice, calendar)
    due = deadline.date
    ev.computed.update(initial_meeting_due=due, initial_meeting_due_note=deadline.note)
    if scheduled is None:
        if meeting > due:
            ev.warn(
                "scheduled_date",
                f"The meeting was held after {due:%m/%d/%Y}, a week after the provider's "
                "notice: give the date the EC scheduled it, which is due by then.",
            )
        return
    late = (scheduled - due).days
    if late > 0:
        ev.computed["days_late"] = late
        ev.warn(
            "scheduled_date",
            f"The EC schedules the initial meeting within a week of the provider's notice, "
            f"by {due:%m/%d/%Y}; it was scheduled {late} day{'s' if late != 1 else ''} late.",
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
