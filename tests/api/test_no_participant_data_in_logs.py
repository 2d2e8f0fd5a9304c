"""The application's logs hold no participant data, whatever the API is asked to do."""

from __future__ import annotations

import logging

from service.forms import all_forms


def participant_strings(payload) -> set[str]:
    """Names and case numbers in a payload: every value under a key that names a person/case."""
    found: set[str] = set()

    def walk(node, key=""):
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, k)
        elif isinstance(node, list):
            for item in node:
                walk(item, key)
        elif isinstance(node, str) and key in {"name", "case_number", "case_name", "cin"}:
            found.add(node)

    walk(payload)
    return found


def test_the_whole_api_writes_no_names_or_case_numbers_to_the_logs(
    caplog, client, client_as, example, upload, sample_pdf
):
    caplog.set_level(logging.DEBUG)
    used: set[str] = set()
    for spec in all_forms():
        payload = example(spec.id)
        used |= participant_strings(payload)
        client.post(f"/api/v1/forms/{spec.id}/check", json=payload)
        client.post(f"/api/v1/forms/{spec.id}/render", json=payload)
        broken = {**payload, "case_number": "??"}
        client.post(f"/api/v1/forms/{spec.id}/render", json=broken)
    contractor = client_as("contractor")
    for name in ("aor-101-000-grid", "aor-101-001-fillable", "aor-101-002-docx"):
        aor = upload(sample_pdf(name)).json
        used |= {aor["participant_name"], aor["case_number"], aor["cin"]}
        contractor.get(f"/api/v1/aors/{aor['id']}")
        contractor.get(f"/api/v1/aors?case_number={aor['case_number']}")
        contractor.get(f"/api/v1/aors/blank?case_number={aor['case_number']}")
    contractor.get("/api/v1/aors/export.csv")
    upload(b"%PDF-1.7 broken", "Ortega-Reyes case B4C7Q21.pdf")
    client_as("clerical").get("/api/v1/forms/42-6/example")
    assert used
    logged = caplog.text
    leaked = sorted(s for s in used if s and s in logged)
    assert leaked == [], f"participant data in logs: {leaked}"
