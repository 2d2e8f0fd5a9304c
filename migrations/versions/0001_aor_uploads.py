"""AOR uploads

Revision ID: 0001
Revises:
Create Date: 2026-11-23 11:03:37.550965
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "aor_upload",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("case_number", sa.String(length=16), nullable=True),
        sa.Column("cin", sa.String(length=16), nullable=True),
        sa.Column("report_month", sa.String(length=7), nullable=True),
        sa.Column("provider", sa.String(length=200), nullable=True),
        sa.Column("reading", sa.JSON(), nullable=False),
        sa.Column("superseded_by_id", sa.Integer(), nullable=True),
        sa.Column("superseded_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["superseded_by_id"],
            ["aor_upload.id"],
            name=op.f("fk_aor_upload_superseded_by_id_aor_upload"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aor_upload")),
        sa.UniqueConstraint("sha256", name=op.f("uq_aor_upload_sha256")),
    )
    with op.batch_alter_table("aor_upload", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_aor_upload_case_number"), ["case_number"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_aor_upload_cin"), ["cin"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_aor_upload_report_month"), ["report_month"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("aor_upload", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_aor_upload_report_month"))
        batch_op.drop_index(batch_op.f("ix_aor_upload_cin"))
        batch_op.drop_index(batch_op.f("ix_aor_upload_case_number"))

    op.drop_table("aor_upload")
