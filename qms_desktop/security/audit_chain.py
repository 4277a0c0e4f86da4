"""The audit trail as a hash chain: every row carries the hash of the one before it.

Row `seq` N stores `prev_hash` (row N-1's `row_hash`) and `row_hash`, a SHA-256 over N, its own
fields exactly as stored and `prev_hash`. Changing, deleting or inserting a row anywhere but at the
end breaks a link that `verify()` finds; the database also refuses UPDATE, DELETE, REPLACE and an
INSERT that does not link to the head (migration 0005_audit_chain). A row appended by someone who
can write the table and computes the hash is indistinguishable from ours: `verify()` returns the
head (seq and hash) so an administrator can keep it elsewhere and check later that the trail still
contains it (`anchor`), which also catches rows cut off the end.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from qms_desktop.store.schema import audit_log

GENESIS = "0" * 64  # the prev_hash of row 1
# One key for every QMS process on a PostgreSQL database: appends take turns reading the head.
CHAIN_LOCK_KEY = 0x514D5341554454  # "QMSAUDT"
HASHED_FIELDS = ("at_ms", "actor", "action", "target", "detail", "from_where", "outcome")
_VERIFY_BATCH = 5000


def row_hash(seq: int, fields: Mapping[Any, Any], prev_hash: str) -> str:
    """SHA-256 (hex) over the position, the stored field values and the previous row's hash."""
    payload = [seq, *(fields[name] for name in HASHED_FIELDS), prev_hash]
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def chained(conn: Connection, fields: Mapping[str, Any]) -> dict[str, Any]:
    """`fields` plus `seq`, `prev_hash` and `row_hash` for the next row (call in the insert's
    transaction: on PostgreSQL it takes the chain's lock until commit; SQLite writers already
    take turns)."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({CHAIN_LOCK_KEY})")
    head = conn.execute(
        sa.select(audit_log.c.seq, audit_log.c.row_hash)
        .where(audit_log.c.seq.is_not(None))
        .order_by(audit_log.c.seq.desc())
        .limit(1)
    ).first()
    seq = (head.seq if head else 0) + 1
    prev = head.row_hash if head else GENESIS
    return {**fields, "seq": seq, "prev_hash": prev, "row_hash": row_hash(seq, fields, prev)}


@dataclass(frozen=True, slots=True)
class ChainReport:
    """What `verify()` found: how many rows it checked, the first broken link (if any), the head."""

    checked: int
    head_seq: int
    head_hash: str
    broken_seq: int | None = None
    broken_id: int | None = None
    problem: str | None = None

    @property
    def intact(self) -> bool:
        return self.problem is None

    def to_dict(self) -> dict[str, Any]:
        return {
            "intact": self.intact,
            "checked": self.checked,
            "head": {"seq": self.head_seq, "hash": self.head_hash},
            "brokenSeq": self.broken_seq,
            "brokenId": self.broken_id,
            "problem": self.problem,
        }


def parse_anchor(text: str) -> tuple[int, str]:
    """`SEQ:HASH` as printed by `audit verify` (ValueError with a readable message otherwise)."""
    seq_text, sep, digest = text.strip().partition(":")
    digest = digest.strip().lower()
    if not sep or not seq_text.isdigit() or len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
        raise ValueError(f"not an anchor (SEQ:HASH as printed by `audit verify`): {text!r}")
    return int(seq_text), digest


def verify(conn: Connection, anchor: tuple[int, str] | None = None) -> ChainReport:
    """Walk the chain from row 1; stop at the first broken link. `anchor` = a head seen earlier."""
    outside = conn.execute(
        sa.select(audit_log.c.id).where(audit_log.c.seq.is_(None)).order_by(audit_log.c.id).limit(1)
    ).scalar()
    checked, prev, expected = 0, GENESIS, 1
    anchor_found = anchor is None
    while True:
        rows = (
            conn.execute(
                sa.select(audit_log).where(audit_log.c.seq >= expected).order_by(audit_log.c.seq).limit(_VERIFY_BATCH)
            )
            .mappings()
            .all()
        )
        for row in rows:
            problem = _link_problem(row, expected, prev)
            if problem:
                broken_seq = min(row["seq"], expected)
                return ChainReport(checked, expected - 1, prev, broken_seq, row["id"], problem)
            if anchor is not None and row["seq"] == anchor[0]:
                if row["row_hash"] != anchor[1]:
                    return ChainReport(
                        checked, expected - 1, prev, row["seq"], row["id"], "this row is not the one anchored"
                    )
                anchor_found = True
            checked += 1
            prev = row["row_hash"]
            expected += 1
        if len(rows) < _VERIFY_BATCH:
            break
    head = expected - 1
    if outside is not None:
        return ChainReport(checked, head, prev, None, outside, "a row outside the chain (written past the triggers)")
    if not anchor_found:
        assert anchor is not None
        problem = f"the anchored row {anchor[0]} is gone: the trail ends at row {head}"
        return ChainReport(checked, head, prev, anchor[0], None, problem)
    return ChainReport(checked, head, prev)


def _link_problem(row: sa.RowMapping, expected: int, prev: str) -> str | None:
    if row["seq"] != expected:
        gone = f"row {expected} is" if row["seq"] == expected + 1 else f"rows {expected}-{row['seq'] - 1} are"
        return f"{gone} missing (deleted)"
    if row["prev_hash"] != prev:
        return "does not link to the row before it (a row was replaced, inserted or deleted)"
    if row["row_hash"] != row_hash(row["seq"], row, prev):
        return "its content does not match its hash (the row was changed)"
    return None
