"""Re-author every form template: ``python -m tools.templates``."""

from __future__ import annotations

import importlib
import pkgutil
import sys

import tools.templates
from tools.templates.i18n import MODULES, translating

# The forms the participant reads and signs come in each written language too
# (Gov. Code 7290-7299.8); staff forms stay in English.
PARTICIPANT_FORMS = {"wtw2", "calfresh_notice"}


def main() -> None:
    missing = 0
    for module in pkgutil.iter_modules(tools.templates.__path__):
        if module.name in {"common", "page", "__main__", "i18n"}:
            continue
        build = importlib.import_module(f"tools.templates.{module.name}").build
        build()
        print(f"built {module.name}")
        if module.name not in PARTICIPANT_FORMS:
            continue
        for language in MODULES:
            with translating(language) as translator:
                build()
            print(f"built {module.name} ({language})")
            for text in translator.missing:
                print(f"  no {language} translation, left in English: {text!r}", file=sys.stderr)
            missing += len(translator.missing)
    if missing:
        sys.exit(f"{missing} texts have no translation; add them to tools/templates/i18n/.")


if __name__ == "__main__":
    main()
