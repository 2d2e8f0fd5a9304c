"""The 50-20e state machine, without a web application: statuses, steps and racing approvers."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from sqlalchemy.orm import Session, sessionmaker

from service import documents
from service.auth import accounts
from service.db import Base, make_engine
from service.errors import InvalidInput
from service.models.slip import RoutingSlip
from service.slips import workflow as slips
from service.slips.records import CLERICAL_STATUSES, SlipNotFound, Status, fill
from service.slips.routing_rules import names_bank

AT = dt.datetime(2026, 11, 23, 18, 0, tzinfo=dt.UTC)


@pytest.fixture
def factory(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'slips.db'}")
    Base.metadata.create_all(engine)
    yield sessionmaker(engine, expire_on_commit=False)
    engine.dispose()


@pytest.fixture
def session(factory):
    with factory() as opened:
        yield opened


@pytest.fixture
def people(session):
    ec = accounts.create_user(
        session, "ec.rivera", "Ana Rivera", "ec", unit="U17", worker_number="W2918"
    )
    boss = accounts.create_user(
        session, "sup.chen", "Lee Chen", "supervisor", unit="U17", worker_number="S1001"
    )
    clerk = accounts.create_user(session, "clerk.diaz", "Rosa Diaz", "clerical")
    session.commit()
    return ec, boss, clerk


@pytest.fixture
def closing():
    return copy.deepcopy(documents.example("50-20e"))


def make(session: Session, people, payload) -> int:
    created, _ = slips.create_slip(session, people[0], payload, AT)
    return created.id


def put_in(session: Session, slip_id: int, status: Status, approver) -> None:
    found = session.get(RoutingSlip, slip_id)
    found.status = status
    if status in (Status.QUEUED, Status.ROUTED):  # a closed files slip is queued once approved
        found.approved_by_id, found.approved_at = approver.id, AT
    session.commit()


STEPS = {
    slips.Step.APPROVED: lambda s, i, p, body: slips.approve(s, i, p[1], AT),
    slips.Step.SENT_BACK: lambda s, i, p, body: slips.send_back(s, i, p[1], "Fix it.", AT),
    slips.Step.RESUBMITTED: lambda s, i, p, body: slips.resubmit(s, i, p[0], body, AT),
    slips.Step.ROUTED: lambda s, i, p, body: slips.route(
        s, i, p[2], slips.Routing("P999", AT.date(), "rd"), AT
    ),
}


@pytest.mark.parametrize("step", list(STEPS))
@pytest.mark.parametrize("status", list(Status))
def test_each_step_moves_a_slip_only_from_its_one_status(session, people, closing, step, status):
    slip_id = make(session, people, closing)
    put_in(session, slip_id, status, people[1])
    source, target = slips.MOVES[step]
    if step == slips.Step.ROUTED and status not in CLERICAL_STATUSES:
        # Clerical staff do not see a slip before it is queued: it is unknown to them, not late.
        with pytest.raises(SlipNotFound):
            STEPS[step](session, slip_id, people, closing)
        return
    if status != source:
        with pytest.raises(slips.WrongStatus, match=f"is {status.value};"):
            STEPS[step](session, slip_id, people, closing)
        return
    moved = STEPS[step](session, slip_id, people, closing)
    moved = moved[0] if isinstance(moved, tuple) else moved
    assert (moved.status, moved.events[-1].step) == (target, step)


def test_of_two_supervisors_approving_at_once_only_one_moves_the_slip(
    factory, session, people, closing
):
    slip_id = make(session, people, closing)
    with factory() as other:
        stale = other.get(RoutingSlip, slip_id)
        assert stale is not None and stale.status == Status.PENDING_APPROVAL
        slips.approve(session, slip_id, people[1], AT)
        with pytest.raises(slips.WrongStatus, match="is queued"):
            slips.approve(other, slip_id, other.merge(people[1]), AT)
    session.expire_all()
    approvals = [e.step for e in session.get(RoutingSlip, slip_id).events]
    assert approvals == ["created", "approved"]


def test_a_slip_from_an_account_with_no_unit_or_worker_number_is_refused_naming_both(
    session, closing
):
    loner = accounts.create_user(session, "ec.solo", "Solo", "ec")
    with pytest.raises(InvalidInput) as refused:
        slips.create_slip(session, loner, closing, AT)
    assert set(refused.value.errors) == {"from_ec.worker_number", "from_ec.unit"}
    assert "no worker number" in refused.value.errors["from_ec.worker_number"][0]


@pytest.mark.parametrize(
    ("routed_to", "names_it"),
    [
        ("P999", True),
        ("p999", True),
        ("Closed files bank P999", True),
        ("P9990", False),
        ("XP999", False),
        ("V999", False),
        ("", False),
    ],
)
def test_a_routing_names_the_bank_only_as_a_whole_word(routed_to, names_it):
    assert names_bank(routed_to, "P999") is names_it


def test_the_workflow_fills_the_approval_and_routing_blocks_and_nothing_else(closing):
    filled = fill(
        closing, ("Lee Chen", dt.date(2026, 11, 20)), ("P999", dt.date(2026, 11, 21), "RD")
    )
    assert filled["supervisor"] == {"name": "Lee Chen", "approved_on": "2026-11-20"}
    assert filled["clerical"] == {"routed_to": "P999", "routed_on": "2026-11-21", "initials": "RD"}
    assert {k: v for k, v in filled.items() if k not in ("supervisor", "clerical")} == {
        k: v for k, v in closing.items() if k not in ("supervisor", "clerical")
    }
    assert fill(closing)["supervisor"] is None and fill(closing)["clerical"] is None
