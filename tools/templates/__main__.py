"""Re-author every form template: ``python -m tools.templates``."""

from __future__ import annotations

import importlib
import pkgutil

import tools.templates


def main() -> None:
    for module in pkgutil.iter_modules(tools.templates.__path__):
        if module.name in {"common", "__main__"}:
            continue
        importlib.import_module(f"tools.templates.{module.name}").build()
        print(f"built {module.name}")


if __name__ == "__main__":
    main()
