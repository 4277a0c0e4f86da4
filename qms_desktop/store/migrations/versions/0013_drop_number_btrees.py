"""Drop the B-tree indexes on recordings.ani and recordings.dnis.

No query of the app uses them: a number part is a substring search, answered by the trigram index
of 0012_number_search (FTS5 on SQLite, pg_trgm on PostgreSQL), and no plan of the Recordings search,
the sync or the directory picks them (tests/benchmarks/bench_sync_growth.py lists the plans). Each
cost every synced row two random B-tree inserts.

Revision ID: 0013_drop_number_btrees
Revises: 0012_number_search
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op

revision = "0013_drop_number_btrees"
down_revision = "0012_number_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_recordings_ani", table_name="recordings")
    op.drop_index("ix_recordings_dnis", table_name="recordings")


def downgrade() -> None:
    op.create_index("ix_recordings_ani", "recordings", ["ani"])
    op.create_index("ix_recordings_dnis", "recordings", ["dnis"])
