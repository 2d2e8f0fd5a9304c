"""accounts, audit trail, document history, routing slips

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 12:23:33.016846
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("role", sa.String(length=16), nullable=True),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("method", sa.String(length=8), nullable=False),
        sa.Column("record_type", sa.String(length=32), nullable=True),
        sa.Column("record_id", sa.String(length=64), nullable=True),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("remote_addr", sa.String(length=45), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_event")),
    )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_event_action"), ["action"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_event_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_event_record_id"), ["record_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_audit_event_record_type"), ["record_type"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_audit_event_user_id"), ["user_id"], unique=False)

    op.create_table(
        "user_account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("unit", sa.String(length=32), nullable=True),
        sa.Column("worker_number", sa.String(length=16), nullable=True),
        sa.Column("provider", sa.String(length=120), nullable=True),
        sa.Column("password_hash", sa.String(length=255), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_account")),
        sa.UniqueConstraint("username", name=op.f("uq_user_account_username")),
    )
    op.create_table(
        "api_token",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("label", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user_account.id"], name=op.f("fk_api_token_user_id_user_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_token")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_api_token_token_hash")),
    )
    with op.batch_alter_table("api_token", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_api_token_user_id"), ["user_id"], unique=False)

    op.create_table(
        "case_assignment",
        sa.Column("case_number", sa.String(length=16), nullable=False),
        sa.Column("ec_id", sa.Integer(), nullable=False),
        sa.Column("unit", sa.String(length=32), nullable=True),
        sa.Column("assigned_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["ec_id"], ["user_account.id"], name=op.f("fk_case_assignment_ec_id_user_account")
        ),
        sa.PrimaryKeyConstraint("case_number", name=op.f("pk_case_assignment")),
    )
    with op.batch_alter_table("case_assignment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_assignment_ec_id"), ["ec_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_assignment_unit"), ["unit"], unique=False)

    op.create_table(
        "generated_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("form_id", sa.String(length=16), nullable=False),
        sa.Column("case_number", sa.String(length=16), nullable=True),
        sa.Column("input", sa.JSON(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("filename", sa.String(length=120), nullable=False),
        sa.Column("mimetype", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user_account.id"],
            name=op.f("fk_generated_document_user_id_user_account"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_generated_document")),
    )
    with op.batch_alter_table("generated_document", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_generated_document_case_number"), ["case_number"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_generated_document_created_at"), ["created_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_generated_document_form_id"), ["form_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_generated_document_user_id"), ["user_id"], unique=False
        )

    op.create_table(
        "routing_slip",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_number", sa.String(length=16), nullable=False),
        sa.Column("action", sa.String(length=24), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("unit", sa.String(length=32), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("approved_by_id", sa.Integer(), nullable=True),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sent_back_reason", sa.Text(), nullable=True),
        sa.Column("routed_to", sa.String(length=80), nullable=True),
        sa.Column("routed_on", sa.Date(), nullable=True),
        sa.Column("routed_initials", sa.String(length=8), nullable=True),
        sa.Column("routed_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["approved_by_id"],
            ["user_account.id"],
            name=op.f("fk_routing_slip_approved_by_id_user_account"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user_account.id"],
            name=op.f("fk_routing_slip_created_by_id_user_account"),
        ),
        sa.ForeignKeyConstraint(
            ["routed_by_id"],
            ["user_account.id"],
            name=op.f("fk_routing_slip_routed_by_id_user_account"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_routing_slip")),
    )
    with op.batch_alter_table("routing_slip", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_routing_slip_case_number"), ["case_number"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_routing_slip_created_by_id"), ["created_by_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_routing_slip_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_routing_slip_unit"), ["unit"], unique=False)

    op.create_table(
        "slip_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slip_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("step", sa.String(length=24), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["slip_id"], ["routing_slip.id"], name=op.f("fk_slip_event_slip_id_routing_slip")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user_account.id"], name=op.f("fk_slip_event_user_id_user_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_slip_event")),
    )
    with op.batch_alter_table("slip_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_slip_event_slip_id"), ["slip_id"], unique=False)

    with op.batch_alter_table("aor_upload", schema=None) as batch_op:
        batch_op.add_column(sa.Column("uploaded_by_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("organisation", sa.String(length=120), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_aor_upload_organisation"), ["organisation"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_aor_upload_uploaded_by_id"), ["uploaded_by_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_aor_upload_uploaded_by_id_user_account"),
            "user_account",
            ["uploaded_by_id"],
            ["id"],
        )
    _append_only_audit()


def _append_only_audit() -> None:
    """The audit trail refuses UPDATE and DELETE in the database itself."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION audit_event_append_only() RETURNS trigger AS $$ "
            "BEGIN RAISE EXCEPTION 'audit_event is append-only'; END; $$ LANGUAGE plpgsql"
        )
        op.execute(
            "CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event "
            "FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()"
        )
        return
    for verb in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER audit_event_no_{verb.lower()} BEFORE {verb} ON audit_event "
            "BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER audit_event_no_change ON audit_event")
        op.execute("DROP FUNCTION audit_event_append_only()")
    else:
        op.execute("DROP TRIGGER audit_event_no_update")
        op.execute("DROP TRIGGER audit_event_no_delete")
    with op.batch_alter_table("aor_upload", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_aor_upload_uploaded_by_id_user_account"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_aor_upload_uploaded_by_id"))
        batch_op.drop_index(batch_op.f("ix_aor_upload_organisation"))
        batch_op.drop_column("organisation")
        batch_op.drop_column("uploaded_by_id")

    with op.batch_alter_table("slip_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_slip_event_slip_id"))

    op.drop_table("slip_event")
    with op.batch_alter_table("routing_slip", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_routing_slip_unit"))
        batch_op.drop_index(batch_op.f("ix_routing_slip_status"))
        batch_op.drop_index(batch_op.f("ix_routing_slip_created_by_id"))
        batch_op.drop_index(batch_op.f("ix_routing_slip_case_number"))

    op.drop_table("routing_slip")
    with op.batch_alter_table("generated_document", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_generated_document_user_id"))
        batch_op.drop_index(batch_op.f("ix_generated_document_form_id"))
        batch_op.drop_index(batch_op.f("ix_generated_document_created_at"))
        batch_op.drop_index(batch_op.f("ix_generated_document_case_number"))

    op.drop_table("generated_document")
    with op.batch_alter_table("case_assignment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_assignment_unit"))
        batch_op.drop_index(batch_op.f("ix_case_assignment_ec_id"))

    op.drop_table("case_assignment")
    with op.batch_alter_table("api_token", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_api_token_user_id"))

    op.drop_table("api_token")
    op.drop_table("user_account")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_event_user_id"))
        batch_op.drop_index(batch_op.f("ix_audit_event_record_type"))
        batch_op.drop_index(batch_op.f("ix_audit_event_record_id"))
        batch_op.drop_index(batch_op.f("ix_audit_event_at"))
        batch_op.drop_index(batch_op.f("ix_audit_event_action"))

    op.drop_table("audit_event")
