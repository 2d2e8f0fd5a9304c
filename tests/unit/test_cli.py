"""The wtwforms command line: exit codes, one-line errors, files written whole."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from service import i18n
from service.cli import main
from service.forms import all_forms
from tests.conftest import read_docx


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    try:
        main(argv)
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def example_file(tmp_path, example) -> Path:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(example("42-6")), encoding="utf-8")
    return path


def test_forms_json_lists_every_form_with_id_and_title(capsys):
    code, out, _ = run(["forms", "--json"], capsys)
    assert code == 0
    listed = json.loads(out)
    assert [f["id"] for f in listed] == [s.id for s in all_forms()]
    assert all(set(f) == {"id", "title"} for f in listed)


def test_example_prints_a_payload_that_checks_valid(tmp_path, capsys):
    code, out, _ = run(["example", "42-6"], capsys)
    assert code == 0
    data = tmp_path / "x.json"
    data.write_text(out, encoding="utf-8")
    code, out, err = run(["check", "42-6", str(data)], capsys)
    assert code == 0, err
    assert "good_cause_period_ends" in json.loads(out)["computed"]


def test_check_of_invalid_data_exits_2_with_the_messages_on_stderr(tmp_path, example, capsys):
    payload = example("42-6")
    payload["action"] = "sanction_imposed"
    payload["noa_date"] = None
    data = tmp_path / "bad.json"
    data.write_text(json.dumps(payload), encoding="utf-8")
    code, printed, err = run(["check", "42-6", str(data)], capsys)
    assert code == 2
    assert printed == ""
    assert "noa_date" in err
    assert "Traceback" not in err


def test_render_writes_the_document(tmp_path, example_file, capsys):
    out_path = tmp_path / "notice.docx"
    code, out, _ = run(["render", "42-6", str(example_file), "-o", str(out_path)], capsys)
    assert code == 0
    assert f"wrote {out_path}" in out
    assert "B4C7Q21" in read_docx(out_path.read_bytes()).everything
    assert list(tmp_path.glob(".*tmp")) == []


def test_render_of_invalid_data_leaves_no_file(tmp_path, capsys):
    data = tmp_path / "empty.json"
    data.write_text("{}", encoding="utf-8")
    out_path = tmp_path / "notice.docx"
    code, _, _ = run(["render", "42-6", str(data), "-o", str(out_path)], capsys)
    assert code == 2
    assert not out_path.exists()


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["check", "42-6", "/no/such/file.json"], "no such file"),
        (["render", "nope", "{data}", "-o", "{out}"], "unknown form 'nope'"),
        (["render", "42-6", "{data}", "-o", "{tmp}/x.odt"], "must end in"),
        (["render", "42-6", "{data}", "-o", "/no/such/dir/x.docx"], "cannot write"),
        (["check", "42-6", "{notjson}"], "not valid JSON"),
        (["bogus"], "No such command"),
        (["check", "42-6"], "Missing argument"),
    ],
)
def test_a_user_mistake_exits_2_with_one_line_on_stderr(
    argv, fragment, tmp_path, example_file, capsys
):
    notjson = tmp_path / "n.json"
    notjson.write_text("{oops", encoding="utf-8")
    filled = [
        a.format(data=example_file, out=tmp_path / "o.docx", tmp=tmp_path, notjson=notjson)
        for a in argv
    ]
    code, _, err = run(filled, capsys)
    assert code == 2
    assert len(err.strip().splitlines()) == 1, err
    assert fragment in err


def test_check_templates_passes_for_the_shipped_templates(capsys):
    code, out, _ = run(["check-templates"], capsys)
    assert code == 0, out
    # One line per template: the participant forms have one per written language.
    assert out.count("ok ") == sum(len(i18n.languages_of(spec.id)) for spec in all_forms())
    assert "wtw2.zh-Hant.docx" in out


def test_the_installed_command_runs(tmp_path):
    script = Path(sys.executable).parent / "wtwforms"
    result = subprocess.run(
        [str(script), "forms", "--json"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)


def test_aor_parse_prints_one_json_object_for_one_file(capsys):
    from tests.conftest import SAMPLES

    code, out, err = run(["aor", "parse", str(SAMPLES / "aor-101-000-grid.pdf")], capsys)
    assert code == 0, err
    reading = json.loads(out)
    expected = json.loads((SAMPLES / "aor-101-000-grid.json").read_text(encoding="utf-8"))
    assert reading["case_number"] == expected["case_number"]
    assert reading["totals"] == expected["totals"]


def test_aor_parse_of_several_files_prints_a_list_or_csv(capsys):
    from tests.conftest import SAMPLES

    files = [str(SAMPLES / "aor-101-000-grid.pdf"), str(SAMPLES / "aor-101-002-docx.pdf")]
    code, out, _ = run(["aor", "parse", *files], capsys)
    assert code == 0
    assert len(json.loads(out)) == 2
    code, out, _ = run(["aor", "parse", *files, "--csv"], capsys)
    assert code == 0
    lines = out.strip().splitlines()
    assert lines[0].startswith("aor_id,filename,case_number")
    assert len(lines) == 3


def test_aor_parse_of_a_file_that_is_not_a_pdf_exits_2_with_one_line(tmp_path, capsys):
    bogus = tmp_path / "notes.pdf"
    bogus.write_text("just text", encoding="utf-8")
    code, out, err = run(["aor", "parse", str(bogus)], capsys)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert "not a PDF" in err


@pytest.mark.parametrize(
    ("build", "said"),
    [("decompression_bomb", "reader stopped"), ("page_tree_loop", "damaged")],
)
def test_aor_parse_of_a_hostile_file_costs_one_child_and_exits_2_with_one_line(
    tmp_path, capsys, monkeypatch, build, said
):
    import tests.hostile_pdfs as hostile
    from service.aor import command
    from service.isolation import Limits

    monkeypatch.setattr(command, "LIMITS", Limits(10, 400, 60))
    path = tmp_path / f"{build}.pdf"
    path.write_bytes(
        getattr(hostile, build)(600) if build == "decompression_bomb" else getattr(hostile, build)()
    )
    code, out, err = run(["aor", "parse", str(path)], capsys)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert said in err


def test_render_to_a_pdf_name_writes_the_pdf_through_libreoffice(tmp_path, example_file, capsys):
    from tests.conftest import read_pdf

    out = tmp_path / "notice.pdf"
    code, stdout, _ = run(["render", "42-6", str(example_file), "-o", str(out)], capsys)
    assert code == 0, stdout
    read = read_pdf(out.read_bytes())
    assert "42-6" in read.title
    assert json.loads(example_file.read_text())["case_number"] in read.text


def test_render_to_pdf_without_libreoffice_exits_2_naming_the_packages(
    tmp_path, example_file, capsys, monkeypatch
):
    monkeypatch.setenv("WTWFORMS_PDF_SOFFICE", "/nonexistent/soffice")
    out = tmp_path / "notice.pdf"
    code, _, err = run(["render", "42-6", str(example_file), "-o", str(out)], capsys)
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert "libreoffice-writer-nogui" in err
    assert not out.exists()


def test_aor_parse_imports_only_what_reading_needs_in_the_command_and_its_reader():
    # Neither the web app, the database, pdfminer (a fallback) nor the sanitiser (no copy
    # is kept): `aor parse` starts no slower than a plain pdfplumber script (bench/aor.py).
    heavy = ["flask", "sqlalchemy", "pdfplumber", "pdfminer", "pikepdf", "docx", "jinja2"]
    sample = str(Path(__file__).resolve().parents[1] / "data/aor_samples/aor-101-000-grid.pdf")
    probes = {
        "command": f"from service.cli import main; main(['aor', 'parse', {sample!r}])",
        "reader": (
            "from service.aor.worker import handle; "
            f"handle(['--max-pages=20', '--reading-only'], open({sample!r}, 'rb').read())"
        ),
    }
    for name, probe in probes.items():
        shown = f"import sys; {probe}; sys.stderr.write(repr(set(sys.modules) & {set(heavy)!r}))"
        result = subprocess.run(
            [sys.executable, "-c", shown], capture_output=True, text=True, check=True
        )
        assert result.stderr == "set()", (name, result.stderr)
