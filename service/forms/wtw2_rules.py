"""WTW 2 rules about activities: labels, concurrent hours by period, and the plan change windows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from service.rules.calendar import WorkCalendar
from service.rules.catalog import rule
from service.rules.deadlines import CHANGE_REQUEST_WORKING_DAYS, REASSIGNMENT_DAYS

ACTIVITY_LABELS = {
    "job_search": "Job Search and Job Readiness Assistance",
    "work_experience": "Work Experience",
    "community_service": "Community Service",
    "subsidized_employment": "Subsidized Employment",
    "employment": "Unsubsidized Employment",
    "on_the_job_training": "On-the-Job Training",
    "vocational_training": "Vocational Education and Training",
    "job_skills_training": "Job Skills Training Directly Related to Employment",
    "education_related_to_employment": "Education Directly Related to Employment",
    "adult_basic_education": "Adult Basic Education",
    "high_school_or_ged": "High School or GED Program",
    "self_initiated_program": "Self-Initiated Program (SIP)",
    "mental_health_substance_abuse_dv": (
        "Mental Health, Substance Abuse or Domestic Violence Services"
    ),
    "other": "Other",
}

# The activities that open the one-time reassignment window of WIC 11325.22.
TRAINING_OR_EDUCATION = frozenset(
    {
        "on_the_job_training",
        "vocational_training",
        "job_skills_training",
        "education_related_to_employment",
        "adult_basic_education",
        "high_school_or_ged",
        "self_initiated_program",
    }
)

# Employment has no end date the county can know in advance; every other activity does.
OPEN_ENDED = frozenset({"employment"})


@dataclass(frozen=True)
class Period:
    """Days over which the same activities run concurrently; ``end`` None means ongoing."""

    start: dt.date
    end: dt.date | None
    numbers: tuple[int, ...]
    hours: Decimal

    @property
    def partial_week(self) -> bool:
        """Shorter than a week, as when concurrent activities start or end a few days apart."""
        return self.end is not None and (self.end - self.start).days < 6

    def describe(self, first: bool = False) -> str:
        """``from 12/07/2026 to 05/28/2027``, or ``from 12/07/2026 on`` when ongoing."""
        until = f"to {self.end:%m/%d/%Y}" if self.end else "on"
        return f"{'F' if first else 'f'}rom {self.start:%m/%d/%Y} {until}"


def hours_text(hours: Decimal | int) -> str:
    """Hours as people write them: 12, 7.5, 100."""
    return f"{Decimal(hours).normalize():f}"


def numbers_text(numbers: Sequence[int]) -> str:
    """``[1, 2, 3]`` as ``1, 2 and 3``."""
    words = [str(n) for n in numbers]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _runs_on(activity: dict[str, Any], day: dt.date) -> bool:
    end = activity["end_date"]
    return activity["start_date"] <= day and (end is None or day <= end)


def schedule(activities: Sequence[dict[str, Any]], start_from: dt.date) -> list[Period]:
    """The periods from ``start_from`` on, each with the activities then running and their hours.

    Activities are numbered from 1 in the order given. A period with no activity is a gap.
    """
    points = {max(a["start_date"], start_from) for a in activities}
    points |= {a["end_date"] + dt.timedelta(days=1) for a in activities if a["end_date"]}
    ordered = sorted(p for p in points if p >= start_from)
    periods: list[Period] = []
    for i, start in enumerate(ordered):
        following = ordered[i + 1] if i + 1 < len(ordered) else None
        running = [n for n, a in enumerate(activities, 1) if _runs_on(a, start)]
        if not running and following is None:
            break
        end = following - dt.timedelta(days=1) if following else None
        hours = sum((activities[n - 1]["hours_per_week"] for n in running), Decimal(0))
        periods.append(Period(start, end, tuple(running), hours))
    return periods


def concurrent_with(activities: Sequence[dict[str, Any]]) -> list[list[int]]:
    """For each activity, the numbers of the other activities whose dates overlap its own."""
    far = dt.date.max
    spans = [(a["start_date"], a["end_date"] or far) for a in activities]
    return [
        [n for n, (s2, e2) in enumerate(spans, 1) if n != i and s1 <= e2 and s2 <= e1]
        for i, (s1, e1) in enumerate(spans, 1)
    ]


@rule("wtw2")
def change_request_deadline(calendar: WorkCalendar, signed: dt.date) -> dt.date:
    """WIC 11325.21: the last day to ask for changes, 3 working days after signing."""
    return calendar.add_working_days(signed, CHANGE_REQUEST_WORKING_DAYS)


@dataclass(frozen=True)
class Reassignment:
    """The one-time reassignment window (WIC 11325.22): its last day, or why there is none."""

    deadline: dt.date | None
    note: str


@rule("wtw2")
def reassignment(
    activities: Sequence[dict[str, Any]], started_before: bool, already_used: bool
) -> Reassignment:
    """30 calendar days after the first training or education activity starts, to ask once to be
    reassigned (WIC 11325.22)."""
    training = [a for a in activities if a["type"] in TRAINING_OR_EDUCATION]
    if not training:
        return Reassignment(None, "None: this plan has no training or education activity.")
    if already_used:
        return Reassignment(None, "None: the participant has already used the one reassignment.")
    if started_before:
        return Reassignment(
            None,
            "None: the participant began a training or education activity under an earlier "
            "plan; the 30 days ran from that activity.",
        )
    first = min(training, key=lambda a: a["start_date"])
    start = first["start_date"]
    return Reassignment(
        start + dt.timedelta(days=REASSIGNMENT_DAYS),
        f"{REASSIGNMENT_DAYS} calendar days after {ACTIVITY_LABELS[first['type']]} "
        f"starts on {start:%m/%d/%Y}.",
    )
