"""Participation and federal countable hours over HTTP: the API, the inbox, the CSV; the
excused-hour caps per person across activities, providers and the 12-month period."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import re

import pytest

from parsers.pdf_fields import fill_fields
from tests.conftest import PROVIDER
from tests.referrals import assign, refer

EQUUS = "Equus Workforce Services"
MARCH_EXCUSED = {2: "FAM", 3: "FAM", 9: "TRN", 10: "OTH", 16: "FAM", 17: "OTH"}


def send(client, data: bytes):
    answer = client.post(
        "/api/v1/aors",
        data={"file": (io.BytesIO(data), "aor.pdf")},
        content_type="multipart/form-data",
    )
    assert answer.status_code == 201, answer.json
    return answer.json


def filled(blank: bytes, month: str, rows: list[tuple], **values: str) -> bytes:
    """An AOR for ``month`` (MM/YYYY); rows as (day, scheduled, attended, excused, code)."""
    number, year = (int(part) for part in month.split("/"))
    after = dt.date(year, number, 28) + dt.timedelta(days=6)
    fields = {
        "participant_name": "Ortiz, Ana", "cin": "91234567A", "activity": "JSR",
        "provider": PROVIDER, "report_month": month, "report_type": "Monthly",
        "assigned_hours_week": "20", "activity_start": "01/05/2026", "prep_name": "Jordan Lee",
        "outcome": "Continuing", "employed": "No",
        "prep_date": f"{after.month:02d}/02/{after.year}", **values,
    }  # fmt: skip
    for n, (day, sched, att, exc, code) in enumerate(rows, 1):
        cells = {"date": f"{number:02d}/{day:02d}/{year}", "sched": sched, "att": att}
        cells |= {"exc": exc, "code": code}
        fields |= {f"r{n:02d}_{key}": value for key, value in cells.items()}
    return fill_fields(blank, fields)


def march_all_excused(blank: bytes) -> bytes:
    """March 2026: 4 h each open weekday (not Cesar Chavez Day, 03/31); six days excused for
    family, transport or other reasons: 24 excused hours, 8 over the 16-hour month cap."""
    rows = []
    for day in range(1, 31):
        if dt.date(2026, 3, day).weekday() < 5:
            code = MARCH_EXCUSED.get(day, "")
            rows.append((day, "4", "0" if code else "4", "4" if code else "", code))
    return filled(blank, "03/2026", rows)


def excused_days(blank: bytes, month: int, days: tuple[int, ...], hours: str = "8", **values):
    rows = [(day, hours, "", hours, "ILL") for day in days]
    return filled(blank, f"{month:02d}/2026", rows, **values)


def text_of(answer) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", answer.text)).split())


@pytest.fixture
def coastline(client_as):
    return client_as("contractor")


@pytest.fixture
def ec(client_as):
    return client_as("ec")


def test_a_case_whose_absences_are_all_excused_shows_no_shortfall_anywhere(
    app, coastline, ec, page_client
):
    refer(app, "EXCUSED1", "coastline")
    blank = coastline.get("/api/v1/aors/blank?case_number=EXCUSED1").data
    aor = send(coastline, march_all_excused(blank))
    assign(app, "EXCUSED1")
    reading = ec.get(f"/api/v1/aors/{aor['id']}").json
    assert reading["participation"]["short_by"] == 0
    assert (reading["participation"]["excused"], reading["participation"]["unexcused"]) == (24, 0)
    assert (reading["countable"]["total"], reading["countable"]["not_countable"]) == (76, 8)
    pages = page_client("ec")
    for shown in (text_of(pages.get("/inbox")), text_of(pages.get(f"/inbox/{aor['id']}"))):
        assert not re.search(r"Short (by|of)|below the required|\bh missed|weeks? short", shown)
    assert "no participation shortfall" in text_of(pages.get("/inbox"))
    detail = text_of(pages.get(f"/inbox/{aor['id']}"))
    assert "8 excused h are not countable (8 over the 16 h a month" in detail
    assert "still excused, not missed" in detail
    assert "aor-attention" not in pages.get("/inbox").text
    [line] = csv.DictReader(io.StringIO(ec.get("/api/v1/aors/export.csv").text))
    assert (line["short_by_unexcused"], line["required_hours"]) == ("0", "84")
    assert (line["countable_hours"], line["not_countable"]) == ("76", "8")


def test_both_parents_aors_for_one_month_are_both_current_with_caps_of_their_own(
    app, coastline, ec
):
    blank = coastline.get("/api/v1/aors/blank?case_number=TWOPAR02").data
    first = send(coastline, excused_days(blank, 2, (2, 3), participant_name="Parent One"))
    second = send(
        coastline,
        excused_days(blank, 2, (2, 3), participant_name="Parent Two", cin="22222222B"),
    )
    assign(app, "TWOPAR02")
    for aor in (first, second):
        reading = ec.get(f"/api/v1/aors/{aor['id']}").json
        assert reading["current"] is True
        assert reading["countable"]["excused"] == 16


def test_two_parents_read_without_a_cin_keep_caps_of_their_own(app, coastline, ec):
    blank = coastline.get("/api/v1/aors/blank?case_number=TWOPAR03").data
    one = send(coastline, excused_days(blank, 2, (2, 3), cin="", participant_name="Parent One"))
    two = send(coastline, excused_days(blank, 2, (2, 3), cin="", participant_name="Parent Two"))
    again = send(coastline, excused_days(blank, 3, (2,), cin="", participant_name="parent  one"))
    assign(app, "TWOPAR03")
    assert ec.get(f"/api/v1/aors/{one['id']}").json["current"] is True
    assert ec.get(f"/api/v1/aors/{two['id']}").json["countable"]["excused"] == 16
    # The same parent's next month: their 80 hours, not the case's, are what is left.
    assert ec.get(f"/api/v1/aors/{again['id']}").json["countable"]["drawn_before"] == {
        "month_hours": 0, "year_hours": 16, "holidays": 0}  # fmt: skip


def test_a_concurrent_activitys_aor_replaces_nothing_and_shares_the_persons_month_cap(
    app, coastline, client_for, ec
):
    refer(app, "CONCUR01", "coastline")
    refer(app, "CONCUR01", "equus")
    equus = client_for("equus.sam", "contractor", provider=EQUUS)
    blank = coastline.get("/api/v1/aors/blank?case_number=CONCUR01").data
    job_search = send(coastline, excused_days(blank, 2, (2,), hours="6"))
    training = send(coastline, excused_days(blank, 2, (3,), activity="VOC"))
    elsewhere = send(equus, excused_days(blank, 2, (4,), provider=EQUUS, activity="CS"))
    assign(app, "CONCUR01")
    counted = [ec.get(f"/api/v1/aors/{a['id']}").json for a in (job_search, training, elsewhere)]
    assert [reading["current"] for reading in counted] == [True, True, True]
    # In upload order, across activities and providers: 6 + 8 + 2 make the month's 16 hours.
    assert [reading["countable"]["excused"] for reading in counted] == [6, 8, 2]
    assert counted[2]["countable"]["not_countable_by_reason"] == {"over_caps": 6}


def test_the_twelve_month_period_is_the_report_month_and_the_eleven_before_it(app, coastline, ec):
    blank = coastline.get("/api/v1/aors/blank?case_number=WINDOW01").data
    for month in range(1, 6):  # January to May 2026: 80 excused hours
        send(coastline, excused_days(blank, month, (2, 3)))
    december = send(coastline, excused_days(blank, 12, (1, 2)))
    assign(app, "WINDOW01")
    # December's period runs from January: the 80 hours are used.
    assert ec.get(f"/api/v1/aors/{december['id']}").json["countable"]["excused"] == 0
    year_on = filled(blank, "01/2027", [(4, "8", "", "8", "ILL"), (5, "8", "", "8", "ILL")])
    january = send(coastline, year_on)
    # January 2027's period starts in February 2026: January 2026's 16 hours are out of it.
    assert ec.get(f"/api/v1/aors/{january['id']}").json["countable"]["excused"] == 16


# Orange County's designated holidays in 2026 (service/counties/orange.toml), by month.
HOLIDAYS_2026 = {1: (1, 19), 2: (16,), 3: (31,), 5: (25,), 7: (3,), 9: (7,), 11: (11, 26, 27)}


def test_only_ten_designated_holidays_count_in_the_twelve_month_period(app, coastline, ec):
    blank = coastline.get("/api/v1/aors/blank?case_number=CAPS0002").data
    for month, days in HOLIDAYS_2026.items():  # ten holidays, January to November
        rows = [(day, "8", "", "8", "HOL") for day in days]
        send(coastline, filled(blank, f"{month:02d}/2026", rows))
    christmas = send(coastline, filled(blank, "12/2026", [(25, "8", "", "8", "HOL")]))
    assign(app, "CAPS0002")
    counted = ec.get(f"/api/v1/aors/{christmas['id']}").json["countable"]
    assert (counted["drawn_before"]["holidays"], counted["holidays"]) == (10, 0)
    assert counted["not_countable_by_reason"] == {"over_caps": 8}


def test_a_correction_to_an_earlier_aor_gives_the_later_ones_of_the_month_what_it_frees(
    app, coastline, ec
):
    blank = coastline.get("/api/v1/aors/blank?case_number=ORDER001").data
    first = send(coastline, excused_days(blank, 2, (2,)))
    later = send(coastline, excused_days(blank, 2, (3, 4), activity="VOC"))
    march = send(coastline, excused_days(blank, 3, (2,)))
    assign(app, "ORDER001")
    assert ec.get(f"/api/v1/aors/{later['id']}").json["countable"]["excused"] == 8
    # The first report's 8 excused hours were 4 attended and 4 excused.
    body = {"rows": [{"date": "2026-02-02", "attended": 4, "excused": 4}]}
    assert ec.patch(f"/api/v1/aors/{first['id']}", json=body).status_code == 200
    assert ec.get(f"/api/v1/aors/{later['id']}").json["countable"]["excused"] == 12
    drawn = ec.get(f"/api/v1/aors/{march['id']}").json["countable"]["drawn_before"]
    assert drawn["year_hours"] == 16


def test_a_report_for_an_earlier_month_sent_late_draws_before_the_later_months(app, coastline, ec):
    blank = coastline.get("/api/v1/aors/blank?case_number=ORDER002").data
    for month in (2, 3, 4, 6):  # 64 excused hours
        send(coastline, excused_days(blank, month, (2, 3)))
    july = send(coastline, excused_days(blank, 7, (1, 2)))
    assign(app, "ORDER002")
    assert ec.get(f"/api/v1/aors/{july['id']}").json["countable"]["excused"] == 16
    may = send(coastline, excused_days(blank, 5, (4, 5)))  # May's report arrives after July's
    assert ec.get(f"/api/v1/aors/{may['id']}").json["countable"]["excused"] == 16
    # May draws first: July's period (August 2025 to July 2026) had its 80 hours by June.
    assert ec.get(f"/api/v1/aors/{july['id']}").json["countable"]["excused"] == 0
