"""Today's date where the counties are, so deadlines do not shift with the server's zone."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

PACIFIC = ZoneInfo("America/Los_Angeles")


def today() -> dt.date:
    return dt.datetime.now(PACIFIC).date()
