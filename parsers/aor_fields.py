"""Read an AOR from its live AcroForm fields, named as in the county's fillable version."""

from __future__ import annotations

from parsers.aor_labels import COLUMNS, LABELS, TOTAL_FIELDS, RawAor

_KNOWN = {key for key, _, _ in LABELS if key != "signature"}
# Fewer than this many of the fillable version's names: the fields belong to another form.
_MIN_KNOWN = 5


def raw_from_fields(values: dict[str, str], page_count: int) -> RawAor | None:
    """The AOR held in ``values``, or None when the fields are not the AOR's or are all empty.

    A form whose fields were flattened or never filled is read from its page text instead.
    """
    names = {_short(name): text for name, text in values.items()}
    known = _KNOWN & names.keys()
    if len(known) < _MIN_KNOWN or not any(names[k].strip() for k in known):
        return None
    raw = RawAor(source="fields", page_count=page_count)
    raw.values = {key: names[key] for key in known}
    raw.rows = [_row(names, n) for n in range(1, 32) if _has_row(names, n)]
    totals = {column: names.get(name, "") for name, column in TOTAL_FIELDS.items()}
    raw.totals = totals if any(f in names for f in TOTAL_FIELDS) else None
    raw.missing_columns = [c for c in COLUMNS if f"r01_{c}" not in names]
    return raw


def _short(name: str) -> str:
    # Some editors nest fields ("form1.r01_date"); the last part is the name that matters.
    return name.rsplit(".", 1)[-1]


def _has_row(names: dict[str, str], number: int) -> bool:
    return any(f"r{number:02d}_{column}" in names for column in COLUMNS)


def _row(names: dict[str, str], number: int) -> dict[str, str]:
    return {column: names.get(f"r{number:02d}_{column}", "") for column in COLUMNS}
