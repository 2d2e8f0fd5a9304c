"""The WTW 2 and 63-62 in the participant's written language; staff forms stay in English."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from decimal import Decimal

import pytest

from service import documents
from service.counties import county_ids, get_county
from service.forms import get_form
from service.forms.calfresh_notice import CALFRESH_LABELS
from service.forms.wtw2_plan_due import PLAN_DUE_EVENT_LABELS
from service.forms.wtw2_rules import ACTIVITY_LABELS, reassignment
from service.i18n import LOCALES, TRANSLATIONS, form_language
from service.i18n.catalog import CATALOGS
from service.i18n.formats import locale_filters
from service.i18n.localize import Target, deadline_note
from service.rules.calendar import OPTIONAL_HOLIDAYS
from service.rules.deadlines import Deadline
from service.rules.hours import Household, weekly_requirement
from service.templates_check import check_template

STAFF_FORMS = ["50-20e", "42-6", "42-176", "f063-41-251"]
# What the example 63-62 (respond by 12/16/2026) and WTW 2 print, read by a speaker.
NOTICE = {
    "es": ["Su asistencia en efectivo de CalWORKs terminó el 30 de septiembre de 2026.",
           "comuníquese con su Consejero de Empleo a más tardar el 16 de diciembre de 2026",
           "CalFresh E&T es voluntario.", "☒ CalFresh de Transición (TCF)"],
    "vi": ["Trợ cấp tiền mặt CalWORKs của quý vị đã chấm dứt vào ngày 30 tháng 9, 2026.",
           "chậm nhất là ngày 16 tháng 12, 2026",
           "CalFresh E&T là chương trình tự nguyện.", "☒ CalFresh Chuyển Tiếp (TCF)"],
    "zh-Hant": ["您的 CalWORKs 現金援助已於 2026年9月30日 終止。",
                "請在 2026年12月16日 之前與您的就業輔導員聯絡",
                "CalFresh E&T 是自願參加的。", "☒ 過渡期 CalFresh (TCF)"],
}  # fmt: skip
PLAN = {
    "es": ("FECHA DEL PLAN (FECHA DE FIRMA)\n23 de noviembre de 2026",
           "TOTAL DE GASTOS AUXILIARES\n$184.50", "Educación y capacitación vocacional",
           "IDIOMA ESCRITO\nEspañol"),
    "vi": ("NGÀY LẬP KẾ HOẠCH (NGÀY KÝ)\n23 tháng 11, 2026",
           "TỔNG CHI PHÍ PHỤ TRỢ\n184,50\xa0US$", "Giáo dục và đào tạo nghề",
           "NGÔN NGỮ VIẾT\nTiếng Việt"),
    "zh-Hant": ("計劃日期（簽署日期）\n2026年11月23日",
                "其他輔助項目總額\nUS$184.50", "職業教育及訓練", "書面語言\n中文 (繁體)"),
}  # fmt: skip
DRAFT = {
    "es": "BORRADOR DE TRADUCCIÓN",
    "vi": "BẢN DỊCH NHÁP",
    "zh-Hant": "翻譯草稿",
}


def in_language(example, form_id, language):
    payload = example(form_id)
    payload["language"] = language
    return payload


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_the_6362_is_read_back_in_the_participants_language(render, example, language):
    text = render("63-62", in_language(example, "63-62", language))
    body = "\n".join(text.body)
    for sentence in NOTICE[language]:
        assert sentence in body
    assert "contact your Employment Counselor" not in body


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_the_wtw2_is_read_back_with_dates_money_and_labels_in_the_language(
    render, example, language
):
    text = render("wtw2", in_language(example, "wtw2", language))
    signed, ancillary, activity, written = PLAN[language]
    assert signed in text.cells
    assert ancillary in text.cells
    assert any(cell.startswith(activity) for cell in text.cells)
    assert written in text.cells
    # The notes were typed in English and stay so; the form's own words do not.
    assert not any(cell.startswith(("Vocational Education", "PLAN DATE")) for cell in text.cells)


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_an_unapproved_translation_says_draft_in_the_language_and_in_english(
    render, check, example, language
):
    payload = in_language(example, "wtw2", language)
    footer = "\n".join(render("wtw2", payload).footers)
    assert DRAFT[language] in footer
    assert "DRAFT TRANSLATION, not yet approved by the county" in footer
    assert any(w["field"] == "language" for w in check("wtw2", payload).evaluation.warnings)


def test_a_translation_the_county_approved_has_no_draft_mark(monkeypatch, render, example):
    approved = dataclasses.replace(get_county("alameda"), approved_translations=("es",))
    monkeypatch.setattr(documents, "get_county", lambda county_id: approved)
    spanish = render("63-62", in_language(example, "63-62", "es"))
    vietnamese = render("63-62", in_language(example, "63-62", "vi"))
    assert not any("BORRADOR" in line or "DRAFT" in line for line in spanish.footers)
    assert any("BẢN DỊCH NHÁP" in line for line in vietnamese.footers)


def test_the_county_settings_list_no_approved_translation_yet():
    # Machine-drafted translations stay drafts until a county's language access office signs off.
    assert get_county("alameda").approved_translations == ()
    assert get_county("orange").approved_translations == ()


@pytest.mark.parametrize("form_id", ["wtw2", "63-62"])
def test_english_is_the_default_and_prints_as_the_written_language(render, example, form_id):
    text = render(form_id, example(form_id))
    assert "English" in text.everything
    assert not any("DRAFT" in line for line in text.footers)


@pytest.mark.parametrize("form_id", STAFF_FORMS)
def test_a_staff_form_stays_in_english_and_refuses_a_language(check, render, example, form_id):
    payload = example(form_id)
    assert form_language(form_id, {"language": "es"}) == "en"
    assert "Page 1 of" in "\n".join(render(form_id, payload).footers)
    payload["language"] = "es"
    assert "language" in check(form_id, payload).evaluation.errors


def test_a_language_outside_the_four_is_refused(check, example):
    payload = in_language(example, "wtw2", "tl")
    assert "language" in check("wtw2", payload).evaluation.errors


def test_a_6362_in_the_preferred_language_needs_no_translation_warning(check, example):
    payload = in_language(example, "63-62", "vi")
    payload["preferred_language"] = "Tiếng Việt"
    warned = {w["field"] for w in check("63-62", payload).evaluation.warnings}
    assert "preferred_language" not in warned


@pytest.mark.parametrize(
    ("form_id", "language"), list(itertools.product(["wtw2", "63-62"], TRANSLATIONS))
)
def test_a_translated_template_uses_only_context_variables_and_prints_every_field(
    form_id, language
):
    report = check_template(get_form(form_id), language)
    assert report.template.endswith(f".{language}.docx")
    assert report.undeclared == []
    assert report.unprinted == []
    assert report.example_errors == {}


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_every_template_text_has_a_translation(monkeypatch, tmp_path, language):
    from tools.templates import calfresh_notice, common, wtw2
    from tools.templates.i18n import translating

    monkeypatch.setattr(common, "OUT_DIR", tmp_path)
    with translating(language) as translator:
        wtw2.build()
        calfresh_notice.build()
    assert translator.missing == []
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        f"63-62.{language}.docx",
        f"wtw2.{language}.docx",
    ]


def _computed_texts() -> set[str]:
    texts = set(ACTIVITY_LABELS.values()) | set(CALFRESH_LABELS.values()) | {"None assigned"}
    texts |= set(PLAN_DUE_EVENT_LABELS.values())
    # Every holiday a county's calendar can name as the reason an office is closed.
    texts |= {"County holiday", *OPTIONAL_HOLIDAYS}
    for county_id in county_ids():
        texts |= set(get_county(county_id).calendar_settings.holiday_names)
    for flags in itertools.product([False, True], repeat=4):
        for clause in weekly_requirement(Household(*flags)).basis.split("; "):
            texts.add(clause)
    training = [{"type": "vocational_training", "start_date": dt.date(2026, 12, 7)}]
    for activities, before, used in [([], False, False), (training, False, True)]:
        texts.add(reassignment(activities, before, used).note)
    texts.add(reassignment(training, True, False).note)
    return texts


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_every_text_the_rules_compute_has_a_translation(language):
    missing = _computed_texts() - set(CATALOGS[language].texts)
    assert missing == set()


def test_the_locale_filters_write_numbers_and_money_the_languages_way():
    vi = locale_filters("vi", "Có", "Không")
    zh = locale_filters("zh_Hant_TW", "是", "否")
    es = locale_filters("es_US", "Sí", "No")
    assert vi["hours"](Decimal("7.50")) == "7,5"
    assert es["hours"](Decimal("7.50")) == "7.5"
    assert zh["money"](Decimal("1234.5")) == "US$1,234.50"
    assert es["local_date"](dt.date(2026, 3, 9)) == "9 de marzo de 2026"
    assert vi["local_date"](None) == ""
    assert (vi["yes_no"](True), zh["yes_no"](False), es["yes_no"](None)) == ("Có", "否", "")


# Texts the rules compute that hold a date: rebuilt in the language, never left in English.
REASSIGNMENT = {
    "es": ("28 de diciembre de 2026 (El 27 de diciembre de 2026 es domingo, día en que la "
           "oficina está cerrada; la fecha límite pasa al siguiente día hábil, el 28 de "
           "diciembre de 2026.)",
           "30 días naturales después de que comience Educación básica para adultos, el 27 de "
           "noviembre de 2026."),
    "vi": ("28 tháng 12, 2026 (Ngày 27 tháng 12, 2026 là Chủ Nhật, ngày văn phòng đóng cửa; "
           "hạn chót được dời sang ngày làm việc kế tiếp, ngày 28 tháng 12, 2026.)",
           "30 ngày theo lịch kể từ khi Giáo dục căn bản cho người lớn bắt đầu vào ngày 27 "
           "tháng 11, 2026."),
    "zh-Hant": ("2026年12月28日（2026年12月27日為星期日，辦事處不辦公；期限順延至下一個工作日，"
                "即2026年12月28日。）",
                "成人基礎教育於2026年11月27日開始後的30個日曆天內。"),
}  # fmt: skip
RESPOND_BY = {
    "es": "30 de noviembre de 2026 (El 26 de noviembre de 2026 es día feriado del condado (Día "
          "de Acción de Gracias); la fecha límite pasa al siguiente día hábil, el 30 de "
          "noviembre de 2026.)",
    "vi": "30 tháng 11, 2026 (Ngày 26 tháng 11, 2026 là ngày lễ của Quận (Lễ Tạ ơn); hạn chót "
          "được dời sang ngày làm việc kế tiếp, ngày 30 tháng 11, 2026.)",
    "zh-Hant": "2026年11月30日（2026年11月26日為郡政府假日（感恩節），辦事處不辦公；"
               "期限順延至下一個工作日，即2026年11月30日。）",
}  # fmt: skip
HOUSEHOLD = {
    "es": ("Mateo Alvarado cumple 6 años el 14 de marzo de 2027",
           "un adulto sin niños menores de 6 años",
           "Determinación de elegibilidad para la asistencia\n1 de octubre de 2026"),
    "vi": ("Mateo Alvarado tròn 6 tuổi vào ngày 14 tháng 3, 2027",
           "một người lớn không có con dưới 6 tuổi",
           "Xác định hội đủ điều kiện nhận trợ cấp\n1 tháng 10, 2026"),
    "zh-Hant": ("Mateo Alvarado於2027年3月14日年滿 6 歲", "單一成人，沒有未滿 6 歲的子女",
                "確定符合領取援助的資格\n2026年10月1日"),
}  # fmt: skip


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_a_reassignment_deadline_moved_off_a_sunday_is_explained_in_the_language(
    render, example, language
):
    # 30 days from Friday 11/27 end on Sunday 12/27; the window is still 30 days, not 31.
    payload = in_language(example, "wtw2", language)
    payload["activities"][0].update(
        type="adult_basic_education", hours_per_week=20, start_date="2026-11-27"
    )
    payload["activities"][1:] = []
    cells = render("wtw2", payload).cells
    deadline, window = REASSIGNMENT[language]
    assert any(c.endswith("\n" + deadline) for c in cells)
    assert any(c.endswith("\n" + window) for c in cells)


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_a_respond_by_date_moved_off_thanksgiving_is_explained_in_the_language(
    render, example, language
):
    payload = in_language(example, "63-62", language)
    payload.update(calfresh_type="nacf", notice_date="2026-10-27")
    assert any(c.endswith("\n" + RESPOND_BY[language]) for c in render("63-62", payload).cells)


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_a_requirement_change_and_the_90_day_event_print_in_the_language(render, example, language):
    payload = in_language(example, "wtw2", language)
    payload.update(plan_type="initial", amendment_reason=None, amends_plan_dated=None)
    payload["household"] = {
        "two_parent_family": False,
        "child_under_six": True,
        "children": [{"name": "Mateo Alvarado", "birth_date": "2021-03-14"}],
    }
    payload["activities"][0]["end_date"] = "2027-05-28"
    payload["plan_due_from"] = {"event": "eligibility_determined", "date": "2026-10-01"}
    cells = render("wtw2", payload).cells
    reason, new_basis, due_from = HOUSEHOLD[language]
    assert reason in cells
    assert new_basis in cells
    assert any(c.endswith("\n" + due_from) for c in cells)
    assert not any("turns 6" in c or "eligibility" in c.lower() for c in cells)


@pytest.mark.parametrize(
    ("deadline", "expected"),
    [
        (
            Deadline(dt.date(2026, 12, 26), "Saturday"),
            "El 26 de diciembre de 2026 es sábado, día en que la oficina está cerrada; la "
            "fecha límite no se cambia (norma del condado).",
        ),
        (
            Deadline(dt.date(2027, 2, 28), "Sunday", dt.date(2027, 2, 26)),
            "El 28 de febrero de 2027 es domingo, día en que la oficina está cerrada; la "
            "fecha límite se adelanta al 26 de febrero de 2027.",
        ),
        (
            Deadline(dt.date(2027, 7, 5), "Independence Day (observed)", dt.date(2027, 7, 6)),
            "El 5 de julio de 2027 es día feriado del condado (Día de la Independencia, "
            "feriado trasladado); la fecha límite pasa al siguiente día hábil, el 6 de julio "
            "de 2027.",
        ),
    ],
)
def test_each_kind_of_closed_day_deadline_is_said_in_spanish(deadline, expected):
    target = Target(CATALOGS["es"], LOCALES["es"], get_county("alameda"))
    assert deadline_note(deadline, target) == expected


def test_a_deadline_on_an_open_day_has_no_note_in_any_language():
    for language in TRANSLATIONS:
        target = Target(CATALOGS[language], LOCALES[language], get_county("alameda"))
        assert deadline_note(Deadline(dt.date(2026, 12, 28)), target) is None
