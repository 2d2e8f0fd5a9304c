"""The AOR inbox table and the approvals summary as pages: filters, sorts, pages, counts, words."""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any

import pytest

from service.aor.inbox_query import PAGE_SIZE
from tests.conftest import ACCOUNTS
from tests.referrals import refer

CASE = "A1B2C3D"


def text_of(answer) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", answer.text)).split())


def hrefs(answer, label: str) -> list[str]:
    """The addresses of the links whose text starts with ``label``."""
    found = re.findall(r'<a href="([^"]+)"[^>]*>\s*' + re.escape(label), answer.text)
    return [html.unescape(href) for href in found]


@pytest.fixture
def readings(app):
    """``readings(n, **facts)``: n readings of the EC's case, each its own person's report."""
    from service import cases
    from service.auth import accounts
    from service.extensions import db
    from service.models.aor import AorUpload

    def put(count: int, first: int = 0, **facts: Any) -> None:
        with app.app_context():
            ec = accounts.get_user(db.session, ACCOUNTS["ec"]["username"])
            cases.put_assignment(db.session, facts.get("case", CASE), ec, accounts.now())
            for n in range(first, first + count):
                reading = {
                    "participant_name": f"Person {n:02d}",
                    "case_number": facts.get("case", CASE),
                    "activity": "JS",
                    "report_month": facts.get("month", "2025-09"),
                    "provider": facts.get("provider", "Coastline Careers"),
                    "reviewed": facts.get("reviewed"),
                    "findings": facts.get("findings", []),
                    "on_time": facts.get("on_time", True),
                    "due_date": "2025-10-07",
                    "submitted_date": "2025-10-08"
                    if facts.get("on_time") is False
                    else "2025-10-06",
                    "totals": {"attended": 20, "excused": 0, "unexcused": 0},
                }
                db.session.add(
                    AorUpload(
                        sha256=f"{n:064d}",
                        filename="aor.pdf",
                        size=1,
                        uploaded_at=dt.datetime(2025, 10, 9, tzinfo=dt.UTC),
                        case_number=reading["case_number"],
                        report_month=reading["report_month"],
                        provider=reading["provider"],
                        organisation="Coastline",
                        status=facts.get("status", "read"),
                        reading=reading,
                    )
                )
            db.session.commit()

    return put


def test_the_inbox_is_a_table_whose_headings_say_how_it_is_sorted(page_client, readings):
    readings(2)
    answer = page_client("ec").get("/inbox?sort=case&order=asc")
    assert '<table class="inbox-table stack">' in answer.text
    assert re.search(r'<th scope="col" aria-sort="ascending"><a [^>]*>Case', answer.text)
    assert re.search(r'<th scope="col" aria-sort="none"><a [^>]*>Month', answer.text)
    assert answer.text.count('<th scope="row" data-label="Participant">') == 2
    # The Case heading turns the order round; the others sort by themselves, on page 1.
    assert hrefs(answer, "Case") == ["/inbox?sort=case&order=desc"]
    assert hrefs(answer, "Provider") == ["/inbox?sort=provider"]


def test_filtering_keeps_the_sort_and_each_link_keeps_the_filters(page_client, readings):
    readings(2, provider="Coastline Careers")
    readings(1, first=10, provider="Equus Works")
    answer = page_client("ec").get("/inbox?provider=equus&sort=participant&order=desc")
    shown = text_of(answer)
    assert "1 reading matches the filters." in shown
    assert "Person 10" in shown and "Person 00" not in shown
    assert hrefs(answer, "Reviewed (0)") == [
        "/inbox?provider=equus&state=reviewed&sort=participant&order=desc"
    ]
    assert hrefs(answer, "Month") == ["/inbox?provider=equus"]
    assert 'name="sort" value="participant"' in answer.text
    assert 'name="order" value="desc"' in answer.text


def test_the_pages_link_to_each_other_with_the_filters_kept(page_client, readings):
    readings(PAGE_SIZE + 2)
    ec = page_client("ec")
    first = ec.get("/inbox?case=a1b&sort=participant")
    assert f"{PAGE_SIZE + 2} readings match the filters; page 1 of 2." in text_of(first)
    assert first.text.count('data-label="Participant"') == PAGE_SIZE
    assert hrefs(first, "Next page") == ["/inbox?case=A1B&sort=participant&page=2"]
    second = ec.get(hrefs(first, "Next page")[0])
    assert "Person 25" in text_of(second) and "Person 26" in text_of(second)
    assert "Person 00" not in text_of(second)
    assert hrefs(second, "Previous page") == ["/inbox?case=A1B&sort=participant"]


def test_the_navigation_counts_what_waits_in_each_state_in_words(page_client, readings):
    readings(1)
    readings(2, first=5, status="needs_review")
    readings(3, first=10, reviewed={"by": "Ana Rivera", "at": "2025-10-09T10:00:00"})
    ec = page_client("ec")
    for url in ("/inbox", "/forms"):
        said = '>AOR inbox<span class="nav-count">: 1 needs action, 2 need review</span></a>'
        assert said in ec.get(url).text
    shown = text_of(ec.get("/inbox"))
    assert "All (6) Needs action (1) Needs review (2) Reviewed (3)" in shown
    assert "nav-count" not in page_client("clerical").get("/routing").text


def test_a_single_reading_and_a_single_finding_are_counted_in_the_singular(page_client, readings):
    one = [{"code": "duplicate_date", "message": "Two rows for 09/03/2025"}]
    readings(1, findings=one)
    shown = text_of(page_client("ec").get("/inbox"))
    assert "1 reading." in shown
    assert "1 finding to check with the provider" in shown
    readings(1, first=1, findings=one * 2)
    shown = text_of(page_client("ec").get("/inbox"))
    assert "2 readings." in shown
    assert "2 findings to check with the provider" in shown


def test_a_marked_reading_never_says_no_findings(app, page_client, ec_aor):
    refer(app, "QU7PX4E", "coastline")  # sent by the provider the case is referred to
    aor = ec_aor("aor-101-000-grid")  # late, with unexcused hours: marked, with no findings
    assert aor["findings"] == []
    ec = page_client("ec")
    listed = text_of(ec.get("/inbox"))
    assert "Late: submitted 10/08/2025, due 10/07/2025 (1 day late)" in listed
    assert "no findings" not in listed.lower()
    detail = text_of(ec.get(f"/inbox/{aor['id']}"))
    assert "Late: submitted 10/08/2025" in detail
    assert "no findings" not in detail.lower()
    assert "what is marked above still needs action" in detail


def test_a_clean_reading_says_it_has_no_findings(page_client, readings):
    readings(1)
    assert "no findings, no participation shortfall" in text_of(page_client("ec").get("/inbox"))


def test_the_approvals_page_shows_the_decision_not_the_raw_rows(app, page_client, example):
    from service.auth import accounts
    from service.extensions import db
    from service.slips import workflow as slips

    payload = example("50-20e") | {"supervisor": None, "clerical": None}
    payload["closed_files"]["checklist"]["case_comments_entered"] = False
    with app.app_context():
        ec = accounts.get_user(db.session, ACCOUNTS["ec"]["username"])
        slip_id = slips.create_slip(db.session, ec, payload)[0].id
    answer = page_client("supervisor").get("/approvals")
    shown = text_of(answer)
    assert f"What to decide on for slip {slip_id}: 1 concern" in shown
    assert "Discontinued more than 30 days? ✓ Yes: discontinued 09/30/2026" in shown
    assert "Closing checklist complete? ⚠ No: not checked: Case comments entered" in shown
    assert "Good cause or a deferral? ✓ Neither" in shown
    assert "Right closed files bank? ✓ Yes: bank P999, the Hayward office's" in shown
    assert f'href="/api/v1/slips/{slip_id}/document?format=pdf"' in answer.text
    # Everything the EC typed is still there, folded away.
    assert f"<summary>Everything the EC entered on slip {slip_id}</summary>" in answer.text
    assert f'action="/approvals/{slip_id}/approve"' in answer.text
    assert f'action="/approvals/{slip_id}/send-back"' in answer.text
