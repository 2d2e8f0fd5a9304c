"""The AOR inbox as one query: each report's latest reading, filtered, sorted and paged in SQL."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import ColumnElement, String, Subquery, Text, case, cast, func, select
from sqlalchemy.orm import Session

from service.aor import records
from service.aor.inbox import assigned_ecs, summary
from service.aor.reading_state import NEEDS_REVIEW
from service.aor.trust import normalised_id
from service.models.aor import AorUpload
from service.models.user import User

PAGE_SIZE = 25
NEEDS_ACTION, REVIEWED = "needs_action", "reviewed"
# A reading is the EC's to act on until someone marks it reviewed; one whose values the
# reader marked for checking (service/aor/reading_state.py) needs that review first.
STATES = {NEEDS_ACTION: "Needs action", NEEDS_REVIEW: "Needs review", REVIEWED: "Reviewed"}
SORTS = ("month", "case", "participant", "provider", "state")
COLUMNS = {"month": "report_month", "case": "case_number", "provider": "provider_key"}
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


@dataclass(frozen=True)
class InboxQuery:
    """What the inbox is asked for: filters (blank for all), a sort column and way, a page."""

    case: str = ""
    provider: str = ""
    month: str = ""
    state: str = ""
    sort: str = "month"
    descending: bool = True
    page: int = 1

    @classmethod
    def from_args(cls, args: Mapping[str, str]) -> InboxQuery:
        """From a query string; a value the inbox cannot use is left out, never refused."""
        month = args.get("month", "").strip()
        page, order = args.get("page", ""), args.get("order", "")
        sort = args.get("sort", "") if args.get("sort") in SORTS else "month"
        return cls(
            case=(normalised_id(args.get("case")) or "")[:16],
            provider=" ".join(args.get("provider", "").split())[:200],
            month=month if MONTH.match(month) else "",
            state=args.get("state", "") if args.get("state") in STATES else "",
            sort=sort,
            descending=order == "desc" if order in ("asc", "desc") else sort == "month",
            page=int(page) if page.isascii() and page.isdigit() and 0 < int(page) < 10**5 else 1,
        )

    def args(self, **changes: Any) -> dict[str, str]:
        """The query string of this query with ``changes``: only what differs from the default,
        so a link keeps every other filter; a new filter or sort goes back to page 1."""
        if changes.keys() - {"page"}:
            changes.setdefault("page", 1)
        wanted = replace(self, **changes)
        default = InboxQuery()
        out = {
            key: str(getattr(wanted, key))
            for key in ("case", "provider", "month", "state", "sort", "page")
            if getattr(wanted, key) != getattr(default, key)
        }
        if wanted.descending != (wanted.sort == "month"):
            out["order"] = "desc" if wanted.descending else "asc"
        return out

    def sorted_by(self, column: str) -> dict[str, str]:
        """The link of a column's heading: by that column, the other way if already so."""
        if column == self.sort:
            return self.args(sort=column, descending=not self.descending)
        return self.args(sort=column, descending=column == "month")

    def aria_sort(self, column: str) -> str:
        if column != self.sort:
            return "none"
        return "descending" if self.descending else "ascending"


@dataclass(frozen=True)
class InboxPage:
    """One page of the inbox and what the whole of it holds."""

    query: InboxQuery
    entries: list[dict[str, Any]]
    matching: int  # readings that match the filters, on every page
    counts: dict[str, int] = field(default_factory=dict)  # per state, filters but state applied

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.matching / PAGE_SIZE))


def state_of(dialect: str) -> ColumnElement[str]:
    """The inbox state of an upload, as SQL: reviewed, needs review, or needs action."""
    reviewed = _json_text("reviewed", dialect) != "null"
    return case(
        (reviewed, REVIEWED), (AorUpload.status == NEEDS_REVIEW, NEEDS_REVIEW), else_=NEEDS_ACTION
    )


def _json_text(key: str, dialect: str) -> ColumnElement[str]:
    """A top-level reading value as its JSON text ("null" when absent; "{" for an object).

    PostgreSQL's JSON operators refuse a whole row holding a lone surrogate escape, which
    readings kept before input was checked may (service/text.py): there the value is found
    in the stored text, which is never decoded."""
    if dialect == "postgresql":
        # A string, null, true, false, or the start of an object or list: a number is left
        # out, as a nested map of each field's OCR confidence may come before the key itself.
        value = r'"(?:[^"\\]|\\.)*"|null|true|false|\{|\['
        found = func.substring(cast(AorUpload.reading, Text), f'"{key}": ({value})')
        return func.coalesce(found, "null")
    return func.coalesce(cast(AorUpload.reading[key], String), "null")


def _given(key: str, dialect: str) -> ColumnElement[str]:
    """The JSON text of a reading's value, or SQL NULL when it is absent, null or blank."""
    return func.nullif(func.nullif(_json_text(key, dialect), '""'), "null")


def _latest(session: Session, viewer: User) -> Subquery:
    """Each upload ``viewer`` may see with its state, and 1 as ``rank`` for the newest of its
    report: one organisation's, on one person's activity (service/aor/trust.report_stream)."""
    # Blank is as absent, as report_stream's ``or`` has it.
    dialect = session.get_bind().dialect.name
    name = func.lower(_given("participant_name", dialect))
    stream = (
        func.coalesce(func.nullif(AorUpload.case_number, ""), "#" + cast(AorUpload.id, String)),
        func.coalesce(func.nullif(AorUpload.cin, ""), name, ""),
        func.upper(_given("activity", dialect)),
        AorUpload.organisation,
    )
    newest = (AorUpload.report_month.desc(), AorUpload.id.desc())
    rank = func.row_number().over(partition_by=stream, order_by=newest)
    return (
        select(
            AorUpload.id,
            AorUpload.case_number,
            AorUpload.provider,
            func.lower(AorUpload.provider).label("provider_key"),
            AorUpload.report_month,
            name.label("participant"),
            state_of(dialect).label("state"),
            rank.label("rank"),
        )
        .where(records.visible_to(viewer), AorUpload.superseded_by_id.is_(None))
        .subquery()
    )


def _filters(latest: Subquery, query: InboxQuery) -> list[ColumnElement[bool]]:
    found = [latest.c.rank == 1]
    if query.case:
        found.append(latest.c.case_number.startswith(query.case, autoescape=True))
    if query.provider:
        wanted = query.provider.lower()
        found.append(latest.c.provider_key.contains(wanted, autoescape=True))
    if query.month:
        found.append(latest.c.report_month == query.month)
    return found


def state_counts(session: Session, viewer: User, query: InboxQuery | None = None) -> dict[str, int]:
    """How many latest readings are in each state, under the query's other filters."""
    latest = _latest(session, viewer)
    counted = (
        select(latest.c.state, func.count())
        .where(*_filters(latest, query or InboxQuery()))
        .group_by(latest.c.state)
    )
    found = {state: int(n) for state, n in session.execute(counted).all()}
    return {state: found.get(state, 0) for state in STATES}


def inbox_page(session: Session, viewer: User, query: InboxQuery) -> InboxPage:
    """The page of latest readings the query asks for, with each one's summary and state."""
    counts = state_counts(session, viewer, query)
    matching = counts[query.state] if query.state else sum(counts.values())
    # A page past the last (the list shrank since the link was made) shows the last.
    query = replace(query, page=min(query.page, max(1, math.ceil(matching / PAGE_SIZE))))
    latest = _latest(session, viewer)
    chosen = _filters(latest, query)
    if query.state:
        chosen.append(latest.c.state == query.state)
    column = latest.c[COLUMNS.get(query.sort, query.sort)]
    order = column.desc() if query.descending else column.asc()
    tie = latest.c.id.desc() if query.descending else latest.c.id.asc()
    rows = session.execute(
        select(AorUpload, latest.c.state)
        .join(latest, latest.c.id == AorUpload.id)
        .where(*chosen)
        .order_by(order.nulls_last(), tie)
        .limit(PAGE_SIZE)
        .offset((query.page - 1) * PAGE_SIZE)
    ).all()
    ecs = assigned_ecs(session, [r.case_number for r, _ in rows if r.case_number])
    entries = [
        summary(record) | {"state": state, "ec": ecs.get(record.case_number or "")}
        for record, state in rows
    ]
    return InboxPage(query, entries, matching, counts)
