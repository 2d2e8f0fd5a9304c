"""Staff correct an AOR's reading over the API: the corrected values drive the reading, and the
original and every change are kept."""

from __future__ import annotations

import pytest

from parsers.pdf_fields import fill_fields
from tests import aor_pdfs
from tests.aor_spec import CLEAN
from tests.conftest import ACCOUNTS
from tests.referrals import assign

GRID = "aor-101-000-grid"  # 1.75 unexcused hours on 09/23/2025, submitted a day late
FILLABLE = "aor-101-001-fillable"  # case FTKS5P3H; names another provider


@pytest.fixture
def ec(client_as):
    return client_as("ec")


def patch(client, aor_id: int, body: dict):
    return client.patch(f"/api/v1/aors/{aor_id}", json=body)


def test_an_ec_corrects_a_name_and_the_reading_keeps_who_when_and_the_original(app, ec, ec_aor):
    aor = ec_aor(GRID)
    answer = patch(ec, aor["id"], {"participant_name": "D'Angelo, Ana-Lucia"})
    assert answer.status_code == 200, answer.json
    assert answer.json["participant_name"] == "D'Angelo, Ana-Lucia"
    [change] = answer.json["corrections"]
    assert change["field"] == "participant_name"
    assert (change["old"], change["new"]) == ("D'Angelo, Ana-Lucía", "D'Angelo, Ana-Lucia")
    assert change["by"] == ACCOUNTS["ec"]["username"]
    assert change["at"]
    assert ec.get(f"/api/v1/aors/{aor['id']}").json["participant_name"] == "D'Angelo, Ana-Lucia"
    with app.app_context():
        from service.extensions import db
        from service.models.aor_correction import AorCorrection, AorOriginalReading

        kept = db.session.get(AorOriginalReading, aor["id"])
        assert kept.reading["participant_name"] == "D'Angelo, Ana-Lucía"
        rows = db.session.query(AorCorrection).filter_by(aor_id=aor["id"]).all()
        assert [(r.field, r.old_value, r.new_value) for r in rows] == [
            ("participant_name", "D'Angelo, Ana-Lucía", "D'Angelo, Ana-Lucia")
        ]


def test_a_corrected_row_drives_totals_weeks_and_the_42_6(ec, ec_aor, page_client):
    aor = ec_aor(GRID)
    body = {"rows": [{"date": "2025-09-23", "attended": 4, "unexcused": 3}]}
    answer = patch(ec, aor["id"], body).json
    assert answer["totals"]["unexcused"] == 3
    assert answer["totals"]["attended"] == 137
    week = next(w for w in answer["weeks"] if w["start"] == "2025-09-22")
    assert week["attended"] == 32
    # The rows no longer add up to the printed totals: that is the provider's to fix.
    mismatched = {f["field"] for f in answer["findings"] if f["code"] == "printed_total_mismatch"}
    assert mismatched == {"printed_totals.attended", "printed_totals.unexcused"}
    notice = page_client("ec").get(f"/inbox/{aor['id']}/notice")
    assert notice.status_code == 200
    assert "records 3 hours of unexcused absence" in notice.text


def test_an_unexcused_day_corrected_to_excused_leaves_nothing_to_notice(ec, ec_aor, page_client):
    aor = ec_aor(GRID)
    body = {"rows": [{"date": "2025-09-23", "excused": 1.75, "code": "APT", "unexcused": 0}]}
    answer = patch(ec, aor["id"], body).json
    assert answer["totals"]["unexcused"] == 0
    assert answer["excused_by_code"]["APT"] == 1.75
    assert page_client("ec").get(f"/inbox/{aor['id']}/notice").status_code == 409


def test_a_corrected_date_submitted_makes_a_late_report_on_time(ec, ec_aor):
    aor = ec_aor(GRID)
    assert aor["on_time"] is False
    answer = patch(ec, aor["id"], {"submitted_date": "2025-10-07"}).json
    assert (answer["submitted_date"], answer["on_time"]) == ("2025-10-07", True)


def test_a_row_is_added_by_a_new_date_and_removed_by_its_date(ec, ec_aor):
    aor = ec_aor(GRID)
    added = {"date": "2025-09-27", "scheduled": 3, "attended": 3, "note": "make-up"}
    answer = patch(ec, aor["id"], {"rows": [added, {"date": "2025-09-01", "remove": True}]}).json
    dates = [row["date"] for row in answer["rows"]]
    assert "2025-09-27" in dates and "2025-09-01" not in dates
    assert dates == sorted(dates)
    assert answer["totals"]["scheduled"] == 154 + 3 - 7
    # Removals go first, rows added last: each item names a row of the reading as it was.
    removed, added = answer["corrections"]
    assert (removed["field"], removed["new"], added["field"], added["old"]) == (
        "rows.2025-09-01",
        None,
        "rows.2025-09-27",
        None,
    )
    assert (removed["old"]["excused"], removed["old"]["code"]) == (7, "HOL")
    assert added["new"]["note"] == "make-up"


def test_a_row_named_by_its_number_gets_its_date_corrected(ec, ec_aor):
    aor = ec_aor(GRID)
    answer = patch(ec, aor["id"], {"rows": [{"row": 2, "date": "2025-09-30"}]}).json
    assert answer["rows"][1]["date"] == "2025-09-30"
    assert answer["corrections"][0]["field"] == "rows.2025-09-02.date"
    duplicate = {f["code"] for f in answer["findings"]}
    assert "duplicate_date" in duplicate  # 09/30 is on the report already


def test_row_numbers_name_the_rows_of_the_reading_as_it_was_before_the_correction(ec, ec_aor):
    aor = ec_aor(GRID)
    before = ec.get(f"/api/v1/aors/{aor['id']}").json["rows"]
    body = {"rows": [{"row": 1, "remove": True}, {"row": 5, "note": "bus late"}]}
    answer = patch(ec, aor["id"], body).json
    fifth = next(row for row in answer["rows"] if row["date"] == before[4]["date"])
    assert fifth["note"] == "bus late"
    assert before[0]["date"] not in [row["date"] for row in answer["rows"]]


def test_marking_a_reading_reviewed_is_kept_with_who_and_when(ec, ec_aor):
    aor = ec_aor(GRID)
    answer = patch(ec, aor["id"], {"reviewed": True}).json
    assert answer["reviewed"]["by"] == ACCOUNTS["ec"]["username"]
    assert answer["corrections"] == []
    assert ec.get(f"/api/v1/aors/{aor['id']}").json["reviewed"]["at"]
    assert patch(ec, aor["id"], {"reviewed": False}).json["reviewed"] is None


def test_the_units_supervisor_corrects_and_staff_who_may_not_see_it_get_404(
    ec_aor, client_as, client_for
):
    aor = ec_aor(GRID)
    supervisor = patch(client_as("supervisor"), aor["id"], {"cin": "44257992E"})
    assert supervisor.status_code == 200
    assert supervisor.json["cin"] == "44257992E"
    other_unit = client_for("sup.okafor", "supervisor", unit="U22")
    assert patch(other_unit, aor["id"], {"cin": "44257992F"}).status_code == 404
    other_ec = client_for("ec.okafor", "ec", unit="U17")
    assert patch(other_ec, aor["id"], {"cin": "44257992F"}).status_code == 404


def test_a_contractor_cannot_correct_even_their_own_upload(client_as, upload, sample_pdf):
    aor = upload(sample_pdf(GRID)).json
    refused = patch(client_as("contractor"), aor["id"], {"participant_name": "Someone Else"})
    assert refused.status_code == 403


def test_a_correction_to_a_replaced_aor_is_refused(ec, ec_aor, sample_pdf):
    first = ec_aor(GRID)
    second = ec_aor(GRID, data=sample_pdf(GRID) + b"\n% corrected\n")
    refused = patch(ec, first["id"], {"participant_name": "Another Name"})
    assert refused.status_code == 409
    assert f"replaced by AOR {second['id']}" in refused.json["message"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"cin": "4425799"}, "cin"),
        ({"report_month": "09/2025"}, "report_month"),
        ({"rows": [{"date": "2025-09-23", "attended": 25}]}, "rows.0.attended"),
        ({"rows": [{"date": "2025-09-23", "attended": "seven"}]}, "rows.0.attended"),
        ({"rows": [{"date": "2025-09-23", "code": "VAC"}]}, "rows.0.code"),
        ({"rows": [{"attended": 4}]}, "rows.0.date"),
        ({"rows": [{"date": "2025-09-23", "remove": True, "attended": 4}]}, "rows.0.remove"),
        ({"rows": [{"row": 99, "attended": 4}]}, "rows.0.row"),
        ({"rows": [{"date": "2025-09-28", "remove": True}]}, "rows.0.date"),
        ({"total_hours": 3}, "total_hours"),
        ({}, "_schema"),
    ],
)
def test_a_bad_correction_is_a_422_naming_the_field(ec, ec_aor, body, field):
    aor = ec_aor(GRID)
    answer = patch(ec, aor["id"], body)
    assert answer.status_code == 422, answer.json
    assert field in answer.json["errors"], answer.json
    assert ec.get(f"/api/v1/aors/{aor['id']}").json["corrections"] == []


def test_hours_may_be_given_as_the_aor_writes_them(ec, ec_aor):
    aor = ec_aor(GRID)
    answer = patch(ec, aor["id"], {"rows": [{"date": "2025-09-23", "attended": "5:15"}]})
    assert answer.status_code == 200
    assert answer.json["rows"][16]["attended"] == 5.25


def test_the_contractor_sees_what_was_corrected_and_when_but_not_who(ec, ec_aor, client_as):
    aor = ec_aor(GRID)
    patch(ec, aor["id"], {"submitted_date": "2025-10-07", "reviewed": True})
    shown = client_as("contractor").get(f"/api/v1/aors/{aor['id']}").json
    [change] = shown["corrections"]
    assert (change["field"], change["old"], change["new"]) == (
        "submitted_date",
        "2025-10-08",
        "2025-10-07",
    )
    assert change["at"] and "by" not in change
    assert shown["reviewed"] and "by" not in shown["reviewed"]
    assert shown["on_time"] is True


def test_the_audit_row_of_a_correction_names_the_aor(app, ec, ec_aor):
    aor = ec_aor(GRID)
    patch(ec, aor["id"], {"participant_name": "Another Name"})
    with app.app_context():
        from service.extensions import db
        from service.models.audit import AuditEvent

        row = db.session.query(AuditEvent).filter_by(action="aors.correct_aor").one()
        assert (row.record_type, row.record_id, row.status) == ("aor", str(aor["id"]), 200)


def test_a_corrected_case_number_moves_the_aor_to_that_cases_ec(app, ec, ec_aor):
    aor = ec_aor(GRID)
    answer = patch(ec, aor["id"], {"case_number": "b7654321"})
    assert answer.json["case_number"] == "B7654321"
    assert ec.get(f"/api/v1/aors/{aor['id']}").status_code == 404
    assign(app, "B7654321")
    assert ec.get(f"/api/v1/aors/{aor['id']}").json["case_number"] == "B7654321"


def test_correcting_a_cell_that_was_not_a_number_resolves_its_finding(app, ec, upload):
    aor = upload(aor_pdfs.pdf(CLEAN.with_row(0, att="four"))).json
    assign(app, aor["case_number"])
    assert ("not_a_number", "2026-02-02") in [(f["code"], f["date"]) for f in aor["findings"]]
    answer = patch(ec, aor["id"], {"rows": [{"date": "2026-02-02", "attended": 4}]}).json
    assert [f["code"] for f in answer["findings"]] == ["unknown_case_for_provider"]
    [change] = answer["corrections"]
    assert (change["old"], change["new"]) == ("four", 4)
    assert answer["totals"]["attended"] == 73


def test_the_excused_hour_caps_follow_a_corrected_cin(app, client_as, ec):
    contractor = client_as("contractor")
    blank = contractor.get("/api/v1/aors/blank?case_number=TWOPAR01").data
    for month in range(1, 7):  # the sixth month's excused hours are over the 80-hour cap
        answer = contractor.post(
            "/api/v1/aors",
            data={"file": (__import__("io").BytesIO(excused(blank, month)), f"m{month}.pdf")},
            content_type="multipart/form-data",
        )
    sixth = answer.json
    assign(app, "TWOPAR01")
    assert ec.get(f"/api/v1/aors/{sixth['id']}").json["excused_countable"]["hours"] == 0
    # The sixth report was the other parent's: their own 80 hours are untouched.
    corrected = patch(ec, sixth["id"], {"cin": "22222222B"}).json
    assert corrected["excused_countable"]["hours"] == 16


def excused(blank: bytes, month: int) -> bytes:
    """A report for 2026-MM: two 8-hour days excused for illness (16 countable hours)."""
    values = {
        "participant_name": "Parent One", "cin": "11111111A", "activity": "JSR",
        "provider": "Coastline Career Pathways, Inc.", "report_month": f"{month:02d}/2026",
        "report_type": "Monthly", "assigned_hours_week": "20", "activity_start": "01/01/2026",
        "prep_name": "Jordan Lee", "prep_date": f"{month + 1:02d}/02/2026",
    }  # fmt: skip
    for n in (1, 2):
        row = f"r{n:02d}_"
        values |= {row + "date": f"{month:02d}/{n + 1:02d}/2026", row + "sched": "8"}
        values |= {row + "exc": "8", row + "code": "ILL"}
    return fill_fields(blank, values)
