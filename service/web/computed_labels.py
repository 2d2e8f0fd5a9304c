"""What the fill page calls each value a form's rules compute, in the office's words.

Keyed by form id and dotted key (``schedule[]`` is one row of the list ``schedule``); None
keeps a value off the page: it serves the printed form (a row's number, a code's label already
shown). tests/unit/test_field_labels.py fails when a computed value has no entry here.
"""

from __future__ import annotations

HIDDEN = None
DEADLINE_NOTE = "Why the deadline moved"
OFFICE = {"office": HIDDEN, "office.name": "Office", "office.address": "Office address"}
OFFICE |= {"office.phone": "Office phone"}

COMPUTED: dict[str, dict[str, str | None]] = {
    "wtw2": OFFICE
    | {
        "requirement_hours": "Hours a week required",
        "requirement_basis": "Why that many hours",
        "activities": HIDDEN,  # the activities' labels and numbers, printed on the form
        "activities[]": HIDDEN,
        "activities[].number": HIDDEN,
        "activities[].label": HIDDEN,
        "activities[].training_education": HIDDEN,
        "activities[].concurrent_with": HIDDEN,
        "other_parent_hours": "Other parent's hours a week",
        "schedule": "Schedule",
        "schedule[]": "Period",
        "schedule[].start": "From",
        "schedule[].end": "To",
        "schedule[].activities": "Activities running",
        "schedule[].hours": "Hours a week",
        "schedule[].combined_hours": "Hours a week with the other parent's",
        "schedule[].short": "Short of the hours required",
        "schedule[].partial_week": "Less than a week",
        "total_hours": "Hours a week assigned (fewest in any full week)",
        "combined_hours": "Hours a week with the other parent's",
        "meets_requirement": "Meets the hours required",
        "requirement_changes": "Changes to the hours required",
        "requirement_changes[]": "Change",
        "requirement_changes[].date": "From",
        "requirement_changes[].hours": "Hours a week required",
        "requirement_changes[].basis": "Why that many hours",
        "requirement_changes[].reason": "What changes",
        "requirement_changes[].child": "Child",
        "requirement_changes[].event_date": "Date of the event",
        "change_request_deadline": "Last day to ask for a change to the plan",
        "reassignment_deadline": "Last day of the one-time reassignment",
        "reassignment_deadline_note": DEADLINE_NOTE,
        "reassignment_note": "About the reassignment",
        "plan_due": "Plan due by",
        "plan_due_note": DEADLINE_NOTE,
        "ancillary_total": "Ancillary expenses in all ($)",
    },
    "50-20e": {
        "action_label": "What this slip does",
        "from_office_name": "From office",
        "to_office_name": "To office",
        "closed_files_bank": "Closed files bank",
        "eligible_for_closed_files_on": "May go to closed files from",
        "days_since_discontinuance": "Days since cash aid was discontinued",
        "route_to": "Route to",
    },
    "42-6": {
        "action_label": "What this notice says",
        "compliance_plan_label": "Compliance plan",
        "earliest_effective_date": "Earliest date the sanction may take effect",
        "good_cause_period_ends": "Good cause period ends",
        "good_cause_period_ends_note": DEADLINE_NOTE,
    },
    "42-176": {
        "days_late": "Days late",
        "initial_meeting_due": "First meeting due by",
        "initial_meeting_due_note": DEADLINE_NOTE,
        "meeting_type_label": "Meeting type",
        "method_label": "How the meeting was held",
        "plan_meeting_target": "Plan meeting due by",
        "plan_meeting_target_note": DEADLINE_NOTE,
        "role_labels": HIDDEN,
    },
    "63-62": {
        "calfresh_label": "CalFresh the household gets",
        "days_since_cash_aid_ended": "Days since cash aid ended",
        "days_to_respond": "Days to respond",
        "office_address": "Office address",
        "office_name": "Office",
        "office_phone": "Office phone",
        "respond_by": "Respond by",
        "respond_by_note": DEADLINE_NOTE,
        "tcf_ends": "Transitional CalFresh ends",
    },
    "f063-41-251": OFFICE
    | {
        "activity_name": "Activity",
        "contractor_mailbox": "Contractor's mailbox",
        "contractor_name": "Contractor",
        "end_date": "End date",
        "exprt_began": "EXPRT began",
        "exprt_evaluation_date": "EXPRT evaluation date",
        "exprt_limit_date": "Last day of EXPRT",
        "exprt_months_before": "EXPRT months used before",
        "exprt_months_total": "EXPRT months in all",
        "final_aor_due": "Last attendance report due",
        "first_aor_due": "First attendance report due",
        "requirement_basis": "Why that many hours",
        "total_hours": "Hours a week assigned",
        "weekly_requirement": "Hours a week required",
        "work_experience_basis": "How the work experience hours are set",
        "work_experience_month": "Work experience hours a month",
        "work_experience_week": "Work experience hours a week",
    },
}
MISSING = object()


def computed_label(form_id: str, key: str) -> str | object | None:
    """The label of a computed value (``schedule[].start``), None to leave it off the page,
    or MISSING when none is written."""
    return COMPUTED.get(form_id, {}).get(key, MISSING)
