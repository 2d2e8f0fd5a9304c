"""The reader `wtwforms aor parse` starts: the service's, warmed without the sanitiser."""

from __future__ import annotations

import importlib

from service.aor.worker import handle
from service.isolation import serve


def warm() -> None:
    """The command keeps no copy of the file (``--reading-only``): no sanitiser to import."""
    for module in ("parsers.aor", "service.aor.transport"):
        importlib.import_module(module)


if __name__ == "__main__":
    serve(handle, warm)
