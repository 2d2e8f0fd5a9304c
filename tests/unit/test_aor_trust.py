"""The pure rules of AOR trust: names compared, ids normalised, download names."""

from __future__ import annotations

import pytest

from service.aor.trust import normalised_id, organisation_key, provider_findings, same_organisation
from service.api.files import named_as

PDF = "application/pdf"


@pytest.mark.parametrize(
    ("printed", "uploader"),
    [
        ("Coastline Career Pathways, Inc.", "Coastline Career Pathways"),
        ("COASTLINE CAREER PATHWAYS INC", "Coastline Career Pathways, Inc."),
        ("Orange County Workforce Partners & Co.", "Orange County Workforce Partners and Co"),
        ("Equus Workforce Services, LLC", "Equus Workforce Services Corp."),
    ],
)
def test_a_provider_name_matches_however_its_case_punctuation_and_legal_form_are_written(
    printed, uploader
):
    assert same_organisation(printed, uploader)
    assert provider_findings(printed, uploader) == []


@pytest.mark.parametrize(
    ("printed", "uploader"),
    [
        ("Coastline Career Pathways, Inc.", "Equus Workforce Services"),
        ("", "Equus Workforce Services"),
        ("Inc.", "LLC"),  # nothing but a legal form names no one
        ("Equus Workforce Services", None),
    ],
)
def test_another_or_no_provider_name_is_a_needs_action_finding(printed, uploader):
    assert not same_organisation(printed, uploader)
    (finding,) = provider_findings(printed, uploader)
    assert finding.code == "provider_mismatch"
    assert finding.message.startswith("Needs action:")


def test_legal_forms_are_ignored_only_at_the_end_of_a_name():
    assert organisation_key("Co-op Works Inc") == "co op works"


@pytest.mark.parametrize(
    ("value", "expected"), [(" b1234567 ", "B1234567"), ("91234567a", "91234567A"), ("  ", None)]
)
def test_case_numbers_and_cins_are_compared_stripped_and_upper_case(value, expected):
    assert normalised_id(value) == expected


@pytest.mark.parametrize(
    ("filename", "mimetype", "expected"),
    [
        ("September-AOR.html", PDF, "September-AOR.pdf"),
        ("September-AOR", PDF, "September-AOR.pdf"),
        ("report.PDF", PDF, "report.PDF"),
        (".html", PDF, "download.pdf"),
        ("readings.txt", "text/csv", "readings.csv"),
        ("notes.bin", "application/octet-stream", "notes.bin"),
    ],
)
def test_a_download_is_named_with_the_extension_of_what_it_is(filename, mimetype, expected):
    assert named_as(filename, mimetype) == expected
