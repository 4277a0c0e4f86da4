"""Playback slots: the per-user stream limit, counted where every process on this database sees it.

A user has slot numbers 0..limit-1. A playback claims a free one under a random lease and its
process renews the lease while the playback lives; ending it frees the slot, and so does a lease
nobody renewed (a killed or hung process). Rows are reused, never deleted: the table stays at
(users × limit) rows and a workstation role needs no DELETE on it.

Expiry is measured on one clock, the database's: PostgreSQL's `clock_timestamp()`, and for SQLite
(one file on one machine) that machine's clock. Workstations whose clocks disagree therefore agree
on when a lease runs out. A renewal succeeds as long as the lease is still in its row (nobody
claimed the slot since), however late it comes, so a clock step or a slow beat frees nothing that
is in use unless another playback has really taken its place.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy import Connection

from qms_desktop.store.engine import database_now_ms
from qms_desktop.store.schema import playback_slots

# pg_advisory_xact_lock(class, hashtext(username)): claims of one user are serialised, others not.
_PG_LOCK_CLASS = 0x514D5350  # "QMSP"


@dataclass(frozen=True, slots=True)
class SlotLease:
    username: str
    slot_no: int
    lease: str
    expires_ms: int  # the database's clock


@dataclass(frozen=True, slots=True)
class SlotRow:
    username: str
    slot_no: int
    holder: str
    session_id: str | None
    track: int | None
    acquired_ms: int
    expires_ms: int


def claim_slot(
    conn: Connection,
    *,
    username: str,
    limit: int,
    holder: str,
    ttl_ms: int,
    session_id: str | None = None,
    track: int | None = None,
) -> SlotLease | None:
    """A free slot of `username` below `limit`, or None when all are held. Call inside `begin_write`
    (on SQLite that is BEGIN IMMEDIATE, which serialises claims; PostgreSQL takes a per-user lock)."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.select(sa.func.pg_advisory_xact_lock(_PG_LOCK_CLASS, sa.func.hashtext(username))))
    now = database_now_ms(conn)
    rows = conn.execute(
        sa.select(playback_slots.c.slot_no, playback_slots.c.expires_ms).where(playback_slots.c.username == username)
    ).all()
    held = {slot_no for slot_no, expires_ms in rows if expires_ms > now}
    free = next((n for n in range(limit) if n not in held), None)
    if free is None:
        return None
    values = {
        "lease": secrets.token_hex(16),
        "holder": holder,
        "session_id": session_id,
        "track": track,
        "acquired_ms": now,
        "expires_ms": now + ttl_ms,
    }
    if any(slot_no == free for slot_no, _ in rows):
        conn.execute(
            sa.update(playback_slots)
            .where(playback_slots.c.username == username, playback_slots.c.slot_no == free)
            .values(**values)
        )
    else:
        conn.execute(sa.insert(playback_slots).values(username=username, slot_no=free, **values))
    return SlotLease(username, free, str(values["lease"]), now + ttl_ms)


def _mine(lease: SlotLease) -> sa.ColumnElement[bool]:
    return sa.and_(
        playback_slots.c.username == lease.username,
        playback_slots.c.slot_no == lease.slot_no,
        playback_slots.c.lease == lease.lease,
    )


def renew_slots(conn: Connection, leases: list[SlotLease], ttl_ms: int) -> list[SlotLease]:
    """Push each lease's expiry to now + ttl_ms; returns the leases that were lost (another playback
    took the slot after it had expired). Those playbacks must end."""
    until = database_now_ms(conn) + ttl_ms
    lost = []
    for lease in leases:
        if conn.execute(sa.update(playback_slots).where(_mine(lease)).values(expires_ms=until)).rowcount == 0:
            lost.append(lease)
    return lost


def release_slots(conn: Connection, leases: list[SlotLease]) -> None:
    """Free the slots at once (a no-op for a lease that was lost). The lease goes too, so a late
    renewal cannot bring a released slot back."""
    for lease in leases:
        conn.execute(sa.update(playback_slots).where(_mine(lease)).values(lease="", expires_ms=0))


def held_slots(conn: Connection, username: str | None = None) -> list[SlotRow]:
    """The slots held now (unexpired), of one user or of all."""
    query = sa.select(playback_slots).where(playback_slots.c.expires_ms > database_now_ms(conn))
    if username is not None:
        query = query.where(playback_slots.c.username == username)
    rows = conn.execute(query.order_by(playback_slots.c.username, playback_slots.c.slot_no)).mappings()
    return [
        SlotRow(
            r["username"], r["slot_no"], r["holder"], r["session_id"], r["track"], r["acquired_ms"], r["expires_ms"]
        )
        for r in rows
    ]
