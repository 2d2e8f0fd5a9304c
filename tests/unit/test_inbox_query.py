"""The AOR inbox query: latest readings filtered, sorted, paged and counted in the database."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.aor import inbox_query as iq
from service.aor.inbox import latest_readings
from service.aor.inbox_query import PAGE_SIZE, InboxQuery, inbox_page, state_counts

CASES = ("A1B2C3D", "A1B9X4E", "K7M2P8Q")
NAMES = ("ana rivas", "ben ochoa", "cy park")
PROVIDERS = ("Coastline Careers", "Equus Works", "coastal training")
MONTHS = ("2025-08", "2025-09", "2025-10")
ORGS = ("Coastline", "Equus")


@pytest.fixture
def ctx(app):
    """The app's context and an EC with every test case assigned, by role as they see them."""
    from service import cases
    from service.auth import accounts
    from service.extensions import db

    with app.app_context():
        ec = accounts.create_user(db.session, "ec.query", "Ana Query", "ec", unit="U17")
        for case_number in CASES:
            cases.put_assignment(db.session, case_number, ec, accounts.now())
        db.session.commit()
        yield db.session, ec


def store(session, rows: list[dict[str, Any]]) -> list[int]:
    """AOR uploads as readings with only the facts the inbox sorts, filters and counts by."""
    from service.models.aor import AorUpload

    session.query(AorUpload).delete()
    made = []
    for n, row in enumerate(rows):
        reading = {
            "participant_name": row["name"],
            "case_number": row["case"],
            "activity": row["activity"],
            "report_month": row["month"],
            "provider": row["provider"],
            "reviewed": {"by": "Ana Query", "at": "2025-10-09T10:00:00"}
            if row["reviewed"]
            else None,
            "findings": [],
            "totals": {"attended": 10, "excused": 0, "unexcused": 0},
        }
        record = AorUpload(
            sha256=f"{n:064d}",
            filename="aor.pdf",
            size=1,
            uploaded_at=dt.datetime(2025, 10, 9, tzinfo=dt.UTC),
            case_number=row["case"],
            cin=row["cin"],
            report_month=row["month"],
            provider=row["provider"],
            organisation=row["org"],
            status=row["status"],
            reading=reading,
        )
        session.add(record)
        session.flush()
        made.append(record.id)
    session.commit()
    return made


ROW = st.fixed_dictionaries(
    {
        "case": st.sampled_from(CASES),
        "cin": st.sampled_from((None, "12345678A")),
        "name": st.sampled_from(NAMES),
        "activity": st.sampled_from((None, "JS", "VOC")),
        "month": st.sampled_from(MONTHS),
        "provider": st.sampled_from(PROVIDERS),
        "org": st.sampled_from(ORGS),
        "status": st.sampled_from(("read", "needs_review")),
        "reviewed": st.booleans(),
    }
)
QUERY = st.builds(
    InboxQuery,
    case=st.sampled_from(("", "A1B", "K7M2P8Q", "Z")),
    provider=st.sampled_from(("", "coast", "EQUUS", "%")),
    month=st.sampled_from(("", *MONTHS)),
    state=st.sampled_from(("", *iq.STATES)),
    sort=st.sampled_from(iq.SORTS),
    descending=st.booleans(),
)


def expected_state(row: dict[str, Any]) -> str:
    if row["reviewed"]:
        return iq.REVIEWED
    return "needs_review" if row["status"] == "needs_review" else iq.NEEDS_ACTION


def expected(rows: list[dict[str, Any]], ids: list[int], query: InboxQuery) -> list[int]:
    """The inbox worked out in Python: latest of each report, filtered, sorted, all pages."""
    latest: dict[tuple[Any, ...], tuple[str, int]] = {}
    for row, id_ in zip(rows, ids, strict=True):
        stream = (row["case"], row["cin"] or row["name"], row["activity"], row["org"])
        latest[stream] = max(latest.get(stream, ("", 0)), (row["month"], id_))
    chosen = {id_ for _, id_ in latest.values()}
    kept = [
        (row, id_)
        for row, id_ in zip(rows, ids, strict=True)
        if id_ in chosen
        and row["case"].startswith(query.case)
        and query.provider.lower() in row["provider"].lower()
        and row["month"].startswith(query.month)
        and expected_state(row).startswith(query.state)
    ]
    column = {"month": "month", "case": "case", "participant": "name", "provider": "provider"}
    key = column.get(query.sort)

    def sort_key(pair: tuple[dict[str, Any], int]) -> tuple[str, int]:
        row, id_ = pair
        value = row[key] if key else expected_state(row)
        return (value.lower() if key == "provider" else value, id_)

    return [id_ for _, id_ in sorted(kept, key=sort_key, reverse=query.descending)]


def every_page(session, ec, query: InboxQuery) -> list[int]:
    shown: list[int] = []
    for number in itertools.count(1):
        page = inbox_page(session, ec, replace(query, page=number))
        shown += [entry["id"] for entry in page.entries]
        if number >= page.pages:
            return shown


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.lists(ROW, max_size=12), query=QUERY)
def test_the_query_filters_sorts_and_pages_as_worked_out_in_python(ctx, rows, query):
    session, ec = ctx
    ids = store(session, rows)
    assert every_page(session, ec, query) == expected(rows, ids, query)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.lists(ROW, max_size=12))
def test_the_latest_readings_are_those_the_inbox_always_showed(ctx, rows):
    session, ec = ctx
    store(session, rows)
    shown = set(every_page(session, ec, InboxQuery()))
    assert shown == {entry["id"] for entry in latest_readings(session, ec)}


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.lists(ROW, max_size=12), query=QUERY)
def test_the_counts_per_state_add_up_to_what_each_state_shows(ctx, rows, query):
    session, ec = ctx
    store(session, rows)
    counts = state_counts(session, ec, query)
    for state in iq.STATES:
        assert counts[state] == len(every_page(session, ec, replace(query, state=state)))


def test_a_page_holds_at_most_the_page_size_and_one_past_the_last_shows_the_last(ctx):
    session, ec = ctx
    row = {
        "case": CASES[0],
        "cin": None,
        "activity": "JS",
        "month": "2025-09",
        "provider": "P",
        "org": "Coastline",
        "status": "read",
        "reviewed": False,
    }
    store(session, [row | {"name": f"person {n:02d}"} for n in range(PAGE_SIZE + 3)])
    first = inbox_page(session, ec, InboxQuery(sort="participant", descending=False))
    assert (len(first.entries), first.pages, first.matching) == (PAGE_SIZE, 2, PAGE_SIZE + 3)
    past = inbox_page(session, ec, InboxQuery(sort="participant", descending=False, page=9))
    assert past.query.page == 2
    assert [e["participant_name"] for e in past.entries] == ["person 25", "person 26", "person 27"]


def test_an_ec_never_sees_a_case_not_assigned_to_them(ctx):
    session, ec = ctx
    row = {
        "cin": None,
        "name": "ana rivas",
        "activity": "JS",
        "month": "2025-09",
        "provider": "P",
        "org": "Coastline",
        "status": "read",
        "reviewed": False,
    }
    store(session, [row | {"case": "Q9Q9Q9Q"}, row | {"case": CASES[0]}])
    page = inbox_page(session, ec, InboxQuery())
    assert [entry["case_number"] for entry in page.entries] == [CASES[0]]
    assert sum(state_counts(session, ec).values()) == 1


def test_a_query_string_the_inbox_cannot_use_falls_back_to_the_defaults():
    query = InboxQuery.from_args(
        {"sort": "drop table", "state": "x", "month": "2025-13", "page": "²", "order": "up"}
    )
    assert query == InboxQuery()
    assert InboxQuery.from_args({"case": " a1b ", "page": "3"}) == InboxQuery(case="A1B", page=3)


def test_links_keep_the_other_parameters_and_a_new_filter_returns_to_page_one():
    query = InboxQuery(
        case="A1B", provider="coast", state="reviewed", sort="case", descending=False, page=3
    )
    assert query.args(page=4) == {
        "case": "A1B",
        "provider": "coast",
        "state": "reviewed",
        "sort": "case",
        "page": "4",
    }
    assert query.args(state="") == {"case": "A1B", "provider": "coast", "sort": "case"}
    assert query.sorted_by("case") == {
        "case": "A1B",
        "provider": "coast",
        "state": "reviewed",
        "sort": "case",
        "order": "desc",
    }
    assert query.sorted_by("month") == {"case": "A1B", "provider": "coast", "state": "reviewed"}
    assert (query.aria_sort("case"), query.aria_sort("month")) == ("ascending", "none")


@given(QUERY, st.integers(min_value=1, max_value=500))
def test_a_link_read_back_is_the_query_it_was_made_from(query, page):
    query = replace(query, page=page)
    assert InboxQuery.from_args(query.args(page=page)) == query
