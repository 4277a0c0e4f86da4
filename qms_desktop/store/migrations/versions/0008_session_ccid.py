"""One call, one item: the index that groups a call's sessions by their shared `ccid`.

A hold or a transfer splits one call into several MediaSense sessions sharing the call controller's
call id (`ccid`). The column has been stored since 0001_initial; this index makes "the other
segments of this call" one index probe (ccid, then a start-time range), so the recordings search can
show each call once without slowing down at a million rows.

Revision ID: 0008_session_ccid
Revises: 0007_sync_reconcile
Create Date: 2026-12-04
"""

from __future__ import annotations

from alembic import op

revision = "0008_session_ccid"
down_revision = "0007_sync_reconcile"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_recordings_ccid_start", "recordings", ["ccid", "start_ms"])


def downgrade() -> None:
    op.drop_index("ix_recordings_ccid_start", table_name="recordings")
