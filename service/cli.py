"""The ``wtwforms`` command line: list, check and render forms from JSON files."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from service.errors import DomainError, InvalidInput

# Each command imports what it needs: `aor parse` must start as fast as a plain script.
if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from service import documents

USER_ERROR = 2
NO_WORKERS = {"PDF_WARM_START": False, "AOR_READERS_WARM_START": False, "FIRST_RUN_LINK": False}


class UserError(Exception):
    """A mistake the user can fix; printed as one line, exit code 2."""


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def cli() -> None:
    """Fill CalWORKs Welfare-to-Work forms from JSON case data."""


@cli.command("forms")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of {id, title}.")
def forms_command(as_json: bool) -> None:
    """List the forms."""
    from service.forms import all_forms

    if as_json:
        click.echo(json.dumps([{"id": f.id, "title": f.title} for f in all_forms()], indent=2))
        return
    for form in all_forms():
        click.echo(f"{form.id:<13} {form.title} ({form.county or 'state'})")


@cli.command("example")
@click.argument("form_id")
def example_command(form_id: str) -> None:
    """Print a complete example payload for FORM_ID."""
    from service import documents

    click.echo(json.dumps(documents.example(form_id), indent=2, ensure_ascii=False))


@cli.command("check")
@click.argument("form_id")
@click.argument("data", type=click.Path(dir_okay=False, path_type=Path))
def check_command(form_id: str, data: Path) -> None:
    """Validate DATA (JSON) for FORM_ID; print warnings and computed values."""
    from service import documents
    from service.jsonable import jsonable

    result = documents.check(form_id, _read_json(data))
    ev = result.evaluation
    if not ev.ok:
        raise InvalidInput(ev.errors, ev.warnings)
    _print_warnings(ev.warnings)
    click.echo(json.dumps({"computed": jsonable(ev.computed)}, indent=2, ensure_ascii=False))


@cli.command("render")
@click.argument("form_id")
@click.argument("data", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
def render_command(form_id: str, data: Path, output: Path) -> None:
    """Fill FORM_ID with DATA (JSON) and write OUTPUT (.docx, or .pdf through LibreOffice)."""
    from service import documents

    fmt = output.suffix.lower().lstrip(".")
    if fmt not in documents.FORMATS:
        raise UserError(f"{output}: the output name must end in one of: .docx, .pdf")
    payload = _read_json(data)
    if fmt == "pdf":
        doc = _render_pdf(form_id, payload)
    else:
        doc = documents.render(form_id, payload, fmt=fmt)
    _print_warnings(doc.check.evaluation.warnings)
    _write_atomically(output, doc.content)
    click.echo(f"wrote {output} ({len(doc.content):,} bytes)")


def _render_pdf(form_id: str, payload: Any) -> documents.RenderedDocument:
    """One PDF from a one-worker pool, started for this command and stopped after it."""
    from flask import Config as Settings

    from service import documents
    from service.config import Config
    from service.office import pool_from_config

    settings = Settings(".")
    settings.from_object(Config)
    settings.from_prefixed_env("WTWFORMS")  # e.g. WTWFORMS_PDF_SOFFICE, as for the service
    pool = pool_from_config(settings | {"PDF_WORKERS": 1, "PDF_QUEUE": 0})
    try:
        # The pool starts on the first conversion: a form that fails its rules never waits.
        return documents.render(form_id, payload, fmt="pdf", to_pdf=pool.convert)
    finally:
        pool.close()


@cli.command("check-templates")
def check_templates_command() -> None:
    """Prove each template prints only known variables and every field of its form."""
    from service.templates_check import check_all

    failed = False
    for report in check_all():
        if report.ok:
            click.echo(f"ok      {report.form:<13} {report.template}")
            continue
        failed = True
        click.echo(f"FAILED  {report.form:<13} {report.template}")
        for path in report.undeclared:
            click.echo(f"  uses a variable the context lacks: {path}")
        for path in report.unprinted:
            click.echo(f"  never prints the field: {path}")
        for path, msgs in report.example_errors.items():
            click.echo(f"  example payload invalid at {path}: {' '.join(msgs)}")
    if failed:
        sys.exit(1)


@cli.command("rules")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of the rules.")
def rules_command(as_json: bool) -> None:
    """List the program's rules: rule, source, where it applies."""
    from dataclasses import asdict

    from service.rules.catalog import catalog

    rules = catalog()
    if as_json:
        click.echo(json.dumps([asdict(r) for r in rules], indent=2))
        return
    for found in rules:
        click.echo(f"{found.name}\n  {found.summary}")
        click.echo(f"  source: {'; '.join(found.sources)}")
        click.echo(f"  applies to: {', '.join(found.applies_to)}")


@cli.group("aor")
def aor_group() -> None:
    """Attendance and Outcome Reports (F063-41-420)."""


@aor_group.command("parse")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "fmt", flag_value="json", default=True, help="JSON (the default).")
@click.option("--csv", "fmt", flag_value="csv", help="One CSV line per file.")
def aor_parse_command(files: tuple[Path, ...], fmt: str) -> None:
    """Read AOR PDFs and print their readings (one JSON object for one file)."""
    from service.aor.command import read_files

    readings = read_files(files)
    if fmt == "csv":
        from service.aor.records import csv_of

        click.echo(csv_of(readings), nl=False)
        return
    shown: Any = readings[0] if len(readings) == 1 else readings
    click.echo(json.dumps(shown, indent=2, ensure_ascii=False))


@contextmanager
def _database() -> Iterator[Session]:
    """A session on the configured database (WTWFORMS_DATA_DIR / DATABASE_URL), committed."""
    from service import create_app
    from service.extensions import db

    # The app as a command needs it: no LibreOffice and no AOR readers, which only serving
    # (and `render -o x.pdf`, through a pool of its own) start.
    with create_app(NO_WORKERS).app_context():
        yield db.session
        db.session.commit()


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"{path}: cannot read: {exc}") from None
    except json.JSONDecodeError as exc:
        raise UserError(f"{path}: not valid JSON: {exc}") from None


def _write_atomically(path: Path, content: bytes) -> None:
    # A crash or a full disk leaves the old file (or none), never half a document.
    directory = path.parent if str(path.parent) else Path()
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp).replace(path)
    except OSError as exc:
        raise UserError(f"{path}: cannot write: {exc.strerror or exc}") from None


def _print_warnings(warnings: list[dict[str, str]]) -> None:
    for warning in warnings:
        click.echo(f"warning: {warning['field']}: {warning['message']}", err=True)


def _fail(message: str) -> NoReturn:
    click.echo(f"wtwforms: {message}", err=True)
    sys.exit(USER_ERROR)


def _setup_commands() -> None:
    from service.cli_setup import demo_command, units_group
    from service.cli_users import users_group
    from service.jobs.worker import worker_command

    cli.add_command(users_group)
    cli.add_command(units_group)
    cli.add_command(demo_command)
    cli.add_command(worker_command)


_setup_commands()


def main(argv: list[str] | None = None) -> None:
    """Entry point: user mistakes exit 2 with a message on stderr, never a traceback."""
    try:
        cli.main(args=argv, prog_name="wtwforms", standalone_mode=False)
    except click.exceptions.Abort:
        _fail("aborted")
    except click.exceptions.ClickException as exc:
        _fail(exc.format_message())
    except InvalidInput as exc:
        for field, messages in exc.errors.items():
            for message in messages:
                click.echo(f"error: {field}: {message}", err=True)
        _print_warnings(exc.warnings)
        sys.exit(USER_ERROR)
    except (DomainError, UserError) as exc:
        _fail(str(exc))
    except BrokenPipeError:
        sys.exit(1)
