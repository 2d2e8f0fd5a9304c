"""staff corrections of AOR readings, kept beside the original reading

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29 13:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "aor_original_reading",
        sa.Column("aor_id", sa.Integer(), nullable=False),
        sa.Column("reading", sa.JSON(), nullable=False),
        sa.Column("kept_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["aor_id"], ["aor_upload.id"], name=op.f("fk_aor_original_reading_aor_id_aor_upload")
        ),
        sa.PrimaryKeyConstraint("aor_id", name=op.f("pk_aor_original_reading")),
    )
    op.create_table(
        "aor_correction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("aor_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=80), nullable=False),
        sa.Column("old_value", sa.JSON(), nullable=True),
        sa.Column("new_value", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["aor_id"], ["aor_upload.id"], name=op.f("fk_aor_correction_aor_id_aor_upload")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user_account.id"], name=op.f("fk_aor_correction_user_id_user_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aor_correction")),
    )
    with op.batch_alter_table("aor_correction", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_aor_correction_aor_id"), ["aor_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("aor_correction", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_aor_correction_aor_id"))
    op.drop_table("aor_correction")
    op.drop_table("aor_original_reading")
