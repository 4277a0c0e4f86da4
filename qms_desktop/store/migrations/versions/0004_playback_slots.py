"""Playback slots shared by every process (the per-user stream limit).

Revision ID: 0004_playback_slots
Revises: 0003_search_index_queue
Create Date: 2026-12-02
"""

from __future__ import annotations

revision = "0004_playback_slots"
down_revision = "0003_search_index_queue"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
