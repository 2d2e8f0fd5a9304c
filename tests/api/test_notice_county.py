"""The 42-6 filled in from an AOR opens without errors, asking for the EST of record; and a
county's form is never offered for a case another county serves."""

from __future__ import annotations

import re

import pytest

LATE = "aor-101-000-grid"  # 1.75 unexcused hours; case QU7PX4E


@pytest.fixture
def ec(page_client):
    return page_client("ec")


def put_unit_in(app, unit_code: str, county: str) -> None:
    """Keep ``unit_code`` in the list, in the first office of ``county``."""
    from sqlalchemy import select

    from service import units
    from service.extensions import db
    from service.models.unit import Office

    with app.app_context():
        office = db.session.scalars(select(Office).where(Office.county == county)).first()
        assert office is not None, f"no {county} office in the county settings"
        units.add_unit(db.session, units.UnitFacts(code=unit_code, name="", office_id=office.id))
        db.session.commit()


def field_tag(page: str, name: str) -> str:
    found = re.search(rf'<input[^>]*name="{re.escape(name)}"[^>]*>', page)
    assert found, f"no input {name}"
    return found.group(0)


def test_the_prefilled_42_6_opens_with_no_error_and_asks_for_the_est(ec, ec_aor):
    aor = ec_aor(LATE)
    page = ec.get(f"/inbox/{aor['id']}/notice").text
    assert 'class="error-summary"' not in page
    assert "field-error" not in page
    est = field_tag(page, "est.name")
    assert 'value=""' in est and " required" in est
    assert 'for="f-est-name"' in page
    label = re.search(r'<label for="f-est-name"[^>]*>(.*?)</label>', page, re.S)
    assert label and "(required)" in label.group(1)


def test_an_orange_county_case_is_not_offered_the_alameda_42_6(app, ec, ec_aor):
    put_unit_in(app, "U17", "orange")
    aor = ec_aor(LATE)
    detail = ec.get(f"/inbox/{aor['id']}").text
    assert "Prepare 42-6 noncompliance notice" not in detail
    assert "The 42-6 is a form of Alameda County; this case is served in another county" in detail
    refused = ec.get(f"/inbox/{aor['id']}/notice")
    assert refused.status_code == 403
    assert "The 42-6 is a Alameda County form" not in refused.text
    assert "this case is served in Orange County" in refused.text


def test_an_alameda_county_case_is_offered_the_42_6(app, ec, ec_aor):
    put_unit_in(app, "U17", "alameda")
    aor = ec_aor(LATE)
    detail = ec.get(f"/inbox/{aor['id']}").text
    assert f'href="/inbox/{aor["id"]}/notice"' in detail
    assert ec.get(f"/inbox/{aor['id']}/notice").status_code == 200


def test_an_alameda_county_case_is_not_offered_an_orange_referral_again(app, ec):
    from tests.referrals import assign, refer

    put_unit_in(app, "U17", "alameda")
    refer(app, "QU7PX4E", "coastline")  # an Orange F063-41-251 on record for the case
    assign(app, "QU7PX4E")  # to the EC of unit U17, in an Alameda office
    assigned = ec.get("/documents").text
    assert "Start a new form from this" not in assigned
    assert "Another county" in assigned
    with app.app_context():
        from sqlalchemy import select

        from service.extensions import db
        from service.models.document import GeneratedDocument

        document_id = db.session.scalar(select(GeneratedDocument.id))
    refused = ec.get(f"/forms/f063-41-251?from_document={document_id}")
    assert refused.status_code == 403
    assert "this case is served in Alameda County" in refused.text


def test_a_case_whose_county_is_not_known_is_offered_the_form_again(app, ec):
    from tests.referrals import refer

    refer(app, "QU7PX4E", "coastline")
    assert "Start a new form from this" in ec.get("/documents").text
