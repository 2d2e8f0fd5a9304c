"""AOR intake over HTTP: upload, read back, list, export, supersede, refuse bad files."""

from __future__ import annotations

import csv
import io
import json

import pytest
from pypdf import PdfReader, PdfWriter

from parsers.aor import read_aor
from parsers.pdf_fields import fill_fields
from tests.conftest import PROVIDER, SAMPLES
from tests.referrals import assign

GRID = "aor-101-000-grid"


@pytest.fixture
def client(client_as):
    """The contractor who uploads, and who may read their organisation's uploads."""
    return client_as("contractor")


def stored_files(app) -> list:
    from pathlib import Path

    root = Path(app.config["DATA_DIR"]) / "aor"
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_an_upload_answers_201_with_the_reading_and_an_id(upload, sample_pdf):
    response = upload(sample_pdf(GRID), "september.pdf")
    assert response.status_code == 201, response.json
    body = response.json
    expected = json.loads((SAMPLES / f"{GRID}.json").read_text(encoding="utf-8"))
    assert isinstance(body["id"], int)
    assert body["case_number"] == expected["case_number"]
    assert body["totals"] == expected["totals"]
    assert body["filename"] == "september.pdf"
    assert body["current"] is True


def test_the_reading_a_safe_copy_and_the_original_can_be_fetched_again(
    app, client, client_as, upload, sample_pdf
):
    data = sample_pdf(GRID)
    aor = upload(data).json
    aor_id = aor["id"]
    assert client.get(f"/api/v1/aors/{aor_id}").json["id"] == aor_id
    copy = client.get(f"/api/v1/aors/{aor_id}/file")
    assert copy.status_code == 200
    assert copy.mimetype == "application/pdf"
    # The download is rewritten without active content; it still says the same.
    assert read_aor(copy.data) == read_aor(data)
    assign(app, aor["case_number"])
    original = client_as("supervisor").get(f"/api/v1/aors/{aor_id}/original")
    assert original.status_code == 200
    assert original.data == data


def test_the_same_file_uploaded_twice_is_one_record(app, client, upload, sample_pdf):
    first = upload(sample_pdf(GRID))
    second = upload(sample_pdf(GRID), "again.pdf")
    assert second.status_code == 200
    assert second.json["id"] == first.json["id"]
    assert len(client.get("/api/v1/aors").json) == 1
    assert len(stored_files(app)) == 2  # the original and its sanitised copy


def test_aors_are_listed_by_case_number_and_month(client, upload, sample_pdf):
    for name in ("aor-101-000-grid", "aor-101-001-fillable", "aor-101-002-docx"):
        assert upload(sample_pdf(name)).status_code == 201
    case = json.loads((SAMPLES / f"{GRID}.json").read_text())["case_number"]
    found = client.get(f"/api/v1/aors?case_number={case}").json
    assert [a["case_number"] for a in found] == [case]
    month = found[0]["report_month"]
    assert all(
        a["report_month"] == month for a in client.get(f"/api/v1/aors?report_month={month}").json
    )
    assert client.get("/api/v1/aors?report_month=2025-13").status_code == 422


def test_readings_export_as_csv_one_line_per_aor(client, upload, sample_pdf):
    upload(sample_pdf(GRID))
    upload(sample_pdf("aor-101-001-fillable"))
    response = client.get("/api/v1/aors/export.csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.data.decode())))
    assert len(rows) == 2
    assert {"case_number", "attended", "excused", "unexcused", "due_date", "on_time"} <= set(
        rows[0]
    )


def corrected_copy(data: bytes) -> bytes:
    """The same AOR saved again by another program: new bytes, same case and month."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.add_metadata({"/Producer": "a corrected save"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_corrected_aor_supersedes_the_earlier_one_which_is_kept(client, upload, sample_pdf):
    first = upload(sample_pdf(GRID)).json
    second = upload(corrected_copy(sample_pdf(GRID))).json
    assert second["id"] != first["id"]
    earlier = client.get(f"/api/v1/aors/{first['id']}").json
    assert earlier["current"] is False
    assert earlier["superseded_by"] == second["id"]
    listed = client.get("/api/v1/aors").json
    assert [a["id"] for a in listed] == [second["id"]]
    everything = client.get("/api/v1/aors?include_superseded=true").json
    assert {a["id"] for a in everything} == {first["id"], second["id"]}


def test_the_blank_aor_is_a_fillable_pdf_with_the_spec_field_names(client):
    response = client.get("/api/v1/aors/blank")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    fields = PdfReader(io.BytesIO(response.data)).get_fields() or {}
    for name in ("participant_name", "case_number", "r01_date", "r31_note", "tot_att", "prep_date"):
        assert name in fields


def test_the_blank_aor_can_carry_section_a(client):
    query = "participant_name=Nguyễn Văn Kim&case_number=FTKS5P3H&report_month=01/2026"
    response = client.get(f"/api/v1/aors/blank?{query}")
    fields = PdfReader(io.BytesIO(response.data)).get_fields() or {}
    assert fields["participant_name"]["/V"] == "Nguyễn Văn Kim"
    assert fields["case_number"]["/V"] == "FTKS5P3H"
    assert client.get("/api/v1/aors/blank?case_number=x").status_code == 422


def test_a_blank_aor_filled_in_by_a_pdf_editor_reads_back_exactly(client, upload):
    blank = client.get("/api/v1/aors/blank?case_number=FTKS5P3H").data
    values = {
        "participant_name": "Ortiz, Ana María",
        "cin": "91234567A",
        "activity": "EXPRT",
        "provider": PROVIDER,
        "report_month": "10/2026",
        "report_type": "Monthly",
        "assigned_hours_week": "20",
        "activity_start": "09/01/2026",
        "r01_date": "10/01/2026", "r01_sched": "4", "r01_att": "4",
        "r02_date": "10/02/2026", "r02_sched": "4", "r02_att": "2", "r02_exc": "2",
        "r02_code": "APT",
        "r03_date": "10/05/2026", "r03_sched": "4", "r03_att": "3:30", "r03_unx": ".5",
        "tot_sched": "12", "tot_att": "9.5", "tot_exc": "2", "tot_unx": "0.5",
        "outcome": "Continuing", "employed": "No",
        "prep_name": "Jordan Lee", "prep_date": "11/04/2026",
    }  # fmt: skip
    response = upload(fill_fields(blank, values))
    assert response.status_code == 201, response.json
    body = response.json
    assert body["participant_name"] == "Ortiz, Ana María"
    assert body["case_number"] == "FTKS5P3H"
    assert body["report_month"] == "2026-10"
    assert [r["date"] for r in body["rows"]] == ["2026-10-01", "2026-10-02", "2026-10-05"]
    assert body["rows"][2]["attended"] == 3.5
    assert body["totals"] == {"scheduled": 12, "attended": 9.5, "excused": 2, "unexcused": 0.5}
    # Nothing wrong with what it says; only that no referral of the case is on record.
    assert [f["code"] for f in body["findings"]] == ["unknown_case_for_provider"]
    assert body["on_time"] is True


@pytest.mark.parametrize(
    ("data", "status", "fragment"),
    [
        (b"", 422, "empty"),
        (b"hello, this is a text file", 422, "not a PDF"),
        (b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", 422, "PDF"),
    ],
)
def test_a_bad_file_is_refused_with_a_message_and_nothing_kept(
    app, client, upload, data, status, fragment
):
    response = upload(data)
    assert response.status_code == status
    assert fragment in response.json["message"]
    assert client.get("/api/v1/aors?include_superseded=true").json == []
    assert stored_files(app) == []


def test_a_file_over_the_size_limit_answers_413(app, upload):
    app.config["AOR_MAX_BYTES"] = 50_000
    response = upload(b"%PDF-1.7\n" + b"0" * 200_000)
    assert response.status_code == 413
    assert response.json["message"]
    assert stored_files(app) == []


def test_a_password_protected_pdf_is_refused(upload, sample_pdf):
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(sample_pdf(GRID))))
    writer.encrypt("secret")
    out = io.BytesIO()
    writer.write(out)
    response = upload(out.getvalue())
    assert response.status_code == 422
    assert "password" in response.json["message"]


def test_an_upload_without_the_file_field_is_a_clear_400(client):
    response = client.post("/api/v1/aors", data={"other": "x"}, content_type="multipart/form-data")
    assert response.status_code == 400
    assert "'file'" in response.json["message"]


def test_an_unknown_aor_answers_404(client):
    assert client.get("/api/v1/aors/999").status_code == 404
    assert client.get("/api/v1/aors/999/file").status_code == 404


def month_of_excused(blank: bytes, month: int, code: str, days: int, hours: str = "8") -> bytes:
    """A filled AOR for 2026-MM: ``days`` weekdays scheduled 8 h, all excused with ``code``."""
    values = {
        "participant_name": "Ortiz, Ana María", "cin": "91234567A", "activity": "EXPRT",
        "provider": PROVIDER, "report_month": f"{month:02d}/2026",
        "report_type": "Monthly", "assigned_hours_week": "20", "activity_start": "01/01/2026",
        "prep_name": "Jordan Lee", "prep_date": f"{month + 1:02d}/02/2026",
    }  # fmt: skip
    for n in range(1, days + 1):
        day = f"r{n:02d}_"
        values |= {
            day + "date": f"{month:02d}/{n + 1:02d}/2026",
            day + "sched": hours,
            day + "exc": hours,
            day + "code": code,
        }
    return fill_fields(blank, values)


@pytest.fixture
def counted(app, client_as, upload):
    """Upload an AOR; the excused hours counted, as the EC of its case reads them (the
    provider is not shown what the person's ledger drew from)."""
    ec = client_as("ec")

    def go(data: bytes) -> dict:
        aor = upload(data).json
        assign(app, aor["case_number"])
        return ec.get(f"/api/v1/aors/{aor['id']}").json["excused_countable"]

    return go


def test_excused_hours_stop_counting_at_80_over_the_preceding_12_months(client, counted):
    blank = client.get("/api/v1/aors/blank?case_number=CAPS0001").data
    for month in range(1, 6):  # five months of 16 countable hours each: 80
        assert counted(month_of_excused(blank, month, "ILL", 2))["hours"] == 16
    sixth = counted(month_of_excused(blank, 6, "ILL", 2))
    assert sixth["hours"] == 0
    assert sixth["not_counted"] == 16


def test_a_decompression_bomb_is_refused_without_harm_to_the_service(app, client, upload):
    from tests.hostile_pdfs import decompression_bomb

    app.config["AOR_READ_MEMORY_MB"] = 400
    response = upload(decompression_bomb(600))
    assert response.status_code == 422
    assert "memory" in response.json["message"] or "damaged" in response.json["message"]
    assert stored_files(app) == []
    assert client.get("/api/v1/health").status_code == 200


def test_a_page_tree_that_refers_to_itself_is_refused_not_looped_on(app, upload):
    from tests.hostile_pdfs import page_tree_loop

    response = upload(page_tree_loop())
    assert response.status_code == 422
    assert "damaged" in response.json["message"]
    assert stored_files(app) == []
