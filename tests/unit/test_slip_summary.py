"""The 50-20e's decision summary: the supervisor's questions answered by the slip's own rules."""

from __future__ import annotations

import copy

import pytest

from service.slips.summary import summarise


@pytest.fixture
def slip(example):
    """The example closed files slip as the EC sends it: no approval or routing yet."""
    return example("50-20e") | {"supervisor": None, "clerical": None}


def answers(payload) -> dict[str, tuple[str, bool | None]]:
    return {a.question: (a.answer, a.ok) for a in summarise(payload).answers}


def test_a_complete_closed_files_slip_answers_every_question_yes(slip):
    summary = summarise(slip)
    assert summary.action == "Route to closed files"
    assert summary.route_to == "Closed files bank P999 (Hayward)"
    assert answers(slip) == {
        "Case": ("H7K2M58, Delacroix-Yamada, Renée: Renée Delacroix-Yamada, Tobias Yamada", None),
        "Discontinued more than 30 days?": (
            "Yes: discontinued 09/30/2026, 47 days before the slip",
            True,
        ),
        "Closing checklist complete?": ("Yes: all 6 steps checked", True),
        "Good cause or a deferral?": ("Neither", True),
        "Right closed files bank?": ("Yes: bank P999, the Hayward office's", True),
        "Reason": (
            "Cash aid closed: Household over income: both parents started full-time work in "
            "September.",
            None,
        ),
    }
    assert summary.concerns == 0


def test_a_case_discontinued_30_days_is_not_yet_for_closed_files(slip):
    slip["closed_files"]["discontinuance_date"] = "2026-10-17"
    said, ok = answers(slip)["Discontinued more than 30 days?"]
    assert (
        said == "No: discontinued 10/17/2026, 30 days before the slip; closed files from 11/17/2026"
    )
    assert ok is False


def test_an_unchecked_step_and_a_missing_63_62_are_named(slip):
    closing = slip["closed_files"]
    closing["checklist"] |= {"case_comments_entered": False, "notice_63_62_sent": False}
    said, ok = answers(slip)["Closing checklist complete?"]
    assert said == (
        "No: not checked: 63-62 sent to the Transitional or Non-Assistance CalFresh household; "
        "Case comments entered"
    )
    assert ok is False
    assert summarise(slip).concerns >= 1


@pytest.mark.parametrize(
    ("kind", "said"), [("good_cause", "Good cause"), ("deferral", "A deferral")]
)
def test_good_cause_or_a_deferral_keeps_the_case_with_its_ec(slip, kind, said):
    slip["closed_files"]["good_cause_deferral"] = kind
    assert answers(slip)["Good cause or a deferral?"] == (
        f"{said}: the case stays with the EC of record",
        False,
    )


def test_the_bank_follows_the_sending_ecs_office(slip):
    slip["from_ec"]["office"] = "eastmont"
    assert answers(slip)["Right closed files bank?"] == (
        "Yes: bank V999, the Eastmont office's",
        True,
    )


def test_an_unknown_office_has_no_bank_and_says_why(slip):
    slip["from_ec"]["office"] = "atlantis"
    said, ok = answers(slip)["Right closed files bank?"]
    # The rule's own message, whatever its words: the office it does not know is named.
    assert said.startswith("No: ")
    assert "'atlantis'" in said
    assert ok is False


def test_a_transfer_names_the_receiving_ec_and_has_no_closing_questions(slip):
    transfer = copy.deepcopy(slip) | {
        "action": "transfer",
        "closed_files": None,
        "to_ec": {
            "name": "Dana Okafor",
            "worker_number": "W4410",
            "unit": "Unit 9",
            "office": "eastmont",
        },
    }
    summary = summarise(transfer)
    assert summary.action == "Transfer to another EC or unit"
    assert answers(transfer)["Receiving EC"] == ("Dana Okafor (W4410), Unit 9, Eastmont", None)
    assert "Closing checklist complete?" not in answers(transfer)
    assert summary.concerns == 0


def test_a_problem_no_question_covers_is_still_said(slip):
    slip["slip_date"] = "2099-01-01"
    assert "The slip is dated in the future." in summarise(slip).other_problems
