"""Where the per-user stream limit is counted.

`DatabaseSlots` counts in the database, so every process of a user (GUI, `recordings serve`, on any
workstation) shares one limit; a background thread renews the leases of this process's playbacks
and frees ended ones, so neither the GUI thread nor the proxy's event loop waits on the database.
`InProcessSlots` counts this process's playbacks only: for a proxy used without a database.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import Engine

from qms_desktop.security import audit
from qms_desktop.store.engine import begin_write
from qms_desktop.store.playback_slots import SlotLease, claim_slot, release_slots, renew_slots

log = logging.getLogger("qms.proxy")

DEFAULT_SLOT_TTL_S = 60.0  # a killed process's playbacks stop counting after at most this long


@dataclass(frozen=True, slots=True)
class Slot:
    """One playback's place in its user's limit."""

    username: str
    key: str


LostCallback = Callable[[Slot], None]


class SlotStore(Protocol):
    def claim(self, username: str, limit: int, session_id: str, track: int | None) -> Slot | None:
        """A slot, or None when the user already holds `limit`. May block (the database)."""
        ...

    def release(self, slot: Slot) -> None:
        """Free a slot. Never blocks: called on the GUI thread and the proxy's event loop."""
        ...

    def on_lost(self, callback: LostCallback) -> None:
        """`callback(slot)` when a held slot turns out to be gone (its playback must end)."""
        ...

    def close(self) -> None:
        """Free every slot still held. Idempotent."""
        ...


class InProcessSlots:
    """The limit over this process's playbacks only."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._held: dict[str, set[str]] = {}
        self._keys = itertools.count()

    def claim(self, username: str, limit: int, session_id: str, track: int | None) -> Slot | None:
        with self._lock:
            held = self._held.setdefault(username, set())
            if len(held) >= limit:
                return None
            key = str(next(self._keys))
            held.add(key)
        return Slot(username, key)

    def release(self, slot: Slot) -> None:
        with self._lock:
            self._held.get(slot.username, set()).discard(slot.key)

    def on_lost(self, callback: LostCallback) -> None:
        pass  # nothing here is ever lost

    def close(self) -> None:
        with self._lock:
            self._held.clear()


class DatabaseSlots:
    """The limit over every process on the database. Thread-safe.

    Each claimed slot is a lease of `ttl_s` renewed every `ttl_s / 3` by a background thread while
    its playback lives. A process that dies stops renewing, and its slots are free again at most
    `ttl_s` after its last renewal.
    """

    def __init__(self, engine: Engine, *, ttl_s: float = DEFAULT_SLOT_TTL_S, holder: str | None = None) -> None:
        if ttl_s <= 0:
            raise ValueError("the slot lease must be longer than 0 s")
        self._engine = engine
        self.ttl_s = ttl_s
        self._holder = holder or audit.this_place()
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._live: dict[str, SlotLease] = {}
        self._released: list[SlotLease] = []
        self._lost_callbacks: list[LostCallback] = []
        self._thread: threading.Thread | None = None
        self._closed = False

    @property
    def _ttl_ms(self) -> int:
        return max(1, round(self.ttl_s * 1000))

    def claim(self, username: str, limit: int, session_id: str, track: int | None) -> Slot | None:
        with begin_write(self._engine) as conn:
            lease = claim_slot(
                conn,
                username=username,
                limit=limit,
                holder=self._holder,
                ttl_ms=self._ttl_ms,
                session_id=session_id,
                track=track,
            )
        if lease is None:
            return None
        with self._lock:
            if self._closed:
                self._released.append(lease)
                closed = True
            else:
                closed = False
                self._live[lease.lease] = lease
                if self._thread is None:
                    self._thread = threading.Thread(target=self._run, name="qms-playback-slots", daemon=True)
                    self._thread.start()
        if closed:
            self._flush_releases()
            return None
        return Slot(username, lease.lease)

    def release(self, slot: Slot) -> None:
        with self._lock:
            lease = self._live.pop(slot.key, None)
            if lease is None:
                return
            self._released.append(lease)
        self._wake.set()

    def on_lost(self, callback: LostCallback) -> None:
        with self._lock:
            self._lost_callbacks.append(callback)

    def held(self) -> int:
        """Slots this process holds now."""
        with self._lock:
            return len(self._live)

    def close(self, timeout: float = 10.0) -> None:
        """Free every slot this process holds (written before returning). Idempotent."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._released.extend(self._live.values())
            self._live.clear()
            thread = self._thread
        self._wake.set()
        if thread is not None:
            thread.join(timeout)
        self._flush_releases()  # also when the thread never started, or did not finish in time

    def _run(self) -> None:
        interval = self.ttl_s / 3
        next_renewal = time.monotonic() + interval
        while True:
            self._wake.wait(max(0.0, next_renewal - time.monotonic()))
            self._wake.clear()
            self._flush_releases()
            with self._lock:
                if self._closed:
                    return
            if time.monotonic() >= next_renewal:
                next_renewal = time.monotonic() + interval
                self._renew()

    def _flush_releases(self) -> None:
        with self._lock:
            released, self._released = self._released, []
        if not released:
            return
        try:
            with begin_write(self._engine) as conn:
                release_slots(conn, released)
        except Exception as exc:  # the leases run out by themselves
            log.warning(
                "Could not free %d playback slot(s) (they expire within %s s): %s", len(released), self.ttl_s, exc
            )

    def _renew(self) -> None:
        with self._lock:
            leases = list(self._live.values())
        if not leases:
            return
        try:
            with begin_write(self._engine) as conn:
                lost = renew_slots(conn, leases, self._ttl_ms)
        except Exception as exc:  # try again at the next beat; a renewal that comes late still counts
            log.warning("Could not renew %d playback slot(s): %s", len(leases), exc)
            return
        for lease in lost:
            with self._lock:
                if self._live.pop(lease.lease, None) is None:
                    continue  # released meanwhile
                callbacks = list(self._lost_callbacks)
            log.warning("Playback slot of %s was taken by another playback after its lease ran out", lease.username)
            for callback in callbacks:
                try:
                    callback(Slot(lease.username, lease.lease))
                except Exception:
                    log.exception("Ending a playback whose slot was lost failed")
