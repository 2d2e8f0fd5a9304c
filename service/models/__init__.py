"""Database tables."""

# Every table's module, so Base.metadata knows them all: browser sessions and sign-in
# failures, files refused for stalling the reader.
from service.models import session, stalled  # noqa: F401
