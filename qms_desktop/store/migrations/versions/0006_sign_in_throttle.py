"""Failed sign-ins per user and per workstation: delays and lockout.

Revision ID: 0006_sign_in_throttle
Revises: 0005_audit_chain
Create Date: 2026-12-02
"""

from __future__ import annotations

revision = "0006_sign_in_throttle"
down_revision = "0005_audit_chain"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
