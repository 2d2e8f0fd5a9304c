"""Database tables."""

# Every table's module, so Base.metadata knows them all whichever module is imported first
# (a foreign key names its table, which must be known when the tables are created).
from service.models import (  # noqa: F401
    aor,
    aor_correction,
    audit,
    blob,
    document,
    draft,
    job,
    session,
    slip,
    stalled,
    unit,
    user,
)
