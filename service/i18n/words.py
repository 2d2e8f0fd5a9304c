"""What one language's catalog holds: words for computed values and the sentences around them."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class DeadlineWords:
    """A deadline on a closed day, said the way ``service.rules.deadlines.Deadline.note`` says
    it in English: the closed day (``weekend`` or ``holiday``), then what became of it."""

    weekend: str  # {date} is a {weekday}, when the office is closed
    holiday: str  # {date} is a county holiday ({holiday})
    observed: str  # "{holiday} (observed)": the weekday a weekend holiday is observed on
    not_moved: str  # {closed}; the deadline is not moved (county setting).
    moved_back: str  # {closed}; moved back, {date}.
    moved_forward: str  # {closed}; moved to the next working day, {date}.


@dataclass(frozen=True)
class Catalog:
    """One language's words for computed values and the patterns that hold a value."""

    yes: str
    no: str
    list_separator: str  # "1, 2 and 3" in that language: separator, then before the last
    last_separator: str
    # The reassignment window: {days} after {activity} starts on {date}.
    reassignment_after: str
    # Why the requirement changes during the plan (service.forms.wtw2_household.change_reason).
    turns_six: str  # {child} turns 6 on {date}
    pregnancy_ends: str  # the pregnancy is expected to end on {date}
    deadline: DeadlineWords
    texts: dict[str, str] = field(default_factory=dict)

    def text(self, english: str) -> str:
        return self.texts.get(english, english)

    def numbers(self, numbers: list[str]) -> str:
        if len(numbers) == 1:
            return numbers[0]
        return self.list_separator.join(numbers[:-1]) + self.last_separator + numbers[-1]
