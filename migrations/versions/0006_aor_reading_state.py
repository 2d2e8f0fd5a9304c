"""AOR reading state (reading, read, needs review) and OCR confidences

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 13:40:00
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("aor_upload") as batch_op:
        # Every upload stored before scans were read was read in its own request.
        batch_op.add_column(
            sa.Column("status", sa.String(length=16), server_default="read", nullable=False)
        )
        batch_op.add_column(sa.Column("failure", sa.String(length=500), nullable=True))
        batch_op.add_column(sa.Column("ocr", sa.JSON(), nullable=True))
        batch_op.create_index(batch_op.f("ix_aor_upload_status"), ["status"], unique=False)


def downgrade() -> None:
    with _foreign_keys_unchecked(), op.batch_alter_table("aor_upload") as batch_op:
        batch_op.drop_index(batch_op.f("ix_aor_upload_status"))
        batch_op.drop_column("ocr")
        batch_op.drop_column("failure")
        batch_op.drop_column("status")


@contextmanager
def _foreign_keys_unchecked() -> Iterator[None]:
    """SQLite drops a column by copying the table; replaced uploads point at the table's name
    (superseded_by_id), so the old table must go before their references are checked."""
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        op.execute("PRAGMA foreign_keys = OFF")
        op.execute("PRAGMA defer_foreign_keys = ON")
    yield
    if sqlite:
        op.execute("PRAGMA foreign_keys = ON")
