"""Playback slots shared by every process (the per-user stream limit).

Revision ID: 0004_playback_slots
Revises: 0003_search_index_queue
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_playback_slots"
down_revision = "0003_search_index_queue"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "playback_slots",
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("slot_no", sa.SmallInteger(), nullable=False),
        sa.Column("lease", sa.String(32), nullable=False),
        sa.Column("holder", sa.String(), nullable=False),
        sa.Column("session_id", sa.String(), nullable=True),
        sa.Column("track", sa.Integer(), nullable=True),
        sa.Column("acquired_ms", sa.BigInteger(), nullable=False),
        sa.Column("expires_ms", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("username", "slot_no", name="pk_playback_slots"),
    )


def downgrade() -> None:
    op.drop_table("playback_slots")
