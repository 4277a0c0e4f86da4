"""The simulator's clock: everything time-dependent the API says is computed from `now()`.

Tests freeze it or jump it forward to close ACTIVE calls and expire sessions without waiting.
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime


def to_ms(value: datetime | int | float) -> int:
    """Epoch milliseconds from a timezone-aware datetime (naive means UTC) or a number of ms."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return round(value.timestamp() * 1000)
    return int(value)


def from_ms(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, tz=UTC)


class SimClock:
    """Real time plus an offset, or frozen at one instant. Thread-safe: read by the server thread."""

    def __init__(self, now: datetime | int | None = None, *, frozen: bool = False) -> None:
        self._lock = threading.Lock()
        self._frozen_ms: int | None = None
        self._offset_ms = 0
        start_ms = to_ms(now) if now is not None else self._real_ms()
        self._offset_ms = start_ms - self._real_ms()
        if frozen:
            self._frozen_ms = start_ms  # exactly `now`: no drift between two clock reads

    # Pickled (a sync run in another process), a clock is a detached copy: the same offset from
    # real time, or the same frozen instant; later jumps of the original do not reach it.
    def __getstate__(self) -> dict[str, int | None]:
        with self._lock:
            return {"frozen_ms": self._frozen_ms, "offset_ms": self._offset_ms}

    def __setstate__(self, state: dict[str, int | None]) -> None:
        self._lock = threading.Lock()
        self._frozen_ms = state["frozen_ms"]
        self._offset_ms = int(state["offset_ms"] or 0)

    @staticmethod
    def _real_ms() -> int:
        return time.time_ns() // 1_000_000

    @property
    def frozen(self) -> bool:
        return self._frozen_ms is not None

    def now_ms(self) -> int:
        with self._lock:
            if self._frozen_ms is not None:
                return self._frozen_ms
            return self._real_ms() + self._offset_ms

    def now(self) -> datetime:
        return from_ms(self.now_ms())

    def set(self, when: datetime | int) -> None:
        """Jump to `when` (datetime or epoch ms); a frozen clock stays frozen there."""
        ms = to_ms(when)
        with self._lock:
            if self._frozen_ms is not None:
                self._frozen_ms = ms
            else:
                self._offset_ms = ms - self._real_ms()

    def advance(self, seconds: float) -> None:
        delta = round(seconds * 1000)
        with self._lock:
            if self._frozen_ms is not None:
                self._frozen_ms += delta
            else:
                self._offset_ms += delta

    def freeze(self) -> None:
        with self._lock:
            if self._frozen_ms is None:
                self._frozen_ms = self._real_ms() + self._offset_ms

    def unfreeze(self) -> None:
        """Resume ticking in real time from the frozen instant."""
        with self._lock:
            if self._frozen_ms is not None:
                self._offset_ms = self._frozen_ms - self._real_ms()
                self._frozen_ms = None
