"""Assigning cases in bulk: rows checked all together first, then applied all or nothing."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from schemas.fields import normalise_code
from service.auth.permissions import Role
from service.cases import CASE_NUMBER, put_assignment
from service.errors import DomainError
from service.models.user import CaseAssignment, User

# A file of more rows than this is not one office's morning of assignments.
MAX_ROWS = 2000
HOW_TO_FIX_CASE = "write it as 7 to 10 letters and digits, like B4C7Q21"


@dataclass(frozen=True)
class Row:
    """One line of the upload: its number as a spreadsheet shows it, the case and the EC."""

    number: int
    case_number: str
    ec: str


@dataclass(frozen=True)
class Problem:
    """What is wrong with one row, and how to fix it, in words for the supervisor."""

    row: int
    message: str


@dataclass
class Summary:
    """What an upload did: new assignments, moves from another EC, and rows already so."""

    assigned: list[str] = field(default_factory=list)
    reassigned: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {k: len(v) for k, v in vars(self).items()}

    def sentence(self) -> str:
        c = self.counts()
        return f"{c['assigned']} assigned, {c['reassigned']} reassigned, {c['unchanged']} unchanged"


class AssignmentsRefused(DomainError):
    """Some rows cannot be applied; none was (the upload is all or nothing)."""

    status = 422

    def __init__(self, problems: Sequence[Problem]) -> None:
        count = len(problems)
        super().__init__(
            f"{count} row{'' if count == 1 else 's'} cannot be assigned; nothing was changed. "
            "Fix the rows below and upload the file again."
        )
        self.problems = list(problems)

    def payload(self) -> dict[str, Any]:
        return {
            "message": self.message,
            "problems": [{"row": p.row, "message": p.message} for p in self.problems],
        }


def read_csv(text: str) -> list[Row]:
    """The rows of a CSV of "case number, EC"; a first row naming the columns is skipped."""
    found: list[Row] = []
    for number, cells in enumerate(csv.reader(io.StringIO(text.lstrip("\ufeff"))), start=1):
        cells = [c.strip() for c in cells]
        if not any(cells):
            continue
        if number == 1 and _is_header(cells):
            continue
        found.append(Row(number, cells[0], cells[1] if len(cells) > 1 else ""))
        if len(found) > MAX_ROWS:
            raise AssignmentsRefused(
                [Problem(number, f"the file holds more than {MAX_ROWS} rows; split it")]
            )
    return found


def _is_header(cells: list[str]) -> bool:
    first = cells[0].lower()
    return "case" in first and not CASE_NUMBER.match(normalise_code(cells[0]))


def ecs_of(session: Session, by: User) -> Sequence[User]:
    """The active ECs ``by`` may assign to: the supervisor's unit, or every one for an admin."""
    query = select(User).where(User.role == Role.EC, User.active.is_(True))
    if by.role == Role.SUPERVISOR:
        query = query.where(User.unit == by.unit)
    return session.scalars(query.order_by(User.display_name)).all()


def check(session: Session, rows: Sequence[Row], by: User) -> list[tuple[str, User]]:
    """Each row's (case number, EC), or AssignmentsRefused naming every row that is wrong."""
    if not rows:
        raise AssignmentsRefused([Problem(0, "the file has no rows; write one case per line")])
    ecs = _directory(session, by)
    current = _current(session, [normalise_code(r.case_number) for r in rows])
    problems: list[Problem] = []
    planned: list[tuple[str, User]] = []
    seen: dict[str, tuple[int, int]] = {}
    for row in rows:
        case = normalise_code(row.case_number)
        message = _row_problem(case, row, ecs, current.get(case), by)
        if message is None and case in seen and seen[case][1] != ecs[row.ec.lower()].id:
            message = (
                f"case {case} is also in row {seen[case][0]} with another EC; keep one of the two"
            )
        if message:
            problems.append(Problem(row.number, message))
            continue
        ec = ecs[row.ec.lower()]
        seen.setdefault(case, (row.number, ec.id))
        planned.append((case, ec))
    if problems:
        raise AssignmentsRefused(problems)
    return planned


def _row_problem(
    case: str, row: Row, ecs: dict[str, User], current: CaseAssignment | None, by: User
) -> str | None:
    if not case:
        return f"the case number is missing; {HOW_TO_FIX_CASE}"
    if not CASE_NUMBER.match(case):
        return f'"{row.case_number}" is not a case number; {HOW_TO_FIX_CASE}'
    if not row.ec:
        return "the EC is missing; write the EC's username or worker number in the second column"
    if row.ec.lower() not in ecs:
        where = "in your unit " if by.role == Role.SUPERVISOR else ""
        return (
            f'no active EC {where}has the username or worker number "{row.ec}"; '
            "check the spelling against the list of ECs on this page"
        )
    if by.role == Role.SUPERVISOR and current is not None and current.unit != by.unit:
        return (
            f"case {case} belongs to another unit ({current.unit or 'no unit'}); "
            "its supervisor moves it, or an administrator does"
        )
    return None


def _directory(session: Session, by: User) -> dict[str, User]:
    """The ECs ``by`` may assign to, by lower-case username and by lower-case worker number."""
    found: dict[str, User] = {}
    for ec in ecs_of(session, by):
        if ec.worker_number:
            found.setdefault(ec.worker_number.lower(), ec)
    for ec in ecs_of(session, by):
        found[ec.username.lower()] = ec  # a username wins over a worker number spelt alike
    return found


def _current(session: Session, case_numbers: Iterable[str]) -> dict[str, CaseAssignment]:
    wanted = sorted({c for c in case_numbers if c})
    found = session.scalars(select(CaseAssignment).where(CaseAssignment.case_number.in_(wanted)))
    return {a.case_number: a for a in found}


def apply(session: Session, planned: Sequence[tuple[str, User]], at: dt.datetime) -> Summary:
    """Give each case to its EC; the caller commits, so every row lands or none does."""
    summary = Summary()
    current = _current(session, [case for case, _ in planned])
    done: set[str] = set()
    for case, ec in planned:
        if case in done:
            continue  # the same case and EC twice in one file is one assignment
        done.add(case)
        before = current.get(case)
        if before is None:
            summary.assigned.append(case)
        elif before.ec_id == ec.id and before.unit == ec.unit:
            summary.unchanged.append(case)
            continue
        else:
            summary.reassigned.append(case)
        put_assignment(session, case, ec, at)
    session.flush()
    return summary


def assign_rows(session: Session, rows: Sequence[Row], by: User, at: dt.datetime) -> Summary:
    """Check every row, then apply them all: the one way pages and the API assign cases."""
    return apply(session, check(session, rows, by), at)


@dataclass(frozen=True)
class Listing:
    """One page of a unit's assignments: (case number, EC's name, when) rows and the total."""

    rows: list[tuple[str, str, dt.datetime]]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def listing(
    session: Session, viewer: User, ec_id: int | None = None, page: int = 1, per_page: int = 25
) -> Listing:
    """The assignments ``viewer`` oversees, by case number, optionally one EC's only."""
    query = select(CaseAssignment.case_number, User.display_name, CaseAssignment.assigned_at).join(
        User, User.id == CaseAssignment.ec_id
    )
    if viewer.role == Role.SUPERVISOR:
        query = query.where(CaseAssignment.unit == viewer.unit)
    if ec_id is not None:
        query = query.where(CaseAssignment.ec_id == ec_id)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    page = min(max(1, page), max(1, -(-total // per_page)))
    found = session.execute(
        query.order_by(CaseAssignment.case_number).offset((page - 1) * per_page).limit(per_page)
    )
    return Listing([(r[0], r[1], r[2]) for r in found], total, page, per_page)
