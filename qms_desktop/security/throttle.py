"""Sign-in throttling: failed sign-ins counted per user name and per workstation, in the database.

After `free_failures` consecutive failures of a key (a normalized user name, or the host part of
`from_where`), that key is refused, without the password being checked, until `locked_until_ms`:
1 s after the 3rd failure, then 2 s, 4 s ... up to `max_delay_s`. A user name with `lockout_after`
consecutive failures is hard-locked until an administrator unlocks it, except the last enabled,
unlocked administrator (the delay alone applies to it, so nobody can lock every administrator out).
A successful sign-in deletes the user's and the workstation's rows.

Names that belong to no user are counted and locked exactly like real ones: the answers never tell
whether a user exists. Rows idle for `forget_after_s` are forgotten (and pruned on the next failure
anywhere), so the table stays small; a hard lock of a real user stays until it is unlocked.

Every function runs in the caller's write transaction (`begin_write`), after `lock_keys()`: SQLite's
BEGIN IMMEDIATE serialises writers already, PostgreSQL takes a transaction advisory lock per key, and
the writes are upserts, so two processes failing at once both count. Times are the database's clock
(`store.engine.database_now_ms`) unless the caller passes its own (tests do).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy import Connection
from sqlalchemy.dialects import postgresql, sqlite

from qms_desktop.store.schema import sign_in_failures, users

USER = "user"
HOST = "host"
_KEY_LENGTH = 255
# pg_advisory_xact_lock(class, hashtext(key)): one key's attempts are serialised, others not.
_PG_LOCK_CLASS = {HOST: 0x514D5348, USER: 0x514D5355}  # "QMSH", "QMSU"


@dataclass(frozen=True, slots=True)
class ThrottlePolicy:
    free_failures: int = 3  # consecutive failures before the first delay
    base_delay_s: float = 1.0  # the first delay; each further failure doubles it
    max_delay_s: float = 300.0
    lockout_after: int = 10  # consecutive failures of a user name that lock it until an admin unlocks it
    forget_after_s: int = 86_400  # a key idle this long starts again from zero (and its row is pruned)

    def delay_ms(self, failures: int) -> int:
        """How long a key is refused after its `failures`-th consecutive failure."""
        if failures < self.free_failures:
            return 0
        doublings = min(failures - self.free_failures, 40)
        return int(min(self.base_delay_s * 2**doublings, self.max_delay_s) * 1000)


DEFAULT_POLICY = ThrottlePolicy()


@dataclass(frozen=True, slots=True)
class FailureState:
    kind: str
    key: str
    failures: int
    last_failure_ms: int
    locked_until_ms: int
    hard_locked: bool

    def delayed_for_ms(self, now: int) -> int:
        return max(0, self.locked_until_ms - now)


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why an attempt is turned away before its password is checked."""

    locked: bool  # hard-locked until an administrator unlocks it
    retry_after_s: int | None  # for a delay: whole seconds until the next attempt is heard
    by: tuple[str, ...]  # which keys refused it: "user", "host"

    @property
    def reason(self) -> str:
        if self.locked:
            return "too many failed sign-ins, locked until an administrator unlocks it"
        return f"too many failed sign-ins, try again in {self.retry_after_s} s"


def user_key(name: str) -> str:
    """The key of a user name: normalized as the users table stores it (whether or not it exists)."""
    return name.strip().lower()[:_KEY_LENGTH]


def workstation(from_where: str) -> str:
    """The host part of `host/pidNNN`: every process on one machine shares the count."""
    return (from_where.split("/", 1)[0].strip().lower() or "unknown")[:_KEY_LENGTH]


def lock_keys(conn: Connection, user: str, host: str | None) -> None:
    """Serialise attempts on these keys across processes (PostgreSQL; SQLite's writer lock already does).
    Always host first, then user: no two transactions wait for each other in a circle."""
    if conn.dialect.name != "postgresql":
        return
    for kind, key in ((HOST, host), (USER, user)):
        if key is not None:
            conn.execute(sa.select(sa.func.pg_advisory_xact_lock(_PG_LOCK_CLASS[kind], sa.func.hashtext(key))))


def _forgotten(row: sa.RowMapping, now: int, policy: ThrottlePolicy) -> bool:
    return not row["hard_locked"] and row["last_failure_ms"] < now - policy.forget_after_s * 1000


def _state(row: sa.RowMapping) -> FailureState:
    return FailureState(
        row["key_kind"],
        row["key"],
        int(row["failures"]),
        int(row["last_failure_ms"]),
        int(row["locked_until_ms"]),
        bool(row["hard_locked"]),
    )


def read_state(
    conn: Connection, kind: str, key: str, now: int, policy: ThrottlePolicy = DEFAULT_POLICY
) -> FailureState | None:
    """The key's current failures (None: none that still count)."""
    stmt = sa.select(sign_in_failures).where(sign_in_failures.c.key_kind == kind, sign_in_failures.c.key == key)
    row = conn.execute(stmt).mappings().first()
    if row is None or _forgotten(row, now, policy):
        return None
    return _state(row)


def refusal(user: FailureState | None, host: FailureState | None, now: int) -> Refusal | None:
    """A Refusal when the user name is locked, or the user name or the workstation is still delayed."""
    if user is not None and user.hard_locked:
        return Refusal(True, None, (USER,))
    waits = {s.kind: s.delayed_for_ms(now) for s in (user, host) if s is not None and s.delayed_for_ms(now) > 0}
    if not waits:
        return None
    return Refusal(False, max(1, math.ceil(max(waits.values()) / 1000)), tuple(sorted(waits, reverse=True)))


def record_failure(
    conn: Connection,
    kind: str,
    key: str,
    before: FailureState | None,
    now: int,
    policy: ThrottlePolicy = DEFAULT_POLICY,
    *,
    may_hard_lock: bool = False,
) -> FailureState:
    """Count one more consecutive failure of the key and set its delay (and hard lock, if allowed)."""
    failures = (before.failures if before is not None else 0) + 1
    hard = (before is not None and before.hard_locked) or (may_hard_lock and failures >= policy.lockout_after)
    state = FailureState(kind, key, failures, now, now + policy.delay_ms(failures), hard)
    values = {
        "key_kind": kind,
        "key": key,
        "failures": state.failures,
        "last_failure_ms": state.last_failure_ms,
        "locked_until_ms": state.locked_until_ms,
        "hard_locked": state.hard_locked,
    }
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    stmt = insert(sign_in_failures).values(values)
    stmt = stmt.on_conflict_do_update(
        index_elements=[sign_in_failures.c.key_kind, sign_in_failures.c.key],
        set_={k: stmt.excluded[k] for k in ("failures", "last_failure_ms", "locked_until_ms", "hard_locked")},
    )
    conn.execute(stmt)
    return state


def clear(conn: Connection, kind: str, key: str) -> FailureState | None:
    """Forget the key's failures (a success, or an administrator's unlock); what was there before."""
    where = (sign_in_failures.c.key_kind == kind, sign_in_failures.c.key == key)
    row = conn.execute(sa.select(sign_in_failures).where(*where)).mappings().first()
    if row is None:
        return None
    conn.execute(sign_in_failures.delete().where(*where))
    return _state(row)


def prune(conn: Connection, now: int, policy: ThrottlePolicy = DEFAULT_POLICY) -> int:
    """Delete rows idle for `forget_after_s`; a hard lock of an existing user stays until unlocked."""
    cutoff = now - policy.forget_after_s * 1000
    is_user = sa.and_(sign_in_failures.c.key_kind == USER, sign_in_failures.c.key.in_(sa.select(users.c.username)))
    result = conn.execute(
        sign_in_failures.delete().where(
            sign_in_failures.c.last_failure_ms < cutoff,
            sa.or_(~sign_in_failures.c.hard_locked, ~is_user),
        )
    )
    return int(result.rowcount or 0)


def user_states(conn: Connection, now: int, policy: ThrottlePolicy = DEFAULT_POLICY) -> dict[str, FailureState]:
    """The current failures of every user name that has some, by name."""
    rows = conn.execute(sa.select(sign_in_failures).where(sign_in_failures.c.key_kind == USER)).mappings().all()
    return {row["key"]: _state(row) for row in rows if not _forgotten(row, now, policy)}


def hard_locked_names(conn: Connection) -> set[str]:
    stmt = sa.select(sign_in_failures.c.key).where(sign_in_failures.c.key_kind == USER, sign_in_failures.c.hard_locked)
    return set(conn.execute(stmt).scalars())
