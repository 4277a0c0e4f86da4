"""Reconciliation of late sessions: how many a run found, and when the last reconciliation ran.

Revision ID: 0007_sync_reconcile
Revises: 0006_sign_in_throttle
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_sync_reconcile"
down_revision = "0006_sign_in_throttle"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("sync_runs", sa.Column("late_found", sa.Integer(), server_default="0", nullable=False))
    op.add_column("sync_state", sa.Column("reconciled_at_ms", sa.BigInteger(), nullable=True))
    op.add_column("sync_state", sa.Column("settled_through_ms", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_state") as batch:
        batch.drop_column("settled_through_ms")
        batch.drop_column("reconciled_at_ms")
    with op.batch_alter_table("sync_runs") as batch:
        batch.drop_column("late_found")
