"""Caller and called numbers searchable by any part, and free-text prefixes, in milliseconds.

SQLite: an FTS5 table `recording_numbers(ani, dnis)` with the trigram tokenizer, rowid =
recordings.id, kept by the full-text backend in the writer's transaction (like `recordings_fts`),
filled here for the rows already stored; and `search_words`, the words with a letter in them,
which turn a free-text prefix into the words it starts (see fulltext.py). PostgreSQL: `pg_trgm`
GIN indexes on ani and dnis, which serve the substring condition (ILIKE) as it is; where the
extension cannot be created (not installed, no privilege) the search stays a scan and nothing
else changes.

Revision ID: 0012_number_search
Revises: 0011_queues_saved_searches
Create Date: 2026-12-02
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from alembic import op

revision = "0012_number_search"
down_revision = "0011_queues_saved_searches"
branch_labels = None
depends_on = None

log = logging.getLogger(__name__)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        # columnsize=0: no per-row token counts (they serve ranking, which a number search does not
        # use); about a third less work for every row the sync writes.
        op.execute("CREATE VIRTUAL TABLE recording_numbers USING fts5(ani, dnis, tokenize = 'trigram', columnsize = 0)")
        op.execute(
            "INSERT INTO recording_numbers (rowid, ani, dnis) SELECT id, ani, dnis FROM recordings"
            " WHERE ani IS NOT NULL OR dnis IS NOT NULL ORDER BY id"
        )
        # As recordings_fts: a recording deleted (by hand: the app never deletes one) takes its entry
        # along, or a new recording that reuses its id could not be indexed. Costs nothing on insert.
        op.execute(
            "CREATE TRIGGER recording_numbers_delete AFTER DELETE ON recordings "
            "BEGIN DELETE FROM recording_numbers WHERE rowid = old.id; END"
        )
        # The words with a letter in them, from the full-text index as it stands (see fulltext.py).
        op.execute("CREATE TABLE search_words (word TEXT PRIMARY KEY) WITHOUT ROWID")
        op.execute("CREATE VIRTUAL TABLE temp.recordings_fts_words USING fts5vocab(main, recordings_fts, row)")
        op.execute(
            "INSERT INTO search_words (word) SELECT term FROM temp.recordings_fts_words WHERE term GLOB '*[^0-9]*'"
        )
        op.execute("DROP TABLE temp.recordings_fts_words")
        return
    # A savepoint: a refused CREATE EXTENSION (or an operator class we may not use) must not abort
    # the rest of the upgrade.
    savepoint = bind.begin_nested()
    try:
        bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        # The extension may already live in another schema than ours (a DBA's, or another
        # deployment's in the same database), off our search_path: name its operator class in full.
        schema = bind.exec_driver_sql(
            "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace"
            " WHERE e.extname = 'pg_trgm'"
        ).scalar_one()
        opclass = '"{}".gin_trgm_ops'.format(schema.replace('"', '""'))
        for column in ("ani", "dnis"):
            # On the column itself: the substring condition is `ani ILIKE '%part%'`, which these serve.
            bind.exec_driver_sql(
                f"CREATE INDEX ix_recordings_{column}_trgm ON recordings USING gin ({column} {opclass})"
            )
    except sa.exc.DBAPIError as error:
        savepoint.rollback()
        log.warning("pg_trgm is not available (%s): number search stays a scan", str(error.orig).splitlines()[0])
        return
    savepoint.commit()


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS recording_numbers_delete")
        op.execute("DROP TABLE IF EXISTS recording_numbers")
        op.execute("DROP TABLE IF EXISTS search_words")
    else:
        for column in ("ani", "dnis"):
            op.execute(f"DROP INDEX IF EXISTS ix_recordings_{column}_trgm")
