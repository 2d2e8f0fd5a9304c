"""Whose AOR is it: the uploader's organisation against the printed provider and the referrals."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from service.aor.findings import Finding
from service.counties import get_county
from service.errors import DomainError
from service.models.aor import AorUpload
from service.models.document import GeneratedDocument

REFERRAL_FORM = "f063-41-251"
REFERRAL_COUNTY = "orange"
# Words that name a company's legal form, not which company it is.
LEGAL_SUFFIXES = {
    "inc", "incorporated", "llc", "llp", "lp", "ltd", "limited", "corp", "corporation",
    "co", "company", "pc", "plc", "pllc",
}  # fmt: skip
PROVIDER_MISMATCH = "provider_mismatch"
UNKNOWN_CASE = "unknown_case_for_provider"


class NoReferral(DomainError):
    """The service knows the case's referrals, and none is to the uploader's organisation."""

    status = 403

    def __init__(self) -> None:
        super().__init__(
            "your organisation has no referral for the case number on this AOR; check the "
            "case number, or ask the case manager for the referral (F063-41-251) first"
        )


def normalised_id(value: str | None) -> str | None:
    """A case number or CIN as stored and compared: no spaces around it, upper case."""
    text = (value or "").strip().upper()
    return text or None


def organisation_key(name: str | None) -> str:
    """A provider's name for comparing: case, accents' forms, punctuation and Inc/LLC ignored."""
    text = unicodedata.normalize("NFKC", name or "").casefold().replace("&", " and ")
    words = re.sub(r"[^\w\s]", " ", text).split()
    while words and words[-1] in LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words)


def person_name_key(name: str | None) -> str:
    text = unicodedata.normalize("NFKC", name or "").casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def same_organisation(first: str | None, second: str | None) -> bool:
    key = organisation_key(first)
    return bool(key) and key == organisation_key(second)


def provider_findings(printed: str | None, organisation: str | None) -> list[Finding]:
    """A finding when the provider printed on the AOR is not the organisation that sent it."""
    if same_organisation(printed, organisation):
        return []
    shown = f"'{printed}'" if printed else "no provider"
    sender = organisation or "an account with no organisation"
    message = (
        f"Needs action: the AOR names {shown} but was uploaded by {sender}; confirm with "
        "the provider named before using it (it does not replace any earlier AOR)"
    )
    return [Finding(PROVIDER_MISMATCH, message, field="provider")]


def referral_findings(
    session: Session, case_number: str | None, organisation: str | None
) -> list[Finding]:
    """Refuse an upload for a case referred only to others; flag one for a case not known."""
    referred = referred_organisations(session, case_number)
    if not referred:
        message = (
            "Needs action: unknown case for this provider; no referral of this case to "
            f"{organisation or 'the uploader'} is on record, confirm the provider serves it"
        )
        return [Finding(UNKNOWN_CASE, message, field="case_number")]
    if not any(same_organisation(name, organisation) for name in referred):
        raise NoReferral()
    return []


def referred_organisations(session: Session, case_number: str | None) -> set[str]:
    """The contractors the case was referred to on the F063-41-251s this service issued."""
    if not case_number:
        return set()
    inputs = session.scalars(
        select(GeneratedDocument.input).where(
            GeneratedDocument.form_id == REFERRAL_FORM,
            GeneratedDocument.case_number == case_number,
        )
    )
    county = get_county(REFERRAL_COUNTY)
    names = set()
    for payload in inputs:
        contractor_id = str((payload or {}).get("contractor_id", ""))
        contractor = county.contractor(contractor_id)
        # A referral to an id the county no longer lists still says the case is referred.
        names.add(contractor.name if contractor else f"contractor id {contractor_id}")
    return names


def trusted(reading: dict[str, Any]) -> bool:
    """Whether the sender is the provider printed on it: only such an upload replaces another."""
    return not any(f.get("code") == PROVIDER_MISMATCH for f in reading.get("findings") or [])


def same_report(record: AorUpload, other: AorUpload) -> bool:
    """One organisation's report on one person's activity in one month (corrected or not)."""
    mine, theirs = record.reading, other.reading
    if record.organisation != other.organisation or record.report_month != other.report_month:
        return False
    if normalised_id(mine.get("activity")) != normalised_id(theirs.get("activity")):
        return False
    if record.cin and other.cin:
        return record.cin == other.cin
    return bool(record.case_number) and (
        record.case_number == other.case_number
        and person_name_key(mine.get("participant_name"))
        == person_name_key(theirs.get("participant_name"))
    )


def report_stream(record: AorUpload) -> tuple[str | None, ...]:
    """Whose reports these are, month after month: one organisation, person and activity."""
    reading = record.reading
    person = (
        record.cin or f"{record.case_number}/{person_name_key(reading.get('participant_name'))}"
    )
    activity = normalised_id(reading.get("activity"))
    return (record.case_number or f"#{record.id}", person, activity, record.organisation)


def earlier_reports(session: Session, record: AorUpload) -> Iterable[AorUpload]:
    """The current uploads ``record`` corrects: same organisation, person, activity and month."""
    if not record.report_month or not (record.cin or record.case_number):
        return []
    candidates = session.scalars(
        select(AorUpload).where(
            AorUpload.organisation == record.organisation,
            AorUpload.report_month == record.report_month,
            AorUpload.superseded_by_id.is_(None),
            AorUpload.id != record.id,
        )
    )
    return [old for old in candidates if same_report(record, old)]
