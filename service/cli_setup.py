"""`wtwforms units` and `wtwforms demo`: setting a new office up from the command line."""

from __future__ import annotations

import sys

import click

USER_ERROR = 2


@click.group("units")
def units_group() -> None:
    """Units: the list accounts and cases pick a unit from."""


@units_group.command("list")
def units_list() -> None:
    """List the units (code, name, office)."""
    from service import units
    from service.cli import _database

    with _database() as session:
        for unit in units.list_units(session):
            office = unit.office.name if unit.office else ""
            click.echo(f"{unit.code:<10} {unit.name:<30} {office}")


@units_group.command("add")
@click.argument("code")
@click.option("--name", default="", help='Shown name; "Unit 17" for U17 when left out.')
def units_add(code: str, name: str) -> None:
    """Add a unit; "Unit 17", "u17" and "U17" are the one unit U17."""
    from service import units
    from service.cli import _database

    with _database() as session:
        unit = units.add_unit(session, units.UnitFacts(code=code, name=name))
        click.echo(f"added {unit.code} ({unit.name})")


@click.command("demo")
def demo_command() -> None:
    """Fill an empty database with fictional staff, cases, AORs and slips, to try the service."""
    from service import create_app, demo
    from service.cli import NO_WORKERS

    app = create_app(NO_WORKERS)
    try:
        made = demo.fill(app)
    except demo.DemoRefused as exc:
        click.echo(f"wtwforms: {exc}", err=True)
        sys.exit(USER_ERROR)
    finally:
        app.extensions["aor_scans"].close()
        app.extensions["aor_readers"].close()
    click.echo("Demo data added (all fictional). Sign in as:")
    for account in made:
        click.echo(f"  {account.username:<16} {account.role:<11} password: {account.password}")
