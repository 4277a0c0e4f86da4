"""A hash chain over the audit trail; every path that could rewrite it refused.

Each row gets its position (`seq`), the previous row's hash and its own (security/audit_chain.py;
rows written before this revision are chained here, in id order). The database now also refuses:
- on SQLite, `REPLACE INTO` / `INSERT OR REPLACE` (a conflict deletes the old row without firing
  the DELETE trigger): an INSERT whose id already exists is refused;
- on both, an INSERT that does not link to the head of the chain (a forged row typed by hand).
What the triggers cannot stop (their owner switching them off) `audit verify` detects.

Revision ID: 0005_audit_chain
Revises: 0004_playback_slots
Create Date: 2026-12-02
"""

from __future__ import annotations

import hashlib
import json

import sqlalchemy as sa
from alembic import op

revision = "0005_audit_chain"
down_revision = "0004_playback_slots"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
GENESIS = "0" * 64
FIELDS = ("at_ms", "actor", "action", "target", "detail", "from_where", "outcome")
_REFUSAL = "audit_log is append-only: a new row must link to the last one (see audit verify)"
_REPLACE = "audit_log is append-only: audit rows cannot be replaced"


def _hash(seq: int, row: sa.RowMapping, prev: str) -> str:
    # A copy of audit_chain.row_hash: a migration must not change when the app's code does.
    payload = [seq, *(row[name] for name in FIELDS), prev]
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()).hexdigest()


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.add_column("audit_log", sa.Column("seq", ID, nullable=True))
    op.add_column("audit_log", sa.Column("prev_hash", sa.String(length=64), nullable=True))
    op.add_column("audit_log", sa.Column("row_hash", sa.String(length=64), nullable=True))
    _chain_existing_rows(sqlite)
    op.create_index("ux_audit_log_seq", "audit_log", ["seq"], unique=True)
    if sqlite:
        _sqlite_triggers()
    else:
        _postgres_trigger()


def _chain_existing_rows(sqlite: bool) -> None:
    bind = op.get_bind()
    # The UPDATE trigger of 0002 refuses exactly what this one-off backfill must do.
    if sqlite:
        op.execute("DROP TRIGGER audit_log_no_update")
    else:
        op.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change")
    table = sa.table(
        "audit_log",
        *(sa.column(name) for name in ("id", *FIELDS, "seq", "prev_hash", "row_hash")),
    )
    rows = bind.execute(sa.select(table).order_by(table.c.id)).mappings().all()
    prev = GENESIS
    for seq, row in enumerate(rows, start=1):
        digest = _hash(seq, row, prev)
        bind.execute(table.update().where(table.c.id == row["id"]).values(seq=seq, prev_hash=prev, row_hash=digest))
        prev = digest
    if sqlite:
        op.execute(
            "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
            "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: audit rows cannot be changed or deleted'); END"
        )
    else:
        op.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change")


def _sqlite_triggers() -> None:
    op.execute(
        "CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log "
        "WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id) "
        f"BEGIN SELECT RAISE(ABORT, '{_REPLACE}'); END"
    )
    op.execute(
        "CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log "
        "WHEN NEW.seq IS NOT (SELECT COALESCE(MAX(seq), 0) + 1 FROM audit_log) "
        "OR NEW.prev_hash IS NOT COALESCE((SELECT row_hash FROM audit_log WHERE seq IS NOT NULL "
        "ORDER BY seq DESC LIMIT 1), "
        f"'{GENESIS}') OR NEW.row_hash IS NULL "
        f"BEGIN SELECT RAISE(ABORT, '{_REFUSAL}'); END"
    )


def _postgres_trigger() -> None:
    op.execute(
        "CREATE FUNCTION audit_log_chain_check() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "DECLARE head_seq bigint; head_hash text; "
        "BEGIN "
        "SELECT seq, row_hash INTO head_seq, head_hash FROM audit_log WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1; "
        f"IF NEW.seq IS DISTINCT FROM COALESCE(head_seq, 0) + 1 "
        f"OR NEW.prev_hash IS DISTINCT FROM COALESCE(head_hash, '{GENESIS}') OR NEW.row_hash IS NULL THEN "
        f"RAISE EXCEPTION '{_REFUSAL}' USING ERRCODE = 'insufficient_privilege'; "
        "END IF; RETURN NEW; END $$"
    )
    op.execute(
        "CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log "
        "FOR EACH ROW EXECUTE FUNCTION audit_log_chain_check()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_log_chain")
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_replace")
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_log_chain ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS audit_log_chain_check()")
    op.drop_index("ux_audit_log_seq", table_name="audit_log")
    # Plain ALTER TABLE (SQLite >= 3.35): a batch copy would drop the table's 0002 triggers.
    for column in ("row_hash", "prev_hash", "seq"):
        op.execute(f"ALTER TABLE audit_log DROP COLUMN {column}")
