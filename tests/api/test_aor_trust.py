"""AORs between provider organisations: who replaces whose report, who may send for a case,
which duplicates and excused-hour history a provider can see, and case numbers in any case."""

from __future__ import annotations

import io

import pytest

from parsers.pdf_fields import fill_fields
from tests import aor_files
from tests.conftest import PROVIDER
from tests.referrals import assign, refer

GRID = "aor-101-000-grid"  # Coastline's report: case QU7PX4E, CIN 44257992D, JSR, 2025-09
FILLABLE = "aor-101-001-fillable"  # Equus's report: case FTKS5P3H, CIN 80382435F, JSR, 2026-01
EQUUS = "Equus Workforce Services"


def send(client, data: bytes, name: str = "aor.pdf"):
    return client.post(
        "/api/v1/aors",
        data={"file": (io.BytesIO(data), name)},
        content_type="multipart/form-data",
    )


def codes(reading: dict) -> list[str]:
    return [finding["code"] for finding in reading["findings"]]


@pytest.fixture
def coastline(client_as):
    return client_as("contractor")


@pytest.fixture
def equus(client_for):
    return client_for("equus.sam", "contractor", provider=EQUUS)


def test_a_contractor_cannot_replace_another_organisations_aor(
    app, coastline, equus, client_as, sample_pdf
):
    theirs = send(coastline, sample_pdf(GRID)).json
    # Equus sends the same report with other hours, still printed with Coastline's name.
    forged = send(equus, sample_pdf(GRID) + b"\n% forged\n")
    assert forged.status_code == 201
    assert "provider_mismatch" in codes(forged.json)
    assert coastline.get(f"/api/v1/aors/{theirs['id']}").json["current"] is True
    assert [a["id"] for a in coastline.get("/api/v1/aors").json] == [theirs["id"]]
    assign(app, theirs["case_number"])
    ec = client_as("ec")
    assert {a["id"] for a in ec.get("/api/v1/aors").json} == {theirs["id"], forged.json["id"]}


def test_a_forged_provider_name_is_a_needs_action_finding_the_ec_sees(
    app, coastline, equus, page_client, sample_pdf
):
    forged = send(equus, sample_pdf(GRID)).json
    assign(app, forged["case_number"])
    page = page_client("ec").get(f"/inbox/{forged['id']}").text
    assert "Needs action: the AOR names" in page
    assert f"but was uploaded by {EQUUS}" in page


def test_a_mismatched_upload_replaces_nothing_even_of_its_own_organisation(coastline, sample_pdf):
    first = send(coastline, sample_pdf(GRID)).json
    same_report = {
        "case_number": "QU7PX4E", "cin": "44257992D", "participant_name": "D'Angelo, Ana-Lucía",
        "activity": "JSR", "report_month": "09/2025",
    }  # fmt: skip
    # The same person, activity and month, but naming Equus: it may be Equus's report.
    send(coastline, aor_files.with_fields(sample_pdf(FILLABLE), same_report))
    assert coastline.get(f"/api/v1/aors/{first['id']}").json["current"] is True


def test_two_providers_reports_on_one_person_and_month_are_both_current(
    coastline, equus, sample_pdf
):
    equus_report = send(equus, sample_pdf(FILLABLE)).json
    ours = aor_files.with_fields(sample_pdf(FILLABLE), {"provider": PROVIDER, "r01_att": "1"})
    coastline_report = send(coastline, ours).json
    assert coastline_report["current"] is True
    assert equus.get(f"/api/v1/aors/{equus_report['id']}").json["current"] is True


@pytest.mark.parametrize(
    "other",
    [
        {"cin": "91234567A", "participant_name": "Nguyễn, Thị Lan"},  # the second parent
        {"activity": "VOC"},  # a concurrent activity
    ],
)
def test_another_persons_or_activitys_aor_does_not_replace_the_first(coastline, sample_pdf, other):
    first_data = aor_files.with_fields(sample_pdf(FILLABLE), {"provider": PROVIDER})
    first = send(coastline, first_data).json
    second = send(coastline, aor_files.with_fields(first_data, other)).json
    assert second["id"] != first["id"]
    listed = coastline.get("/api/v1/aors").json
    assert {a["id"] for a in listed} == {first["id"], second["id"]}


def test_a_correction_of_the_same_persons_report_matches_the_name_however_typed(
    coastline, sample_pdf
):
    # No CIN read: the person is the case number and the name.
    fields = {"provider": PROVIDER, "cin": ""}
    first = send(coastline, aor_files.with_fields(sample_pdf(FILLABLE), fields)).json
    retyped = fields | {"participant_name": "  nguyễn VĂN kim "}
    second = send(coastline, aor_files.with_fields(sample_pdf(FILLABLE), retyped)).json
    assert coastline.get(f"/api/v1/aors/{first['id']}").json["superseded_by"] == second["id"]


def test_a_contractor_may_not_upload_for_a_case_referred_only_to_others(app, coastline, sample_pdf):
    refer(app, "QU7PX4E", "equus")
    refused = send(coastline, sample_pdf(GRID))
    assert refused.status_code == 403
    assert "no referral for the case number" in refused.json["message"]
    assert coastline.get("/api/v1/aors?include_superseded=true").json == []


def test_an_upload_for_a_case_referred_to_the_uploader_is_not_flagged(app, coastline, sample_pdf):
    refer(app, "QU7PX4E", "equus")
    refer(app, "QU7PX4E", "coastline")
    answer = send(coastline, sample_pdf(GRID))
    assert answer.status_code == 201
    assert "unknown_case_for_provider" not in codes(answer.json)
    assert "provider_mismatch" not in codes(answer.json)


def test_an_upload_for_a_case_with_no_known_referral_is_kept_and_flagged(coastline, sample_pdf):
    answer = send(coastline, sample_pdf(GRID))
    assert answer.status_code == 201
    flagged = [f for f in answer.json["findings"] if f["code"] == "unknown_case_for_provider"]
    assert flagged
    assert "unknown case for this provider" in flagged[0]["message"]


def test_another_organisations_exact_file_is_a_new_upload_not_their_record(
    app, coastline, equus, sample_pdf
):
    theirs = send(equus, sample_pdf(FILLABLE))
    mine = send(coastline, sample_pdf(FILLABLE))
    assert mine.status_code == 201
    assert mine.json["id"] != theirs.json["id"]
    assert equus.get(f"/api/v1/aors/{theirs.json['id']}").json["current"] is True
    assert coastline.get(f"/api/v1/aors/{theirs.json['id']}").status_code == 404
    again = send(coastline, sample_pdf(FILLABLE))
    assert (again.status_code, again.json["id"]) == (200, mine.json["id"])


def excused_month(blank: bytes, month: int, cin: str, provider: str = PROVIDER) -> bytes:
    """A report for 2026-MM: two 8-hour days, both excused for illness (16 countable hours)."""
    values = {
        "participant_name": f"Parent {cin}", "cin": cin, "activity": "JSR",
        "provider": provider, "report_month": f"{month:02d}/2026", "report_type": "Monthly",
        "assigned_hours_week": "20", "activity_start": "01/01/2026",
        "prep_name": "Jordan Lee", "prep_date": f"{month + 1:02d}/02/2026",
    }  # fmt: skip
    for n in (1, 2):
        row = f"r{n:02d}_"
        values |= {
            row + "date": f"{month:02d}/{n + 1:02d}/2026",
            row + "sched": "8",
            row + "exc": "8",
            row + "code": "ILL",
        }
    return fill_fields(blank, values)


def test_the_excused_hours_ledger_is_the_persons_not_the_cases(app, coastline, client_as):
    blank = coastline.get("/api/v1/aors/blank?case_number=TWOPAR01").data
    for month in range(1, 6):  # the first parent uses the 80 hours
        send(coastline, excused_month(blank, month, "11111111A"))
    second_parent = send(coastline, excused_month(blank, 6, "22222222B")).json
    assign(app, "TWOPAR01")
    counted = client_as("ec").get(f"/api/v1/aors/{second_parent['id']}").json
    assert counted["excused_countable"]["hours"] == 16


def test_a_provider_is_not_shown_what_the_ledger_drew_from_other_providers(
    app, coastline, equus, client_as
):
    blank = coastline.get("/api/v1/aors/blank?case_number=LEDGER01").data
    for month in range(1, 6):  # Equus's reports use the person's 80 hours
        send(equus, excused_month(blank, month, "33333333C", provider=EQUUS))
    ours = send(coastline, excused_month(blank, 6, "33333333C"))
    for shown in (
        ours.json,
        coastline.get(f"/api/v1/aors/{ours.json['id']}").json,
        *coastline.get("/api/v1/aors").json,
    ):
        assert "excused_countable" not in shown and "countable" not in shown
        assert all(set(week) <= {"start", "end", "attended", "excused", "assigned"}
                   for week in shown["weeks"])  # fmt: skip
    page = client_as("contractor").get("/aors/upload")
    assert "Equus" not in page.text
    assign(app, "LEDGER01")
    staff = client_as("ec").get(f"/api/v1/aors/{ours.json['id']}").json
    assert staff["excused_countable"]["hours"] == 0  # the caps are the person's


def test_an_aor_printed_with_a_lower_case_case_number_reaches_its_ec(
    app, coastline, client_as, sample_pdf
):
    lower = aor_files.with_fields(
        sample_pdf(FILLABLE), {"provider": PROVIDER, "case_number": " b1234567", "cin": "80382435f"}
    )
    stored = send(coastline, lower).json
    assert (stored["case_number"], stored["cin"]) == ("B1234567", "80382435F")
    assign(app, "B1234567")
    ec = client_as("ec")
    assert ec.get(f"/api/v1/aors/{stored['id']}").status_code == 200
    assert [a["id"] for a in ec.get("/api/v1/aors?case_number=b1234567").json] == [stored["id"]]
    assert [a["id"] for a in client_as("supervisor").get("/api/v1/aors").json] == [stored["id"]]


def test_an_aor_the_caller_may_not_see_answers_as_an_unknown_one(coastline, equus, sample_pdf):
    theirs = send(equus, sample_pdf(FILLABLE)).json
    for suffix in ("", "/file"):
        hidden = coastline.get(f"/api/v1/aors/{theirs['id']}{suffix}")
        unknown = coastline.get(f"/api/v1/aors/999{suffix}")
        assert hidden.status_code == unknown.status_code == 404
        assert hidden.json["message"] == f"no AOR with id {theirs['id']}"
        assert set(hidden.json) == set(unknown.json)
    # Originals are refused to the contractor's role before any record is looked up.
    hidden = coastline.get(f"/api/v1/aors/{theirs['id']}/original")
    unknown = coastline.get("/api/v1/aors/999/original")
    assert hidden.status_code == unknown.status_code == 403
    assert hidden.json == unknown.json


def test_a_supervisor_of_another_unit_gets_no_original_it_may_not_see(
    client_for, equus, sample_pdf
):
    theirs = send(equus, sample_pdf(FILLABLE)).json
    other = client_for("sup.other", "supervisor", unit="U99")
    hidden = other.get(f"/api/v1/aors/{theirs['id']}/original")
    assert hidden.status_code == other.get("/api/v1/aors/999/original").status_code == 404


def test_a_forged_upload_does_not_hide_the_genuine_report_in_the_inbox(
    app, coastline, equus, page_client, sample_pdf
):
    from service.aor.inbox import latest_readings
    from service.extensions import db
    from service.models.user import User

    genuine = send(coastline, sample_pdf(GRID)).json
    forged = send(equus, sample_pdf(GRID) + b"\n% forged\n").json
    assign(app, genuine["case_number"])
    with app.app_context():
        ec = db.session.query(User).filter_by(role="ec").first()
        shown = {entry["id"] for entry in latest_readings(db.session, ec)}
    assert shown == {genuine["id"], forged["id"]}
    page = page_client("ec").get("/inbox").text
    assert f"/inbox/{genuine['id']}" in page
