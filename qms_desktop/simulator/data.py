"""Deterministic synthetic calls, generated lazily one 24-hour block at a time.

Block `b` covers `[anchor + b*DAY, anchor + (b+1)*DAY)`; blocks `-days .. -1` (the history) hold
`sessions_per_day` calls each, blocks `0 .. future_days-1` (the calls still to come as the clock
runs) `live_sessions_per_day` (default: the same). Columns are numpy arrays (a 100,000-call block takes a few tens of
milliseconds); `Call` objects are built only for the rows a request actually returns. Everything
the API says about a call (state, visibility) is derived from these facts and the clock's `now`.

One module on purpose: the generator's columns and the Call view over them share their layout.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from qms_desktop.simulator import ids
from qms_desktop.simulator.directory import Agent, Directory

DAY_MS = 86_400_000
MAX_DURATION_MS = 2 * 3_600_000
MAX_LATE_MS = 20 * 60_000

DIRECTIONS = ("inbound", "outbound", "internal")
CODECS = ("PCMU", "PCMA")
USER_TAGS = ("QA:review", "CCX:escalation", "Compliance:consent", "CRM:ticket")
WRAP_UPS = ("Resolved", "Callback", "Escalated", "Sale", "Information", "Complaint")
_OPERATORS = (44, 50, 63, 66, 67, 68, 73, 93, 95, 96, 97, 98, 99)


@dataclass(frozen=True, slots=True)
class LateVisibility:
    """A fault: `rate` of the calls become visible `min_ms..max_ms` after they end (seeded)."""

    rate: float
    min_ms: int
    max_ms: int
    seed: int


def _mix64(values: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: a well-spread 64-bit hash, vectorised."""
    with np.errstate(over="ignore"):
        z = values.astype(np.uint64)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return z ^ (z >> np.uint64(31))


def late_delays(keys: np.ndarray, late: LateVisibility) -> tuple[np.ndarray, np.ndarray]:
    """(which calls are late, their delay after the end in ms), from each call's key and the seed."""
    with np.errstate(over="ignore"):
        salted = keys.astype(np.uint64) ^ _mix64(np.array([late.seed + 0x9E3779B97F4A7C15], dtype=np.uint64))
        first = _mix64(salted)
        second = _mix64(first ^ np.uint64(0xD1B54A32D192ED03))
    scale = float(2**64)
    chosen = first.astype(np.float64) / scale < late.rate
    delay = late.min_ms + (second.astype(np.float64) / scale * (late.max_ms - late.min_ms + 1)).astype(np.int64)
    return chosen, np.minimum(delay, late.max_ms)


@dataclass(slots=True, eq=True)
class Call:
    """One recorded call: the facts all three API profiles render in their own shapes.

    Not frozen only because frozen dataclasses are ~3x slower to build; treat it as immutable.
    """

    session_id: str
    key: int
    start_ms: int
    duration_ms: int
    visible_from_ms: int
    error: bool
    pruned: bool
    late: bool
    direction: str
    agent: Agent
    other_agent: Agent | None
    external_number: str | None
    codec: str
    ccid: str
    xref: tuple[str, str]
    user_tags: tuple[tuple[str, int], ...]
    wrap_up: str

    @property
    def end_ms(self) -> int:
        return self.start_ms + self.duration_ms

    def visible(self, now_ms: int) -> bool:
        return self.visible_from_ms <= now_ms

    def active(self, now_ms: int) -> bool:
        return now_ms < self.end_ms

    def state(self, now_ms: int) -> str:
        if self.active(now_ms):
            return "ACTIVE"
        return "CLOSED_ERROR" if self.error else "CLOSED_NORMAL"

    @property
    def far_ref(self) -> str:
        """The other party: a PSTN number, or a second agent's extension for internal calls."""
        if self.other_agent is not None:
            return self.other_agent.extension
        assert self.external_number is not None
        return self.external_number

    @property
    def device_refs(self) -> tuple[str, str]:
        """(track 0, track 1) as a real Unified CM recording numbers them: the recorded (agent's) phone,
        then the far end, whichever side dialed (Developer Guide 9.0 p38)."""
        return (self.agent.extension, self.far_ref)

    @property
    def conference_ref(self) -> str | None:
        """About one external call in ten is a conference: a third party joins the far end's track."""
        if self.other_agent is not None or int(self.xref[1]) % 10 != 3:
            return None
        return f"+38044{int(self.xref[0]) % 10_000_000:07d}"

    @property
    def video(self) -> bool:
        """About one call in ten is a video call: a VIDEO track besides the two audio ones."""
        return int(self.xref[1]) // 10 % 10 == 7

    @property
    def caller_called(self) -> tuple[str, str]:
        if self.direction == "inbound":
            return (self.far_ref, self.agent.extension)
        return (self.agent.extension, self.far_ref)

    def ground_truth(self, now_ms: int) -> dict:
        active = self.active(now_ms)
        return {
            "sessionId": self.session_id,
            "state": self.state(now_ms),
            "start_ms": self.start_ms,
            "duration_ms": None if active else self.duration_ms,
            "end_ms": None if active else self.end_ms,
            "planned_end_ms": self.end_ms,
            "deviceRefs": list(self.device_refs),
            "conferenceRef": self.conference_ref,
            "video": self.video,
            "pruned": self.pruned,
            "late": self.late,
            "visible_from_ms": self.visible_from_ms,
            "direction": self.direction,
            "agent_id": self.agent.agent_id,
            "team_id": self.agent.team.team_id,
            "codec": self.codec,
            "ccid": self.ccid,
            "tags": [name for name, _ in self.user_tags],
        }


class Block:
    """The calls of one 24-hour block, sorted by (start, sessionId)."""

    def __init__(self, data: Dataset, index: int) -> None:
        self.index = index
        self.start_ms = data.anchor_ms + index * DAY_MS
        self._directory = data.directory
        self._tag_edits = data.tag_edits  # shared, updated in place by Dataset.set_user_tags
        n = data.sessions_in_block(index)
        rng = np.random.default_rng([data.seed & 0xFFFFFFFF, index + (1 << 16)])

        numbers = ids.encode_many(data.id_keys, index, n)
        start = self.start_ms + rng.integers(0, DAY_MS, n, dtype=np.int64)
        dur = np.clip(rng.lognormal(np.log(170_000), 0.8, n), 5_000, 55 * 60_000).astype(np.int64)
        long_calls = rng.random(n) < 0.01
        dur[long_calls] = rng.integers(30 * 60_000, 90 * 60_000, int(long_calls.sum()))
        late = rng.random(n) < 0.02
        delay = rng.integers(2 * 60_000, MAX_LATE_MS, n, dtype=np.int64)
        error = rng.random(n) < 0.02
        pruned_flag = rng.random(n) < 0.03
        direction = rng.choice(3, n, p=[0.6, 0.3, 0.1]).astype(np.int8)
        n_agents = len(data.directory.agents)
        agent = rng.integers(0, n_agents, n)
        other = (agent + 1 + rng.integers(0, n_agents - 1, n)) % n_agents
        operator = rng.integers(0, len(_OPERATORS), n)
        subscriber = rng.integers(1_000_000, 10_000_000, n)
        codec = (rng.random(n) < 0.3).astype(np.int8)
        ccid = rng.integers(10_000_000, 99_999_999, n)
        xref = rng.integers(10_000_000, 99_999_999, (n, 2))
        tag_count = rng.choice(3, n, p=[0.8, 0.15, 0.05])
        tag_kind = rng.integers(0, len(USER_TAGS), (n, 2))
        tag_frac = rng.random((n, 2))
        wrap = rng.integers(0, len(WRAP_UPS), n)
        tie = rng.random(n) < 0.02

        planted = np.zeros(n, dtype=bool)
        if index == -1:
            self._plant_active(rng, start, dur, planted, data.anchor_ms)
        late &= ~planted
        error &= ~planted
        if data.hold_rate > 0:
            held = self._split_on_hold(
                data, index, start, dur, planted, (direction, agent, other, operator, subscriber, ccid)
            )
            tie[held] = tie[held - 1] = False  # a held call's segments keep their own starts

        # Ties: a few calls share the exact start of their predecessor, so paging must break ties by id.
        order = np.argsort(start, kind="stable")
        sorted_start = start[order]
        tie_pos = np.flatnonzero(tie[order][1:] & ~planted[order][1:]) + 1
        sorted_start[tie_pos] = sorted_start[tie_pos - 1]
        start[order] = sorted_start

        order = np.lexsort((numbers, start))
        self.numbers = numbers[order]
        self.ids = ids.format_ids(self.numbers)
        self.start = start[order]
        self.dur = dur[order]
        self.end = self.start + self.dur
        self.late = late[order]
        self.visible_from = np.where(self.late, self.end + delay[order], self.start)
        self.error = error[order]
        self.pruned = pruned_flag[order] & (self.end < data.anchor_ms - 3_600_000)
        self.direction = direction[order]
        self.agent = agent[order]
        self.other = other[order]
        self.operator = operator[order]
        self.subscriber = subscriber[order]
        self.codec = codec[order]
        self.ccid = ccid[order]
        self.xref = xref[order]
        self.tag_count = tag_count[order]
        self.tag_kind = tag_kind[order]
        self.tag_frac = tag_frac[order]
        self.wrap = wrap[order]
        self.position = np.empty(n, dtype=np.int64)
        self.position[order] = np.arange(n)
        # What the late-visibility fault makes of visible_from and late (see `apply_lateness`).
        self._lateness: LateVisibility | None = None
        self.visibility: tuple[np.ndarray, np.ndarray] = (self.visible_from, self.late)
        # Plain lists for building Call objects: indexing numpy scalars one by one is ~10x slower.
        self._rows = list(
            zip(
                self.numbers.tolist(),
                self.start.tolist(),
                self.dur.tolist(),
                self.visible_from.tolist(),
                self.error.tolist(),
                self.pruned.tolist(),
                self.late.tolist(),
                self.direction.tolist(),
                self.agent.tolist(),
                self.other.tolist(),
                self.operator.tolist(),
                self.subscriber.tolist(),
                self.codec.tolist(),
                self.ccid.tolist(),
                self.xref.tolist(),
                self.tag_count.tolist(),
                self.tag_kind.tolist(),
                self.tag_frac.tolist(),
                self.wrap.tolist(),
                strict=True,
            )
        )
        self._calls: dict[int, Call] = {}

    def _split_on_hold(
        self,
        data: Dataset,
        index: int,
        start: np.ndarray,
        dur: np.ndarray,
        planted: np.ndarray,
        same_call: tuple[np.ndarray, ...],
    ) -> np.ndarray:
        """A hold or a transfer splits a call into two MediaSense sessions sharing its `ccid`: about
        `hold_rate` of the rows become the second segment of the row generated before them, starting
        a few seconds to a few minutes after it ended, with its parties and call id (its own seeded
        generator, so the rest of the block is the same with or without holds)."""
        rng = np.random.default_rng([data.seed & 0xFFFFFFFF, index + (2 << 16)])
        n = len(start)
        chosen = rng.random(n) < data.hold_rate
        gap = rng.integers(3_000, 4 * 60_000, n, dtype=np.int64)
        second = chosen.copy()
        second[0] = False
        second[1:] &= ~chosen[:-1] & ~planted[:-1]  # never a segment of a segment, nor of a planted call
        second &= ~planted
        positions = np.flatnonzero(second)
        resumed = start[positions - 1] + dur[positions - 1] + gap[positions]
        fits = resumed < self.start_ms + DAY_MS  # the block keeps its own day
        positions, resumed = positions[fits], resumed[fits]
        start[positions] = resumed
        for column in same_call:
            column[positions] = column[positions - 1]
        return positions

    @staticmethod
    def _plant_active(
        rng: np.random.Generator, start: np.ndarray, dur: np.ndarray, planted: np.ndarray, anchor_ms: int
    ) -> None:
        """Calls still running at the anchor, some longer than 30 minutes, so ACTIVE is never rare."""
        n = len(start)
        k = min(n, 3 + n // 250)
        fixed = [(35 * 60_000, 20 * 60_000), (3 * 60_000, 40 * 60_000), (60_000, 4 * 60_000)]
        for j in range(k):
            before, after = (
                fixed[j]
                if j < len(fixed)
                else (
                    int(rng.integers(30_000, 50 * 60_000)),
                    int(rng.integers(60_000, 45 * 60_000)),
                )
            )
            i = n - 1 - j
            start[i] = anchor_ms - before
            dur[i] = before + after
            planted[i] = True

    def __len__(self) -> int:
        return len(self.ids)

    def apply_lateness(self, lateness: LateVisibility | None) -> None:
        """Recompute (visible_from, late) when the late-visibility fault changed; cheap otherwise."""
        if lateness == self._lateness:
            return
        if lateness is None:
            visibility = (self.visible_from, self.late)
        else:
            chosen, delay = late_delays(self.numbers, lateness)
            visibility = (np.where(chosen, np.maximum(self.visible_from, self.end + delay), self.visible_from),
                          self.late | chosen)  # fmt: skip
        # Each a single assignment: readers on another thread see the old or the new state.
        self.visibility = visibility
        self._calls = {}
        self._lateness = lateness

    def forget(self, session_id: str) -> None:
        """Drop a cached Call so the next `call()` rebuilds it (its tags changed)."""
        for pos, call in list(self._calls.items()):
            if call.session_id == session_id:
                self._calls.pop(pos, None)

    def call(self, pos: int) -> Call:
        cached = self._calls.get(pos)
        if cached is not None:
            if not self._tag_edits:
                return cached
            edited = self._tag_edits.get(cached.session_id)
            if edited is None or cached.user_tags is edited:
                return cached  # else: built while its tags were being changed; build it again
        (
            number,
            start,
            duration,
            visible_from,
            error,
            pruned,
            late,
            direction_code,
            agent,
            other,
            operator,
            subscriber,
            codec,
            ccid,
            xref,
            tag_count,
            tag_kind,
            tag_frac,
            wrap,
        ) = self._rows[pos]
        if self._lateness is not None:
            visible_from = int(self.visibility[0][pos])
            late = bool(self.visibility[1][pos])
        agents = self._directory.agents
        direction = DIRECTIONS[direction_code]
        internal = direction == "internal"
        call = Call(
            session_id=self.ids[pos],
            key=number,
            start_ms=start,
            duration_ms=duration,
            visible_from_ms=visible_from,
            error=error,
            pruned=pruned,
            late=late,
            direction=direction,
            agent=agents[agent],
            other_agent=agents[other] if internal else None,
            external_number=None if internal else f"+380{_OPERATORS[operator]}{subscriber}",
            codec=CODECS[codec],
            ccid=str(ccid),
            xref=(str(xref[0]), str(xref[1])),
            user_tags=tuple((USER_TAGS[tag_kind[t]], int(tag_frac[t] * duration)) for t in range(tag_count))
            if tag_count
            else (),
            wrap_up=WRAP_UPS[wrap],
        )
        if self._tag_edits:
            edited = self._tag_edits.get(call.session_id)
            if edited is not None:
                call.user_tags = edited
        self._calls[pos] = call  # a racing duplicate is harmless: both copies are equal
        return call


@dataclass(frozen=True, slots=True)
class Selection:
    """Rows matching a query, kept as (block, positions) until a page is rendered."""

    parts: tuple[tuple[Block, np.ndarray], ...]

    def __len__(self) -> int:
        return sum(len(p) for _, p in self.parts)

    def calls(self, offset: int = 0, limit: int | None = None, descending: bool = False) -> list[Call]:
        parts = [(b, p[::-1]) for b, p in reversed(self.parts)] if descending else list(self.parts)
        out: list[Call] = []
        remaining = len(self) if limit is None else limit
        for block, positions in parts:
            if remaining <= 0:
                break
            if offset >= len(positions):
                offset -= len(positions)
                continue
            chunk = positions[offset : offset + remaining]
            offset = 0
            out.extend(block.call(int(p)) for p in chunk)
            remaining -= len(chunk)
        return out


class Dataset:
    def __init__(
        self,
        *,
        seed: int,
        sessions_per_day: int,
        days: int,
        anchor_ms: int,
        future_days: int = 1,
        agents: int | None = None,
        cache_blocks: int = 64,
        hold_rate: float = 0.0,
        live_sessions_per_day: int | None = None,
    ) -> None:
        if not 1 <= sessions_per_day < ids.MAX_PER_BLOCK:
            raise ValueError("sessions_per_day must be 1..16,777,215")
        if live_sessions_per_day is not None and not 1 <= live_sessions_per_day < ids.MAX_PER_BLOCK:
            raise ValueError("live_sessions_per_day must be 1..16,777,215")
        self.seed = seed
        self.sessions_per_day = sessions_per_day
        self.live_sessions_per_day = live_sessions_per_day
        self.days = days
        self.future_days = future_days
        self.anchor_ms = anchor_ms
        if not 0 <= hold_rate < 1:
            raise ValueError("hold_rate must be at least 0 and below 1")
        self.hold_rate = hold_rate  # the share of sessions that are a held call's second segment
        self.id_keys = ids.round_keys(seed)
        self.directory = Directory.generate(seed, agents or max(8, min(200, sessions_per_day // 10)))
        self._blocks: OrderedDict[int, Block] = OrderedDict()
        self._cache_blocks = cache_blocks
        self._lock = threading.Lock()
        # The late-visibility fault in force (the simulator points this at its fault knobs).
        self.lateness: Callable[[], LateVisibility | None] = lambda: None
        # User tags changed after generation (TAG_EVENT ADDED/DELETED), by session id.
        self.tag_edits: dict[str, tuple[tuple[str, int], ...]] = {}

    def sessions_in_block(self, index: int) -> int:
        """How many calls block `index` holds: the history's rate before the anchor, the live one after."""
        if index >= 0 and self.live_sessions_per_day is not None:
            return self.live_sessions_per_day
        return self.sessions_per_day

    def set_user_tags(self, session_id: str, tags: tuple[tuple[str, int], ...]) -> Call:
        """Replace one call's user tags (name, offset ms); every later answer shows them."""
        call = self.find(session_id)
        if call is None:
            raise KeyError(session_id)
        with self._lock:
            self.tag_edits[call.session_id] = tags
            for block in self._blocks.values():
                block.forget(call.session_id)
        edited = self.find(session_id)
        assert edited is not None
        return edited

    def block(self, index: int) -> Block | None:
        if not -self.days <= index < self.future_days:
            return None
        with self._lock:
            block = self._blocks.get(index)
            if block is not None:
                self._blocks.move_to_end(index)
                block.apply_lateness(self.lateness())
                return block
            block = Block(self, index)
            block.apply_lateness(self.lateness())
            self._blocks[index] = block
            while len(self._blocks) > self._cache_blocks:
                self._blocks.popitem(last=False)
            return block

    def blocks_between(self, start_ms: int, end_ms: int) -> list[Block]:
        """Blocks that may hold calls starting in [start_ms, end_ms)."""
        first = max(-self.days, (start_ms - self.anchor_ms) // DAY_MS)
        last = min(self.future_days - 1, (end_ms - 1 - self.anchor_ms) // DAY_MS)
        return [b for i in range(first, last + 1) if (b := self.block(i)) is not None]

    def find(self, session_id: str) -> Call | None:
        decoded = ids.decode(self.id_keys, session_id.lower())
        if decoded is None:
            return None
        index, gen = decoded
        block = self.block(index)
        if block is None or gen >= len(block):
            return None
        return block.call(int(block.position[gen]))

    def select(
        self,
        start_ms: int,
        end_ms: int,
        now_ms: int,
        *,
        states: set[str] | None = None,
        min_duration_ms: int | None = None,
        max_duration_ms: int | None = None,
    ) -> Selection:
        """Calls visible at `now_ms` whose start is in [start_ms, end_ms) (half-open)."""
        parts = []
        for block in self.blocks_between(start_ms, end_ms):
            lo = int(np.searchsorted(block.start, start_ms, side="left"))
            hi = int(np.searchsorted(block.start, end_ms, side="left"))
            if lo >= hi:
                continue
            mask = block.visibility[0][lo:hi] <= now_ms
            active = block.end[lo:hi] > now_ms
            if states is not None:
                error = block.error[lo:hi]
                state_mask = np.zeros(hi - lo, dtype=bool)
                if "ACTIVE" in states:
                    state_mask |= active
                if "CLOSED_NORMAL" in states:
                    state_mask |= ~active & ~error
                if "CLOSED_ERROR" in states:
                    state_mask |= ~active & error
                mask &= state_mask
            if min_duration_ms is not None:
                mask &= ~active & (block.dur[lo:hi] > min_duration_ms)
            if max_duration_ms is not None:
                mask &= ~active & (block.dur[lo:hi] < max_duration_ms)
            positions = np.flatnonzero(mask) + lo
            if len(positions):
                parts.append((block, positions))
        return Selection(tuple(parts))

    def transitions(self, after_ms: int, until_ms: int) -> list[tuple[int, str, Call]]:
        """(when, "STARTED"|"ENDED", call) for calls that became visible or closed in (after, until]."""
        if until_ms <= after_ms:
            return []
        out: list[tuple[int, str, Call]] = []
        lateness = self.lateness()
        late_ms = max(MAX_LATE_MS, lateness.max_ms if lateness else 0)
        for block in self.blocks_between(after_ms - MAX_DURATION_MS - late_ms, until_ms + 1):
            visible_from, late = block.visibility
            started = (~late) & (block.start > after_ms) & (block.start <= until_ms)
            closed_at = np.maximum(block.end, visible_from)
            ended = (closed_at > after_ms) & (closed_at <= until_ms)
            for pos in np.flatnonzero(started):
                out.append((int(block.start[pos]), "STARTED", block.call(int(pos))))
            for pos in np.flatnonzero(ended):
                out.append((int(closed_at[pos]), "ENDED", block.call(int(pos))))
        out.sort(key=lambda e: (e[0], e[2].session_id))
        return out
