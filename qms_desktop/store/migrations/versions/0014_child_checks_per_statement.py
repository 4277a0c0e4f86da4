"""PostgreSQL: a recording's tracks, participants and tags are checked against it once a statement.

A foreign key checks each child row on its own: a lookup of its recording that also locks the
recording's row (`FOR KEY SHARE`), for the ~6 child rows of every synced session. That was about a
third of the server's time per session on a sync's first load (tests/benchmarks/bench_sync.py
with `--database postgres`). The same rules now hold per statement, from the statement's
transition tables:

- a statement that inserts or updates child rows fails with a foreign-key violation (SQLSTATE 23503,
  as before) when any of them names no recording: one anti-join over the rows it wrote;
- deleting recordings deletes their child rows (what ON DELETE CASCADE did), one statement a table.

What the per-row lock guarded against (a recording deleted by another transaction between a child
row's insert and its commit) cannot happen through the app: it never deletes a recording, and the
sync writes child rows only in a transaction that also inserts or updates (so locks) their
recording. SQLite keeps its foreign keys: there a check is one B-tree probe, without a lock. The
full-text documents' foreign key (one row a session) stays: checking it per statement measured no
difference.

Revision ID: 0014_child_checks_per_statement
Revises: 0013_drop_number_btrees
Create Date: 2026-12-03
"""

from __future__ import annotations

from alembic import op

revision = "0014_child_checks_per_statement"
down_revision = "0013_drop_number_btrees"
branch_labels = None
depends_on = None

CHILD_TABLES = ("recording_tracks", "recording_participants", "recording_tags")


def _foreign_key(table: str) -> str:
    return f"fk_{table}_recording_id_recordings"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        """
        CREATE FUNCTION recording_children_have_recordings() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF EXISTS (
                SELECT 1 FROM written w WHERE NOT EXISTS (SELECT 1 FROM recordings r WHERE r.id = w.recording_id)
            ) THEN
                RAISE EXCEPTION 'a row of % names no recording', TG_TABLE_NAME
                    USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME;
            END IF;
            RETURN NULL;
        END $$
        """
    )
    op.execute(
        """
        CREATE FUNCTION recordings_delete_children() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            DELETE FROM recording_tracks WHERE recording_id IN (SELECT id FROM removed);
            DELETE FROM recording_participants WHERE recording_id IN (SELECT id FROM removed);
            DELETE FROM recording_tags WHERE recording_id IN (SELECT id FROM removed);
            RETURN NULL;
        END $$
        """
    )
    for table in CHILD_TABLES:
        op.execute(f"ALTER TABLE {table} DROP CONSTRAINT {_foreign_key(table)}")
        for action in ("INSERT", "UPDATE"):
            op.execute(
                f"CREATE TRIGGER {table}_recording_{action.lower()} AFTER {action} ON {table} "
                "REFERENCING NEW TABLE AS written FOR EACH STATEMENT "
                "EXECUTE FUNCTION recording_children_have_recordings()"
            )
    op.execute(
        "CREATE TRIGGER recordings_delete_children AFTER DELETE ON recordings "
        "REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION recordings_delete_children()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER recordings_delete_children ON recordings")
    for table in CHILD_TABLES:
        for action in ("insert", "update"):
            op.execute(f"DROP TRIGGER {table}_recording_{action} ON {table}")
        op.execute(
            f"ALTER TABLE {table} ADD CONSTRAINT {_foreign_key(table)} FOREIGN KEY (recording_id) "
            "REFERENCES recordings (id) ON DELETE CASCADE"
        )
    op.execute("DROP FUNCTION recordings_delete_children()")
    op.execute("DROP FUNCTION recording_children_have_recordings()")
