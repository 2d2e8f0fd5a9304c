"""What the upload page says of a batch of AORs, and of one that is not the sender's to send."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from service.aor.reading_state import READING
from service.aor.trust import PROVIDER_MISMATCH, UNKNOWN_CASE

# The words of each outcome, in the order the summary names them; the page's script counts
# the items' data-outcome with the same words (aor_upload.js).
OUTCOMES = ("read", "refused", "already received", "being read")
ALWAYS_SAID = 3  # "being read" is said only when a scan is in the batch


def outcome(error: str, reading: dict[str, Any] | None, created: bool, polled: bool) -> str:
    """One file's outcome: read, refused (not kept, or kept but unreadable), already received
    (the same file sent before), or being read (a scan, read in the background)."""
    if error or reading is None or reading.get("status") == "failed":
        return "refused"
    if reading.get("status") == READING:
        return "being read"
    if not created and not polled:
        return "already received"
    return "read"


def summary(outcomes: Iterable[str]) -> str:
    """ "3 read, 1 refused, 1 already received": every outcome counted, a scan's only if any."""
    counts = dict.fromkeys(OUTCOMES, 0)
    for one in outcomes:
        counts[one] += 1
    said = [f"{counts[name]} {name}" for name in OUTCOMES[:ALWAYS_SAID]]
    if counts["being read"]:
        said.append(f"{counts['being read']} being read")
    return ", ".join(said) + "."


def mismatches(
    findings: Sequence[dict[str, Any]],
    case_number: str | None,
    printed: str | None,
    sender: str | None,
) -> list[str]:
    """What the contractor is told when the AOR's provider or case is not their organisation's:
    the reading is kept for the county, and says how to put it right."""
    codes = {finding.get("code") for finding in findings}
    said = []
    if PROVIDER_MISMATCH in codes:
        named = f"names {printed} as the provider" if printed else "names no provider"
        said.append(
            f"This AOR {named}, not your organisation ({sender or 'none on your account'}). "
            "It is kept for the case manager to check and replaces no earlier AOR. If it is "
            "your report, correct the provider's name on the form and upload it again."
        )
    if UNKNOWN_CASE in codes:
        said.append(
            f"Your organisation has no referral on record for case {case_number or '(none read)'}. "
            "The AOR is kept and the case manager is asked to confirm that you serve this case; "
            "check the case number on the form."
        )
    return said
