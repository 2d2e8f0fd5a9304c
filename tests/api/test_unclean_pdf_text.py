"""Half a surrogate pair read from a PDF is kept as U+FFFD, with a finding naming the field."""

from __future__ import annotations

import dataclasses
import io

import pikepdf

from tests import aor_pdfs
from tests.aor_spec import CLEAN

# A ToUnicode map that gives the font's "é" (WinAnsi 0xE9) as a lone high surrogate.
_CMAP = b"""/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CMapName /Hostile-UCS def
/CMapType 2 def
1 begincodespacerange
<00> <FF>
endcodespacerange
1 beginbfchar
<E9> <D800>
endbfchar
endcmap
CMapName currentdict /CMap defineresource pop
end
end
"""


def _saved(pdf: pikepdf.Pdf) -> bytes:
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def text_with_a_lone_surrogate(cmap: bytes = _CMAP) -> bytes:
    """The clean AOR (participant "Ramírez, José") whose fonts map "é" to U+D800."""
    pdf = pikepdf.open(io.BytesIO(aor_pdfs.pdf(CLEAN)))
    for page in pdf.pages:
        for font in page.Resources.Font.values():
            font.ToUnicode = pdf.make_stream(cmap)
    return _saved(pdf)


def field_with_a_lone_surrogate() -> bytes:
    """The fillable AOR whose participant_name field holds UTF-16 "J", U+D800, "o"."""
    pdf = pikepdf.open(io.BytesIO(aor_pdfs.pdf(dataclasses.replace(CLEAN, fillable=True))))
    for field in pdf.Root.AcroForm.Fields:
        if str(field.T) == "participant_name":
            field.V = pikepdf.String(b"\xfe\xff\x00J\xd8\x00\x00o")
            if "/AP" in field:
                del field["/AP"]
    return _saved(pdf)


def _unclean(reading: dict) -> list[dict]:
    return [f for f in reading["findings"] if f["code"] == "text_not_clean"]


def test_page_text_a_font_maps_to_half_a_surrogate_pair_is_kept_as_a_replacement(upload):
    answer = upload(text_with_a_lone_surrogate())
    assert answer.status_code == 201, answer.json
    reading = answer.json
    assert reading["participant_name"] == "Ramírez, Jos\ufffd"
    found = _unclean(reading)
    assert [f["field"] for f in found] == ["participant_name"]
    assert "could not be read cleanly" in found[0]["message"]


def test_a_field_value_with_half_a_surrogate_pair_is_read_with_a_finding(upload):
    answer = upload(field_with_a_lone_surrogate())
    assert answer.status_code == 201, answer.json
    assert answer.json["participant_name"] == "J\ufffdo"
    assert [f["field"] for f in _unclean(answer.json)] == ["participant_name"]


def test_the_inbox_shows_a_reading_mended_from_a_lone_surrogate(upload, ec_aor, page_client):
    aor = ec_aor("unclean", data=text_with_a_lone_surrogate())
    answer = page_client("ec").get(f"/inbox/{aor['id']}")
    assert answer.status_code == 200
    assert "could not be read cleanly" in answer.text


def test_a_letter_whose_unicode_map_was_lost_is_marked_unreadable_not_read_wrong(upload):
    # Re-saved files whose maps were lost give a letter as a control character (U+0001).
    answer = upload(text_with_a_lone_surrogate(_CMAP.replace(b"<D800>", b"<0001>")))
    assert answer.status_code == 201, answer.json
    assert answer.json["participant_name"] == "Ramírez, Jos\ufffd"
    found = _unclean(answer.json)
    assert [f["field"] for f in found] == ["participant_name"]
    assert found[0]["severity"] == "needs_action"
