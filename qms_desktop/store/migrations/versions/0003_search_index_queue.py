"""Search indexing backlog: session ids whose OpenSearch document must be written.

Revision ID: 0003_search_index_queue
Revises: 0002_security
Create Date: 2025-01-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_search_index_queue"
down_revision = "0002_security"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "search_index_queue",
        sa.Column("session_id", sa.String(), nullable=False),
        sa.Column("generation", sa.Integer(), server_default="1", nullable=False),
        sa.Column("first_enqueued_ms", sa.BigInteger(), nullable=False),
        sa.Column("enqueued_ms", sa.BigInteger(), nullable=False),
        sa.Column("attempts", sa.Integer(), server_default="0", nullable=False),
        sa.Column("next_attempt_ms", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("session_id", name="pk_search_index_queue"),
    )
    op.create_index("ix_search_index_queue_due", "search_index_queue", ["next_attempt_ms"])


def downgrade() -> None:
    op.drop_index("ix_search_index_queue_due", table_name="search_index_queue")
    op.drop_table("search_index_queue")
