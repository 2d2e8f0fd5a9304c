"""Fixtures the API tests share: routing slips waiting in the clerical queue."""

from __future__ import annotations

from typing import Any

import pytest

SLIPS = "/api/v1/slips"
OKAFOR = {"name": "Chidi Okafor", "worker_number": "W5150", "unit": "U22", "office": "eastmont"}


def transfer_slip(example: Any, i: int) -> dict[str, Any]:
    """The ``i``-th fictional 50-20e transferring a case out of the unit, EC's part only."""
    payload = example("50-20e") | {"supervisor": None, "clerical": None}
    payload |= {"action": "transfer", "closed_files": None, "to_ec": dict(OKAFOR)}
    payload["case_name"] = f"Quintero-{i:03d}, Marisol"
    return payload


@pytest.fixture
def queued(client_as, example):
    """Make ``n`` transfer slips out of the unit, approved into the clerical queue; their ids."""
    ec, supervisor = client_as("ec"), client_as("supervisor")

    def make(n: int) -> list[int]:
        ids = []
        for i in range(n):
            response = ec.post(SLIPS, json=transfer_slip(example, i))
            assert response.status_code == 201, response.json
            ids.append(response.json["id"])
            assert supervisor.post(f"{SLIPS}/{ids[-1]}/approve").status_code == 200
        return ids

    return make
