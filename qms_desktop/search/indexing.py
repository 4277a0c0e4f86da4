"""The OpenSearch indexing backlog: filled in the sync's page transaction, drained by an indexer task.

The specification indexes "asynchronously": the database sync never waits for, or fails because of,
the search cluster. Each committed page adds its written session ids to `search_index_queue` in the
same transaction (so nothing committed can be missed), and `Indexer` writes their documents in bulk,
retrying failures with exponential backoff. The lag is visible: pending count and oldest pending age.

Queueing is switched on per database (`search.opensearch` settings section, `enabled`), not per
process: a workstation that syncs while the service is down still fills the backlog for it.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import sqlalchemy as sa
from sqlalchemy import Connection, Engine

from qms_desktop.store.documents import DOCUMENT_COLUMNS, document_from_rows
from qms_desktop.store.engine import begin_write
from qms_desktop.store.fulltext import with_team_notes
from qms_desktop.store.schema import recording_participants, recording_tags, recordings, search_index_queue

log = logging.getLogger("qms.search")

_CHUNK = 500


def _now_ms() -> int:
    return int(time.time() * 1000)


@dataclass(frozen=True, slots=True)
class QueuedItem:
    session_id: str
    generation: int
    attempts: int


def claim_due(engine: Engine, limit: int, now_ms: int) -> list[QueuedItem]:
    """Due items, oldest first. Not locked: two indexers may write the same document, harmlessly."""
    q = search_index_queue.c
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(q.session_id, q.generation, q.attempts)
            .where(q.next_attempt_ms <= now_ms)
            .order_by(q.next_attempt_ms, q.first_enqueued_ms, q.session_id)
            .limit(limit)
        ).all()
    return [QueuedItem(*row) for row in rows]


def mark_done(engine: Engine, items: Sequence[QueuedItem]) -> None:
    """Remove indexed items, unless they were re-enqueued meanwhile (a newer change is pending)."""
    if not items:
        return
    q = search_index_queue.c
    with begin_write(engine) as conn:
        conn.execute(
            sa.delete(search_index_queue).where(
                q.session_id == sa.bindparam("sid"), q.generation == sa.bindparam("gen")
            ),
            [{"sid": item.session_id, "gen": item.generation} for item in items],
        )


def backoff_ms(attempts: int, base_ms: int = 1000, max_ms: int = 300_000) -> int:
    """Exponential: 1 s, 2 s, 4 s ... capped at 5 minutes."""
    return int(min(max_ms, base_ms * (2 ** max(0, attempts - 1))))


def mark_failed(
    engine: Engine, failures: Mapping[str, str], now_ms: int, *, base_ms: int = 1000, max_ms: int = 300_000
) -> None:
    if not failures:
        return
    q = search_index_queue.c
    with begin_write(engine) as conn:
        rows = conn.execute(sa.select(q.session_id, q.attempts).where(q.session_id.in_(list(failures)))).all()
        for sid, attempts in rows:
            tries = attempts + 1
            conn.execute(
                sa.update(search_index_queue)
                .where(q.session_id == sid)
                .values(
                    attempts=tries,
                    next_attempt_ms=now_ms + backoff_ms(tries, base_ms, max_ms),
                    last_error=failures[sid][:1000],
                )
            )


@dataclass(frozen=True, slots=True)
class Backlog:
    pending: int
    due: int
    failing: int  # items that failed at least once
    oldest_pending_ms: int | None  # first-enqueued time of the oldest item
    oldest_age_s: float | None
    last_error: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "pending": self.pending,
            "due": self.due,
            "failing": self.failing,
            "oldestPendingMs": self.oldest_pending_ms,
            "oldestAgeSeconds": self.oldest_age_s,
            "lastError": self.last_error,
        }


def backlog(conn_or_engine: Connection | Engine, now_ms: int | None = None) -> Backlog:
    now = now_ms if now_ms is not None else _now_ms()
    q = search_index_queue.c

    def read(conn: Connection) -> Backlog:
        pending, due, failing, oldest = conn.execute(
            sa.select(
                sa.func.count(),
                sa.func.coalesce(sa.func.sum(sa.case((q.next_attempt_ms <= now, 1), else_=0)), 0),
                sa.func.coalesce(sa.func.sum(sa.case((q.attempts > 0, 1), else_=0)), 0),
                sa.func.min(q.first_enqueued_ms),
            )
        ).one()
        error = None
        if failing:
            error = conn.execute(
                sa.select(q.last_error).where(q.attempts > 0).order_by(q.enqueued_ms.desc()).limit(1)
            ).scalar()
        age = max(0.0, (now - oldest) / 1000) if oldest is not None else None
        return Backlog(int(pending), int(due), int(failing), oldest, age, error)

    if isinstance(conn_or_engine, Engine):
        with conn_or_engine.connect() as conn:
            return read(conn)
    return read(conn_or_engine)


# ---- documents ----------------------------------------------------------------------------------

# Recordings columns copied into the search document as they are.
_ROW_FIELDS = (
    "id",
    "session_id",
    "recording_id",
    "start_ms",
    "end_ms",
    "duration_ms",
    "state",
    "agent_id",
    "agent_name",
    "team_code",
    "direction",
    "ani",
    "dnis",
    "csq",
    "wrap_up_reason",
    "pruned",
    "synced_at_ms",
)


def load_source_rows(conn: Connection, session_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Per session: the recordings row plus `tags` and `participants` lists, as the documents need."""
    if not session_ids:
        return {}
    columns = list(dict.fromkeys((*_ROW_FIELDS, *DOCUMENT_COLUMNS)))
    rows = {
        row["id"]: dict(row)
        for row in conn.execute(
            sa.select(*(recordings.c[name] for name in columns)).where(recordings.c.session_id.in_(list(session_ids)))
        ).mappings()
    }
    ids = list(rows)
    tags: dict[int, list[dict[str, Any]]] = defaultdict(list)
    parts: dict[int, list[dict[str, Any]]] = defaultdict(list)
    if ids:
        for row in conn.execute(
            sa.select(recording_tags.c.recording_id, recording_tags.c.name)
            .where(recording_tags.c.recording_id.in_(ids))
            .order_by(recording_tags.c.id)
        ).mappings():
            tags[row["recording_id"]].append(dict(row))
        for row in conn.execute(
            sa.select(
                recording_participants.c.recording_id,
                recording_participants.c.device_ref,
                recording_participants.c.name,
            )
            .where(recording_participants.c.recording_id.in_(ids))
            .order_by(recording_participants.c.id)
        ).mappings():
            parts[row["recording_id"]].append(dict(row))
    documents = with_team_notes(conn, {rid: document_from_rows(s, tags[rid], parts[rid]) for rid, s in rows.items()})
    out: dict[str, dict[str, Any]] = {}
    for rid, source in rows.items():
        source["tags"] = tags[rid]
        source["participants"] = parts[rid]
        source["document"] = documents[rid]
        out[source["session_id"]] = source
    return out


# ---- the indexer --------------------------------------------------------------------------------


class DocumentSink(Protocol):
    """Where documents go (OpenSearch in production, a fake in tests)."""

    async def write_documents(self, rows: Sequence[Mapping[str, Any]]) -> dict[str, str | None]:
        """Index these source rows; per session id, None when written or the error."""
        ...


@dataclass(slots=True)
class DrainResult:
    indexed: int = 0
    failed: int = 0
    missing: int = 0  # queued but no longer in the database


class Indexer:
    """Drains the backlog in batches; failures go back with backoff; never raises into its owner."""

    def __init__(
        self,
        engine: Engine,
        sink: DocumentSink,
        *,
        batch_size: int = 500,
        poll_s: float = 2.0,
        base_backoff_ms: int = 1000,
        max_backoff_ms: int = 300_000,
        now_ms: Callable[[], int] = _now_ms,
        on_batch: Callable[[DrainResult], None] | None = None,
    ) -> None:
        self.engine = engine
        self.sink = sink
        self.batch_size = batch_size
        self.poll_s = poll_s
        self.base_backoff_ms = base_backoff_ms
        self.max_backoff_ms = max_backoff_ms
        self._now_ms = now_ms
        self._wake = asyncio.Event()
        self.on_batch = on_batch
        self.totals = DrainResult()

    def wake(self) -> None:
        """Drain now (called after each committed sync page) instead of at the next poll."""
        self._wake.set()

    async def drain_once(self) -> DrainResult:
        """One batch of due items."""
        now = self._now_ms()
        items = await asyncio.to_thread(claim_due, self.engine, self.batch_size, now)
        result = DrainResult()
        if not items:
            return result
        rows = await asyncio.to_thread(self._load, [item.session_id for item in items])
        present = [rows[item.session_id] for item in items if item.session_id in rows]
        try:
            outcome = await self.sink.write_documents(present) if present else {}
        except Exception as exc:  # the cluster is down or refused the whole batch
            reason = f"{type(exc).__name__}: {exc}"
            outcome = {row["session_id"]: reason for row in present}
        done = [item for item in items if item.session_id not in rows or outcome.get(item.session_id) is None]
        failures = {sid: err for sid, err in outcome.items() if err is not None}
        await asyncio.to_thread(mark_done, self.engine, done)
        await asyncio.to_thread(
            mark_failed, self.engine, failures, self._now_ms(), base_ms=self.base_backoff_ms, max_ms=self.max_backoff_ms
        )
        result.indexed = len(present) - len(failures)
        result.failed = len(failures)
        result.missing = len(items) - len(present)
        if failures:
            log.warning(
                "Indexing: %d of %d documents failed, retried later: %s",
                len(failures),
                len(items),
                next(iter(failures.values())),
            )
        self.totals.indexed += result.indexed
        self.totals.failed += result.failed
        self.totals.missing += result.missing
        if self.on_batch is not None:
            self.on_batch(result)
        return result

    def _load(self, session_ids: list[str]) -> dict[str, dict[str, Any]]:
        with self.engine.connect() as conn:
            return load_source_rows(conn, session_ids)

    async def drain(self, *, on_progress: Callable[[int], None] | None = None) -> DrainResult:
        """Until nothing is due (used by `search reindex`)."""
        total = DrainResult()
        while True:
            batch = await self.drain_once()
            total.indexed += batch.indexed
            total.failed += batch.failed
            total.missing += batch.missing
            if on_progress is not None:
                on_progress(total.indexed)
            if batch.indexed + batch.failed + batch.missing == 0:  # failures wait out their backoff
                return total

    async def run(self, stopping: Callable[[], bool] | None = None) -> None:
        """Forever (until cancelled): drain what is due, then wait for a wake-up or the poll interval."""
        while stopping is None or not stopping():
            try:
                batch = await self.drain_once()
            except asyncio.CancelledError:
                raise
            except Exception:  # the database hiccuped: the sync's problem to report, try again later
                log.exception("The indexer failed; retrying")
                batch = DrainResult()
            if batch.indexed + batch.missing >= self.batch_size:
                continue  # more is due right away
            self._wake.clear()
            try:
                await asyncio.wait_for(self._wake.wait(), timeout=self.poll_s)
            except TimeoutError:
                pass
