"""Database tables."""

# Every table's module, so Base.metadata knows them all: browser sessions and sign-in
# failures, files refused for stalling the reader, staff corrections of AOR readings.
from service.models import aor_correction, session, stalled  # noqa: F401
