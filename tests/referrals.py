"""Test helpers for whose case an AOR is: referrals on record and case assignments."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tests.conftest import ACCOUNTS


def refer(app: Any, case_number: str, contractor_id: str) -> None:
    """Record an issued F063-41-251 referring ``case_number`` to ``contractor_id``."""
    from service.auth import accounts
    from service.extensions import db
    from service.models.document import GeneratedDocument

    with app.app_context():
        ec = accounts.get_user(db.session, ACCOUNTS["ec"]["username"])
        db.session.add(
            GeneratedDocument(
                user_id=ec.id,
                created_at=dt.datetime.now(dt.UTC),
                form_id="f063-41-251",
                case_number=case_number,
                input={"case_number": case_number, "contractor_id": contractor_id},
                sha256="0" * 64,
                filename="referral.docx",
                mimetype="application/octet-stream",
                size=0,
            )
        )
        db.session.commit()


def assign(app: Any, case_number: str) -> None:
    """Give ``case_number`` to the EC of unit U17 (whose supervisor is sup.chen)."""
    from service import cases
    from service.auth import accounts
    from service.extensions import db

    with app.app_context():
        ec = accounts.get_user(db.session, ACCOUNTS["ec"]["username"])
        cases.put_assignment(db.session, case_number, ec, accounts.now())
        db.session.commit()
