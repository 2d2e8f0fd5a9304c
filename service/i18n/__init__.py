"""Participant forms in the participant's written language: which template, and is it a draft.

Source: the Dymally-Alatorre Bilingual Services Act (Gov. Code 7290-7299.8). The forms a
participant reads and signs (WTW 2, 63-62) come in their written language; staff forms
(50-20e, 42-6, 42-176, F063-41-251) stay in English whatever the case says.
"""

from __future__ import annotations

from typing import Any

from schemas.common import WRITTEN_LANGUAGES
from service.counties import County
from service.i18n.formats import language_name

ENGLISH = "en"
TRANSLATIONS = tuple(lang for lang in WRITTEN_LANGUAGES if lang != ENGLISH)
# Spanish as written in the United States (decimal point, $1,234.50); Chinese as in Taiwan.
LOCALES = {"en": "en_US", "es": "es_US", "vi": "vi", "zh-Hant": "zh_Hant_TW"}
PARTICIPANT_FORMS = frozenset({"wtw2", "63-62"})


def form_language(form_id: str, data: dict[str, Any]) -> str:
    """The language ``form_id`` is printed in: the case's written language on a participant
    form, English on a staff form (Gov. Code 7296.2 covers what the public is given)."""
    if form_id not in PARTICIPANT_FORMS:
        return ENGLISH
    return data.get("language") or ENGLISH


def languages_of(form_id: str) -> tuple[str, ...]:
    """Every language the form has a template in, English first."""
    return (ENGLISH, *TRANSLATIONS) if form_id in PARTICIPANT_FORMS else (ENGLISH,)


def template_name(template: str, language: str) -> str:
    """``wtw2.docx`` in Spanish is ``wtw2.es.docx``."""
    if language == ENGLISH:
        return template
    stem, _, ext = template.rpartition(".")
    return f"{stem}.{language}.{ext}"


def is_draft(county: County, language: str) -> bool:
    """A translation is a draft until the county approves it (``approved_translations``)."""
    return language != ENGLISH and language not in county.approved_translations


def translation_facts(form_id: str, data: dict[str, Any], county: County) -> dict[str, Any]:
    """What a template may print about its own language: ``translation.draft``."""
    language = form_language(form_id, data)
    return {"language": language, "draft": is_draft(county, language)}


def draft_warning(form_id: str, data: dict[str, Any], county: County) -> str | None:
    """Why the EC should know the form goes out as a draft translation, if it does."""
    language = form_language(form_id, data)
    if not is_draft(county, language):
        return None
    name = language_name("en_US")(language)
    return (
        f"The {name} translation of this form is not yet approved by {county.name} County; "
        "its footer says draft translation."
    )
