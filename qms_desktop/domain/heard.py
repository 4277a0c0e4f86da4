"""Which parts of a recording a listener actually heard: merged intervals, and the tracker that
builds them from the player's position reports.

Hearing is contiguous advance while playing: a position that moved forward by about as much as the
wall clock (times the playback rate) allows since the previous report. A seek, a jump, a pause or a
position that went backwards starts a new interval without counting the gap. Pure: no Qt, no I/O;
the caller passes the clock.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

Interval = tuple[int, int]  # (start_ms, end_ms), end > start


def merge(intervals: Iterable[Sequence[int]]) -> list[Interval]:
    """Sorted, overlapping and touching intervals joined; empty and inverted ones dropped."""
    ordered = sorted((int(a), int(b)) for a, b in intervals if int(b) > int(a))
    out: list[Interval] = []
    for start, end in ordered:
        if out and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def clip(intervals: Iterable[Interval], length_ms: int | None) -> list[Interval]:
    """Intervals cut to [0, length_ms] (no upper bound when the length is unknown)."""
    top = length_ms if length_ms is not None and length_ms > 0 else None
    out = []
    for start, end in intervals:
        start = max(0, start)
        end = min(end, top) if top is not None else end
        if end > start:
            out.append((start, end))
    return merge(out)


def total_ms(intervals: Iterable[Interval]) -> int:
    return sum(end - start for start, end in merge(intervals))


def to_json(intervals: Iterable[Interval]) -> str:
    return json.dumps([list(pair) for pair in merge(intervals)], separators=(",", ":"))


def from_json(text: str | None) -> list[Interval]:
    if not text:
        return []
    try:
        data = json.loads(text)
        return merge((int(pair[0]), int(pair[1])) for pair in data)
    except (ValueError, TypeError, IndexError):
        return []


def heard_percent(heard_ms: int | None, length_ms: int | None) -> int | None:
    """Whole percent of the recording heard (at most 100); None when its length is unknown."""
    if not length_ms or length_ms <= 0:
        return None
    return min(100, int((heard_ms or 0) * 100 // length_ms))


@dataclass
class HeardTracker:
    """Turns (position, playing, clock, rate) reports into heard intervals per recording.

    `slack` multiplies the advance the clock allows and `grace_ms` is added to it: reports arrive
    every 100-200 ms with jitter, and the position of a media back end moves in steps. A forward
    move larger than that is a seek and is not counted."""

    slack: float = 1.5
    grace_ms: int = 300
    key: str | None = None
    _last_pos: int | None = None
    _last_clock: int | None = None
    _open_start: int | None = None
    _pending: dict[str, list[Interval]] = field(default_factory=dict)

    def start(self, key: str | None) -> None:
        """A new source (None: nothing loaded); what was heard of the previous one stays pending."""
        self._close()
        self.key = key

    def update(self, position_ms: int, playing: bool, clock_ms: int, rate: float = 1.0) -> None:
        if self.key is None:
            return
        if not playing:
            self._close()
            return
        if self._last_pos is not None and self._last_clock is not None:
            advance = position_ms - self._last_pos
            elapsed = max(0, clock_ms - self._last_clock)
            allowed = elapsed * max(rate, 0.0) * self.slack + self.grace_ms
            if advance < 0 or advance > allowed:
                self._close()  # a seek or a jump: what lies between was not heard
            elif advance > 0 and self._open_start is None:
                self._open_start = self._last_pos
        if self._open_start is not None and self._last_pos is not None and position_ms > self._last_pos:
            self._add(self._open_start, position_ms)
        self._last_pos = position_ms
        self._last_clock = clock_ms

    def seeked(self) -> None:
        """The listener moved the position: the next report starts afresh."""
        self._close()

    def pending(self) -> dict[str, list[Interval]]:
        return {key: list(value) for key, value in self._pending.items() if value}

    def take(self) -> dict[str, list[Interval]]:
        """What was heard since the last take, per recording (the open interval keeps growing)."""
        out = self.pending()
        self._pending = {}
        if self.key is not None and self._open_start is not None and self._last_pos is not None:
            # Continue the open interval from where this take ended.
            self._open_start = self._last_pos
        return out

    def _add(self, start: int, end: int) -> None:
        assert self.key is not None
        self._pending[self.key] = merge([*self._pending.get(self.key, []), (start, end)])

    def _close(self) -> None:
        self._open_start = None
        self._last_pos = None
        self._last_clock = None
