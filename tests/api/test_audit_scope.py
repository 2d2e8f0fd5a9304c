"""Who reads which audit rows, and time filters that honour the offset they are given."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from service.auth import accounts
from service.extensions import db

AUDIT = "/api/v1/audit"
PST = dt.timezone(dt.timedelta(hours=-8))


def user_id(app, username):
    with app.app_context():
        return accounts.get_user(db.session, username).id


@pytest.fixture
def elsewhere(client_for):
    """An EC of unit U22, and U22's supervisor."""
    return (
        client_for("ec.okafor", "ec", unit="U22", worker_number="W5150"),
        client_for("sup.osei", "supervisor", unit="U22"),
    )


def test_a_supervisor_reads_only_their_units_rows_and_an_admin_reads_all(
    app, client_as, elsewhere, example
):
    other_ec, other_supervisor = elsewhere
    slip = client_as("ec").post("/api/v1/slips", json=example("50-20e")).json  # unit U17
    other_ec.get("/api/v1/forms")
    other_supervisor.post(f"/api/v1/slips/{slip['id']}/approve")  # refused: not U22's slip
    client_as("clerical").get("/api/v1/slips")
    client_as("supervisor").get("/api/v1/slips")

    u17 = {user_id(app, n) for n in ("ec.rivera", "sup.chen")}
    rows = client_as("supervisor").get(AUDIT).json
    assert {r["user_id"] for r in rows} == u17 | {user_id(app, "sup.osei")}
    # U22's refused approval is about U17's slip; the clerk's list and U22's forms are not.
    assert [r["action"] for r in rows if r["user_id"] == user_id(app, "sup.osei")] == [
        "slips.approve_slip"
    ]
    theirs = {r["user_id"] for r in other_supervisor.get(AUDIT).json}
    assert theirs == {user_id(app, n) for n in ("ec.okafor", "sup.osei")}
    everyone = {r["user_id"] for r in client_as("admin").get(AUDIT).json}
    assert everyone >= u17 | theirs | {user_id(app, "clerk.diaz")}


def test_a_supervisor_cannot_read_another_units_rows_by_asking_for_them(app, client_as, elsewhere):
    other_ec, _ = elsewhere
    other_ec.get("/api/v1/forms")
    asked = client_as("supervisor").get(AUDIT, query_string={"user_id": user_id(app, "ec.okafor")})
    assert asked.json == []


def moments(client_as):
    """A row before and a row after a moment: (the moment, the two rows' actions)."""
    ec = client_as("ec")
    ec.get("/api/v1/forms")
    time.sleep(0.05)
    middle = dt.datetime.now(dt.UTC)
    time.sleep(0.05)
    ec.get("/api/v1/forms/42-6")
    return middle


def ec_actions(app, client_as, **query):
    query["user_id"] = user_id(app, "ec.rivera")
    answer = client_as("admin").get(AUDIT, query_string=query)
    assert answer.status_code == 200, answer.json
    return [r["action"] for r in answer.json]


@pytest.mark.parametrize(
    "written",
    [
        lambda m: m.astimezone(PST).isoformat(),  # -08:00
        lambda m: m.astimezone(dt.timezone(dt.timedelta(hours=5, minutes=30))).isoformat(),
        lambda m: m.isoformat().replace("+00:00", "Z"),
        lambda m: m.replace(tzinfo=None).isoformat(),  # no offset: read as UTC
    ],
)
def test_since_and_until_mean_the_same_moment_whatever_offset_writes_it(app, client_as, written):
    middle = moments(client_as)
    assert ec_actions(app, client_as, since=written(middle)) == ["forms.describe_form"]
    assert ec_actions(app, client_as, until=written(middle)) == ["forms.list_forms"]


def test_every_answered_time_carries_its_offset(client_as):
    client_as("ec").get("/api/v1/forms")
    rows = client_as("admin").get(AUDIT).json
    assert rows
    for row in rows:
        assert dt.datetime.fromisoformat(row["at"]).utcoffset() == dt.timedelta(0), row["at"]


def test_a_time_that_is_not_a_timestamp_is_a_422_naming_it(client_as):
    answer = client_as("admin").get(AUDIT, query_string={"since": "yesterday"})
    assert answer.status_code == 422
    assert "since" in answer.json["errors"]
