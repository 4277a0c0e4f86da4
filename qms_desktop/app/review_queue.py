"""The review playlist: a search's recordings, listened to one after the other, and where each stopped.

A user has one playlist (a new one replaces it), stored with where they stand in it, so it survives a
restart. It is made from a search's results (at most `QUEUE_CAP`), or as a sample of N recordings
per agent drawn with a seed the user sees (the same seed and filters draw the same sample). Reading
it applies team scope anew: a recording the user can no longer see is skipped, never shown.

Where a user stopped in a recording (`save_position`) is kept per user and recording, playlist or
not: opening the recording again starts there.
"""

from __future__ import annotations

import dataclasses
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy as sa

from qms_desktop.app.access import RecordingNotFound, UseCase
from qms_desktop.search.query import MAX_LIMIT, RecordingQuery, RecordingRow, search_recordings
from qms_desktop.security.roles import Permission, narrow_teams
from qms_desktop.store.engine import begin_write
from qms_desktop.store.schema import listening_positions, recordings, review_queue_items, review_queues

QUEUE_CAP = 500  # recordings in one playlist: a day's review, not the archive
SAMPLE_SCAN_CAP = 20_000  # recordings a sample draws from
MAX_SAMPLE_PER_AGENT = 100
QUEUE_CREATE = "review_queue.create"
NO_AGENT = ""  # the sampling group of recordings without an agent


def now_ms() -> int:
    return int(time.time() * 1000)


@dataclass(frozen=True, slots=True)
class QueueItem:
    """One recording of the playlist as the reader may see it now."""

    position: int  # its place in the stored playlist (0-based, with gaps where items are skipped)
    session_id: str
    start_ms: int
    duration_ms: int | None
    agent_name: str | None
    team_code: str | None
    agent_id: str | None = None


@dataclass(frozen=True, slots=True)
class ReviewQueue:
    """The user's playlist: the items they may see, and which one they are at (an index into items)."""

    title: str
    seed: int | None
    items: tuple[QueueItem, ...]
    current: int  # index into `items`; -1 when none is visible
    stored: int  # items stored, visible or not
    capped: bool = False  # the search had more than QUEUE_CAP recordings (made only)

    @property
    def skipped(self) -> int:
        return self.stored - len(self.items)

    @property
    def current_item(self) -> QueueItem | None:
        return self.items[self.current] if 0 <= self.current < len(self.items) else None

    @property
    def has_next(self) -> bool:
        return self.current + 1 < len(self.items)

    @property
    def has_previous(self) -> bool:
        return self.current > 0


def sample_per_agent(rows: Sequence[RecordingRow], per_agent: int, seed: int) -> list[RecordingRow]:
    """Up to `per_agent` rows of each agent (recordings without one form a group of their own), drawn
    at random with `seed`; the result keeps the rows' order. The same rows and seed draw the same."""
    groups: dict[str, list[int]] = {}
    for index, row in enumerate(rows):
        groups.setdefault(row.agent_id or NO_AGENT, []).append(index)
    rng = random.Random(seed)
    chosen: set[int] = set()
    for agent in sorted(groups):
        members = groups[agent]
        chosen.update(members if len(members) <= per_agent else rng.sample(members, per_agent))
    return [row for index, row in enumerate(rows) if index in chosen]


class ReviewQueueUseCases(UseCase):
    """Supervisors and administrators (whoever may play recordings); each sees only their own playlist."""

    def _me(self) -> str:
        return self.require(Permission.RECORDINGS_PLAY).username

    def _rows(self, query: RecordingQuery, cap: int) -> tuple[list[RecordingRow], bool]:
        """The query's recordings in its order (the reader's teams only), at most `cap`; and whether
        there were more."""
        principal = self.require(Permission.RECORDINGS_PLAY)
        narrowed = dataclasses.replace(
            query, allowed_teams=narrow_teams(principal, query.allowed_teams), after=None, limit=min(cap + 1, MAX_LIMIT)
        )
        rows: list[RecordingRow] = []
        with self.engine.connect() as conn:
            while True:
                page = search_recordings(conn, narrowed)
                rows.extend(page.items)
                if page.next_cursor is None or len(rows) > cap:
                    break
                narrowed = dataclasses.replace(narrowed, after=page.next_cursor)
        return rows[:cap], len(rows) > cap

    def create(self, query: RecordingQuery, title: str = "", *, cap: int = QUEUE_CAP) -> ReviewQueue:
        """A playlist of the query's recordings in the order it lists them (at most `cap`)."""
        rows, capped = self._rows(query, cap)
        queue = self._store(title, None, [row.session_id for row in rows])
        return dataclasses.replace(queue, capped=capped)

    def sample(self, query: RecordingQuery, per_agent: int, seed: int | None = None, title: str = "") -> ReviewQueue:
        """A playlist of up to `per_agent` recordings of each agent among the query's, drawn with
        `seed` (a new one when None; the playlist tells it)."""
        if not 1 <= per_agent <= MAX_SAMPLE_PER_AGENT:
            raise ValueError(f"per agent must be between 1 and {MAX_SAMPLE_PER_AGENT}")
        seed = random.SystemRandom().randrange(1, 1_000_000) if seed is None else seed
        rows, _ = self._rows(query, SAMPLE_SCAN_CAP)
        chosen = sample_per_agent(rows, per_agent, seed)[:QUEUE_CAP]
        return self._store(title, seed, [row.session_id for row in chosen], per_agent=per_agent)

    def _store(self, title: str, seed: int | None, session_ids: list[str], **detail: object) -> ReviewQueue:
        username = self._me()
        at = now_ms()
        with begin_write(self.engine) as conn:
            conn.execute(sa.delete(review_queue_items).where(review_queue_items.c.username == username))
            conn.execute(sa.delete(review_queues).where(review_queues.c.username == username))
            conn.execute(
                sa.insert(review_queues).values(
                    username=username, title=title, seed=seed, current_position=0, created_at_ms=at, updated_at_ms=at
                )
            )
            if session_ids:
                conn.execute(
                    sa.insert(review_queue_items),
                    [{"username": username, "position": i, "session_id": sid} for i, sid in enumerate(session_ids)],
                )
            self.audit_in(conn, QUEUE_CREATE, None, items=len(session_ids), seed=seed, title=title, **detail)
        queue = self.current()
        assert queue is not None
        return queue

    def current(self) -> ReviewQueue | None:
        """The user's playlist as they may see it now (None: they have none)."""
        principal = self.require(Permission.RECORDINGS_PLAY)
        q, i, r = review_queues.c, review_queue_items.c, recordings.c
        with self.engine.connect() as conn:
            head = conn.execute(
                sa.select(q.title, q.seed, q.current_position).where(q.username == principal.username)
            ).first()
            if head is None:
                return None
            stored = int(
                conn.execute(
                    sa.select(sa.func.count()).select_from(review_queue_items).where(i.username == principal.username)
                ).scalar_one()
            )
            stmt = (
                sa.select(i.position, i.session_id, r.start_ms, r.duration_ms, r.agent_name, r.team_code, r.agent_id)
                .select_from(review_queue_items.join(recordings, recordings.c.session_id == i.session_id))
                .where(i.username == principal.username)
                .order_by(i.position)
            )
            allowed = principal.allowed_teams
            if allowed is not None:
                stmt = stmt.where(r.team_code.in_(sorted(allowed)) if allowed else sa.false())
            items = tuple(QueueItem(*row) for row in conn.execute(stmt))
        position = int(head.current_position)
        # The stored position, or the next visible item after it (the one there was skipped).
        current = next((n for n, item in enumerate(items) if item.position >= position), len(items) - 1)
        return ReviewQueue(head.title, head.seed, items, current, stored)

    def move(self, step: int) -> ReviewQueue | None:
        """Next (+1) or previous (-1) visible recording; at either end it stays."""
        queue = self.current()
        if queue is None or not queue.items:
            return queue
        return self.go_to(max(0, min(len(queue.items) - 1, queue.current + step)))

    def go_to(self, index: int) -> ReviewQueue | None:
        """Make the `index`-th visible item the current one (stored, so a restart comes back to it)."""
        queue = self.current()
        if queue is None or not 0 <= index < len(queue.items):
            return queue
        username = self._me()
        with begin_write(self.engine) as conn:
            conn.execute(
                sa.update(review_queues)
                .where(review_queues.c.username == username)
                .values(current_position=queue.items[index].position, updated_at_ms=now_ms())
            )
        return dataclasses.replace(queue, current=index)

    def clear(self) -> None:
        """End the playlist."""
        username = self._me()
        with begin_write(self.engine) as conn:
            conn.execute(sa.delete(review_queue_items).where(review_queue_items.c.username == username))
            conn.execute(sa.delete(review_queues).where(review_queues.c.username == username))

    # ---- where the user stopped ------------------------------------------------------------------

    def _check_visible(self, session_id: str) -> str:
        principal = self.require(Permission.RECORDINGS_PLAY, session_id)
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(recordings.c.team_code).where(recordings.c.session_id == session_id)).first()
        if row is None:
            raise RecordingNotFound(f"No recording with session id {session_id!r}")
        self.require_team(Permission.RECORDINGS_PLAY, row.team_code, session_id)
        return principal.username

    def save_position(self, session_id: str, position_ms: int) -> None:
        """Where the user stopped in this recording (0: at its start, i.e. nothing to resume)."""
        username = self._check_visible(session_id)
        position_ms = max(0, int(position_ms))
        p = listening_positions.c
        with begin_write(self.engine) as conn:
            done = conn.execute(
                sa.update(listening_positions)
                .where(p.username == username, p.session_id == session_id)
                .values(position_ms=position_ms, updated_at_ms=now_ms())
            ).rowcount
            if not done:
                conn.execute(
                    sa.insert(listening_positions).values(
                        username=username, session_id=session_id, position_ms=position_ms, updated_at_ms=now_ms()
                    )
                )

    def resume_position(self, session_id: str) -> int:
        """Where the user stopped in this recording last time (0: from the start)."""
        username = self._check_visible(session_id)
        p = listening_positions.c
        with self.engine.connect() as conn:
            value = conn.execute(
                sa.select(p.position_ms).where(p.username == username, p.session_id == session_id)
            ).scalar_one_or_none()
        return int(value or 0)
