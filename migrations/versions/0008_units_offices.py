"""units and offices kept by the admin; the one-time first-run link

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 09:15:00
"""

from __future__ import annotations

import datetime as dt
import re

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# Tables that named a unit in free text before units were a list.
_UNIT_COLUMNS = ("user_account", "case_assignment", "routing_slip")


def _unit_code(text: str) -> str:
    """A copy of service.units.unit_code as it was at this revision (migrations stay frozen):
    "Unit 17", "unit17", "u 17" and "U17" all become "U17"."""
    key = re.sub(r"[\s\-_.]+", "", text).upper()
    key = re.sub(r"^(UNIT|U)(?=\d)", "", key)
    key = key.removeprefix("UNIT") or key
    return f"U{key}" if key.isdigit() else key


def upgrade() -> None:
    op.create_table(
        "office",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("county", sa.String(length=40), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("retired_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_office")),
        sa.UniqueConstraint("county", "code", name=op.f("uq_office_county")),
    )
    op.create_table(
        "unit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("retired_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["office_id"], ["office.id"], name=op.f("fk_unit_office_id_office")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unit")),
        sa.UniqueConstraint("code", name=op.f("uq_unit_code")),
    )
    op.create_table(
        "setup_token",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_setup_token")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_setup_token_token_hash")),
    )
    _units_from_free_text()


def _units_from_free_text() -> None:
    """One unit per distinct spelling-insensitive value already typed, and those values
    rewritten to the unit's code, so "Unit 17" and "U17" become one unit."""
    connection = op.get_bind()
    spellings: set[str] = set()
    for table in _UNIT_COLUMNS:
        rows = connection.execute(sa.text(f"SELECT DISTINCT unit FROM {table}"))
        spellings.update(row[0] for row in rows if row[0] and row[0].strip())
    codes = sorted({_unit_code(spelling) for spelling in spellings})
    now = dt.datetime.now(dt.UTC)
    for code in codes:
        name = f"Unit {code[1:]}" if code[1:].isdigit() else code
        connection.execute(
            sa.text("INSERT INTO unit (code, name, created_at) VALUES (:code, :name, :at)"),
            {"code": code, "name": name, "at": now},
        )
    for spelling in spellings:
        for table in _UNIT_COLUMNS:
            connection.execute(
                sa.text(f"UPDATE {table} SET unit = :code WHERE unit = :spelling"),
                {"code": _unit_code(spelling), "spelling": spelling},
            )


def downgrade() -> None:
    op.drop_table("setup_token")
    op.drop_table("unit")
    op.drop_table("office")
