"""Where the generator's choices come from: a seeded ``random.Random`` or a Hypothesis draw."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from typing import Any, Protocol, TypeVar

from hypothesis import strategies as st

T = TypeVar("T")


class Choices(Protocol):
    def pick(self, options: Sequence[T]) -> T:
        """One of ``options``; the first is the plainest (Hypothesis shrinks towards it)."""
        ...

    def number(self, low: int, high: int) -> int:
        """An integer from ``low`` to ``high`` inclusive."""
        ...

    def chance(self, percent: int) -> bool:
        """True about ``percent`` times in a hundred."""
        ...


class RandomChoices:
    """Choices from a seeded random generator: one integer seed reproduces a whole document."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)

    def pick(self, options: Sequence[T]) -> T:
        return options[self.random.randrange(len(options))]

    def number(self, low: int, high: int) -> int:
        return self.random.randint(low, high)

    def chance(self, percent: int) -> bool:
        return self.random.randrange(100) < percent


class DrawnChoices:
    """Choices drawn by Hypothesis, so a failing document shrinks to its plainest form."""

    def __init__(self, draw: Callable[[st.SearchStrategy[Any]], Any]) -> None:
        self.draw = draw

    def pick(self, options: Sequence[T]) -> T:
        chosen: T = self.draw(st.sampled_from(options))
        return chosen

    def number(self, low: int, high: int) -> int:
        chosen: int = self.draw(st.integers(low, high))
        return chosen

    def chance(self, percent: int) -> bool:
        # Shrinks to False: the plain case.
        chosen: bool = self.draw(st.integers(0, 99)) >= 100 - percent
        return chosen
