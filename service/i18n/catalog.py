"""The words the rules compute (activity labels, the requirement's basis), per written language.

The rules speak English; on a translated form their words are looked up here. A text with no
entry prints in English rather than not at all; tests/unit/test_translations.py proves every
text the rules can produce today has an entry in each language.
"""

from __future__ import annotations

from service.i18n.chinese_traditional import CHINESE_TRADITIONAL
from service.i18n.spanish import SPANISH
from service.i18n.vietnamese import VIETNAMESE
from service.i18n.words import Catalog

__all__ = ["CATALOGS", "Catalog"]

CATALOGS: dict[str, Catalog] = {"es": SPANISH, "vi": VIETNAMESE, "zh-Hant": CHINESE_TRADITIONAL}
