"""AOR uploads kept per organisation (duplicates and supersession within one provider)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 13:00:00
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


# Frozen here: the migration must not change when the service's code does.
UPLOADS = sa.table(
    "aor_upload",
    sa.column("id", sa.Integer()),
    sa.column("case_number", sa.String()),
    sa.column("cin", sa.String()),
    sa.column("reading", sa.JSON()),
    sa.column("organisation", sa.String()),
    sa.column("superseded_by_id", sa.Integer()),
    sa.column("superseded_at", sa.DateTime(timezone=True)),
)


def upgrade() -> None:
    with _foreign_keys_unchecked(), op.batch_alter_table("aor_upload") as batch_op:
        batch_op.add_column(sa.Column("sanitised_sha256", sa.String(length=64), nullable=True))
        batch_op.drop_constraint(batch_op.f("uq_aor_upload_sha256"), type_="unique")
        batch_op.create_unique_constraint(
            "uq_aor_upload_sha256_organisation", ["sha256", "organisation"]
        )
    connection = op.get_bind()
    _normalise_case_numbers(connection)
    _normalise_other_case_numbers(connection)
    _undo_supersession_across_organisations(connection)


@contextmanager
def _foreign_keys_unchecked() -> Iterator[None]:
    """SQLite changes the table by copying it; the copy's replaced uploads point at the table's
    name, so dropping the old table would break them until the copy takes that name."""
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        op.execute("PRAGMA foreign_keys = OFF")  # takes effect outside a transaction
        op.execute("PRAGMA defer_foreign_keys = ON")  # and this one inside one
    yield
    if sqlite:
        op.execute("PRAGMA foreign_keys = ON")


def _normalise_case_numbers(connection: sa.Connection) -> None:
    """Case numbers and CINs upper case, so an AOR printed ``b1234567`` reaches B1234567's EC."""
    rows = connection.execute(sa.select(UPLOADS.c.id, UPLOADS.c.reading)).all()
    for row in rows:
        reading = dict(row.reading or {})
        for key in ("case_number", "cin"):
            if isinstance(reading.get(key), str):
                reading[key] = reading[key].strip().upper()
        connection.execute(
            UPLOADS.update()
            .where(UPLOADS.c.id == row.id)
            .values(
                case_number=sa.func.nullif(sa.func.upper(sa.func.trim(UPLOADS.c.case_number)), ""),
                cin=sa.func.nullif(sa.func.upper(sa.func.trim(UPLOADS.c.cin)), ""),
                reading=reading,
            )
        )


def _normalise_other_case_numbers(connection: sa.Connection) -> None:
    """Slips, documents and assignments keyed by a case number typed in lower case."""
    for table in ("routing_slip", "generated_document"):
        rows = sa.table(table, sa.column("case_number", sa.String()))
        connection.execute(rows.update().values(case_number=sa.func.upper(rows.c.case_number)))
    assignments = sa.table("case_assignment", sa.column("case_number", sa.String()))
    held = {n for (n,) in connection.execute(sa.select(assignments.c.case_number))}
    for number in sorted(held):
        # The key is the case number: a spelling whose upper case is taken keeps its own.
        if number != number.upper() and number.upper() not in held:
            connection.execute(
                assignments.update()
                .where(assignments.c.case_number == number)
                .values(case_number=number.upper())
            )
            held.add(number.upper())


def _undo_supersession_across_organisations(connection: sa.Connection) -> None:
    """An upload another organisation's file replaced is current again."""
    rows = connection.execute(
        sa.select(UPLOADS.c.id, UPLOADS.c.organisation, UPLOADS.c.superseded_by_id)
    ).all()
    organisation = {row.id: row.organisation for row in rows}
    wrongly = [
        row.id
        for row in rows
        if row.superseded_by_id is not None
        and organisation.get(row.superseded_by_id) != row.organisation
    ]
    if wrongly:
        connection.execute(
            UPLOADS.update()
            .where(UPLOADS.c.id.in_(wrongly))
            .values(superseded_by_id=None, superseded_at=None)
        )


def downgrade() -> None:
    """Fails if two organisations uploaded the same file: one of them must be removed first."""
    with _foreign_keys_unchecked(), op.batch_alter_table("aor_upload") as batch_op:
        batch_op.drop_constraint("uq_aor_upload_sha256_organisation", type_="unique")
        batch_op.create_unique_constraint(batch_op.f("uq_aor_upload_sha256"), ["sha256"])
        batch_op.drop_column("sanitised_sha256")
