"""Reviews: the parts of each recording each listener heard, and the recordings marked reviewed.

Revision ID: 0010_reviews
Revises: 0008_session_ccid
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_reviews"
down_revision = "0009_notes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "review_heard",
        sa.Column("session_id", sa.String(), nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("intervals", sa.Text(), nullable=False),
        sa.Column("heard_ms", sa.BigInteger(), nullable=False),
        sa.Column("updated_ms", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("session_id", "username", name="pk_review_heard"),
    )
    op.create_index("ix_review_heard_username", "review_heard", ["username", "session_id"])
    op.create_table(
        "review_marks",
        sa.Column("session_id", sa.String(), nullable=False),
        sa.Column("reviewed_by", sa.String(64), nullable=False),
        sa.Column("reviewed_ms", sa.BigInteger(), nullable=False),
        sa.Column("heard_percent", sa.SmallInteger(), nullable=True),
        sa.PrimaryKeyConstraint("session_id", name="pk_review_marks"),
    )


def downgrade() -> None:
    op.drop_table("review_marks")
    op.drop_index("ix_review_heard_username", table_name="review_heard")
    op.drop_table("review_heard")
