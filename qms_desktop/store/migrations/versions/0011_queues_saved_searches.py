"""Review playlists, listening positions and saved searches.

A user's review playlist (`review_queues`, `review_queue_items`) and where they stand in it, where
they stopped in each recording (`listening_positions`), and named filters of the Recordings tab
(`saved_searches`) with when each user last opened one (`saved_search_opens`), so the list can say
how many matches are new.

Revision ID: 0011_queues_saved_searches
Revises: 0008_session_ccid
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_queues_saved_searches"
down_revision = "0010_reviews"
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
Ms = sa.BigInteger


def upgrade() -> None:
    op.create_table(
        "review_queues",
        sa.Column("username", sa.String(64), primary_key=True),
        sa.Column("title", sa.String, nullable=False),
        sa.Column("seed", sa.Integer),
        sa.Column("current_position", sa.Integer, nullable=False, server_default="0"),
        sa.Column("created_at_ms", Ms, nullable=False),
        sa.Column("updated_at_ms", Ms, nullable=False),
    )
    op.create_table(
        "review_queue_items",
        sa.Column(
            "username", sa.String(64), sa.ForeignKey("review_queues.username", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("session_id", sa.String, nullable=False),
    )
    op.create_table(
        "listening_positions",
        sa.Column("username", sa.String(64), primary_key=True),
        sa.Column("session_id", sa.String, primary_key=True),
        sa.Column("position_ms", Ms, nullable=False),
        sa.Column("updated_at_ms", Ms, nullable=False),
    )
    op.create_table(
        "saved_searches",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("owner", sa.String(64), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("shared", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("query", sa.Text, nullable=False),
        sa.Column("panel", sa.Text, nullable=False),
        sa.Column("created_at_ms", Ms, nullable=False),
        sa.UniqueConstraint("owner", "name", name="uq_saved_searches_owner_name"),
    )
    op.create_table(
        "saved_search_opens",
        sa.Column("search_id", Id, sa.ForeignKey("saved_searches.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("username", sa.String(64), primary_key=True),
        sa.Column("opened_at_ms", Ms, nullable=False),
    )


def downgrade() -> None:
    for table in ("saved_search_opens", "saved_searches", "listening_positions", "review_queue_items", "review_queues"):
        op.drop_table(table)
