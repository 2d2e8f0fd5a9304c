"""A two-parent case: both parents' plans and hours; one parent's hours from the other's plan."""

from __future__ import annotations

import pytest

CASE = "B9R4T62"


def activity(hours, kind="job_search"):
    return {
        "type": kind,
        "description": None,
        "provider": "Eden Area Career Pathways",
        "location": "24100 Amador Street, Hayward, CA 94544",
        "hours_per_week": hours,
        "days_and_times": "Mon-Fri 9:00 a.m. - 1:00 p.m.",
        "start_date": "2026-12-07",
        "end_date": "2027-02-26",
    }


@pytest.fixture
def parent_plan(example):
    """A two-parent plan for a parent of the example's case, with ``hours`` of activity."""

    def make(name, cin, hours, other=None):
        payload = example("wtw2")
        payload.update(plan_type="initial", amendment_reason=None, amends_plan_dated=None)
        payload["participant"] = {"name": name, "cin": cin, "phone": None}
        payload["household"] = {"two_parent_family": True, "other_parent": other}
        payload["activities"] = [activity(hours)]
        return payload

    return make


def test_a_parents_hours_are_taken_from_the_other_parents_stored_plan(client, parent_plan):
    other = {"name": "Rafael Alvarado", "cin": "93817264B", "hours_per_week": 20}
    mother = {"name": "Lucía M. Alvarado", "cin": "94718263K"}
    first = parent_plan("Lucía M. Alvarado", "94718263K", 15, other)
    assert client.post("/api/v1/forms/wtw2/render", json=first).status_code == 200
    second = parent_plan("Rafael Alvarado", "93817264B", 20, mother | {"hours_from": "plan"})
    answer = client.post("/api/v1/forms/wtw2/check", json=second)
    assert answer.status_code == 200, answer.json
    assert answer.json["computed"]["other_parent_hours"] == 15
    assert answer.json["computed"]["combined_hours"] == 35


def test_hours_from_a_plan_no_one_stored_are_refused_naming_the_field(client, parent_plan):
    mother = {"name": "Lucía M. Alvarado", "cin": "94718263K", "hours_from": "plan"}
    answer = client.post(
        "/api/v1/forms/wtw2/check", json=parent_plan("Rafael Alvarado", "93817264B", 20, mother)
    )
    assert answer.status_code == 422
    assert "household.other_parent.hours_from" in answer.json["errors"]


def test_the_case_shows_both_parents_plans_and_their_combined_hours(client, parent_plan):
    other = {"name": "Rafael Alvarado", "cin": "93817264B", "hours_per_week": 20}
    mother = {"name": "Lucía M. Alvarado", "cin": "94718263K", "hours_per_week": 15}
    for payload in (
        parent_plan("Lucía M. Alvarado", "94718263K", 15, other),
        parent_plan("Rafael Alvarado", "93817264B", 20, mother),
    ):
        assert client.post("/api/v1/forms/wtw2/render", json=payload).status_code == 200
    found = client.get(f"/api/v1/cases/{CASE.lower()}/plans").json
    assert [(p["participant"], p["hours_per_week"]) for p in found["plans"]] == [
        ("Rafael Alvarado", 20),
        ("Lucía M. Alvarado", 15),
    ]
    assert (found["combined_hours"], found["requirement_hours"]) == (35, 35)
    assert found["meets_requirement"] is True


def test_another_ecs_plans_are_not_shown(client, client_for, parent_plan):
    other = {"name": "Rafael Alvarado", "cin": "93817264B", "hours_per_week": 20}
    payload = parent_plan("Lucía M. Alvarado", "94718263K", 15, other)
    assert client.post("/api/v1/forms/wtw2/render", json=payload).status_code == 200
    stranger = client_for("ec.stranger", "ec", unit="U99")
    assert stranger.get(f"/api/v1/cases/{CASE}/plans").json["plans"] == []


def test_a_child_under_6_box_against_the_birth_dates_is_a_422_naming_the_field(client, example):
    payload = example("wtw2")
    payload["household"]["child_under_six"] = False
    answer = client.post("/api/v1/forms/wtw2/check", json=payload)
    assert answer.status_code == 422
    assert "Mateo Alvarado" in answer.json["errors"]["household.child_under_six"][0]


def test_the_case_page_shows_both_parents_hours_and_the_combined_hours(
    client, page_client, parent_plan
):
    other = {"name": "Rafael Alvarado", "cin": "93817264B", "hours_per_week": 20}
    mother = {"name": "Lucía M. Alvarado", "cin": "94718263K", "hours_per_week": 15}
    for payload in (
        parent_plan("Lucía M. Alvarado", "94718263K", 15, other),
        parent_plan("Rafael Alvarado", "93817264B", 20, mother),
    ):
        assert client.post("/api/v1/forms/wtw2/render", json=payload).status_code == 200
    page = page_client("ec").get(f"/cases/{CASE}")
    assert page.status_code == 200
    assert "Rafael Alvarado" in page.text and "Lucía M. Alvarado" in page.text
    assert "Combined hours per week: 35 of 35 required (met)." in " ".join(page.text.split())
