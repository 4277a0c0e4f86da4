"""Failed sign-ins per user and per workstation: delays and lockout.

Revision ID: 0006_sign_in_throttle
Revises: 0005_audit_chain
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_sign_in_throttle"
down_revision = "0005_audit_chain"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sign_in_failures",
        sa.Column("key_kind", sa.String(8), nullable=False),
        sa.Column("key", sa.String(255), nullable=False),
        sa.Column("failures", sa.Integer(), server_default="0", nullable=False),
        sa.Column("last_failure_ms", sa.BigInteger(), nullable=False),
        sa.Column("locked_until_ms", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("hard_locked", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.CheckConstraint("key_kind IN ('user', 'host')", name="ck_sign_in_failures_key_kind"),
        sa.PrimaryKeyConstraint("key_kind", "key", name="pk_sign_in_failures"),
    )
    op.create_index("ix_sign_in_failures_last_failure", "sign_in_failures", ["last_failure_ms"])


def downgrade() -> None:
    op.drop_index("ix_sign_in_failures_last_failure", table_name="sign_in_failures")
    op.drop_table("sign_in_failures")
