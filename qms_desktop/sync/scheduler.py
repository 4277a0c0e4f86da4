"""The periodic cycle: run a sync every interval; a failed run never stops the schedule."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from qms_desktop.sync.guard import SyncAlreadyRunning

log = logging.getLogger("qms.sync")


class SyncScheduler:
    """`start()` begins the cycle (first run at once); `stop()` cancels it and waits.

    The next scheduled run is due `interval_s` after the previous one ended. `trigger_now()` runs
    one at once, or right after the current one if a run is going; `set_interval()` only moves
    the due time (a shorter interval that is already over runs the schedule at once).
    """

    def __init__(
        self, run_once: Callable[[str], Awaitable[object]], interval_s: float, *, first_trigger: str = "schedule"
    ) -> None:
        self._run_once = run_once
        self.interval_s = interval_s
        self.first_trigger = first_trigger  # what the run at start() is recorded as ("startup" at launch)
        self._task: asyncio.Task[None] | None = None
        self._wake = asyncio.Event()  # something changed while waiting: look again
        self._manual_requested = False
        self.cycles = 0
        self.failures = 0

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    def start(self) -> None:
        if not self.running:
            self._task = asyncio.get_running_loop().create_task(self._loop(), name="qms-sync-scheduler")

    def trigger_now(self) -> None:
        """Run the next cycle immediately instead of waiting out the interval."""
        # A flag, not just the wake-up: a request made during a run must survive until the run ends.
        self._manual_requested = True
        self._wake.set()

    def set_interval(self, seconds: float) -> None:
        """Use a new interval: the wait under way is measured again against it; no run starts."""
        self.interval_s = seconds
        self._wake.set()

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is None:
            return
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            pass

    async def _loop(self) -> None:
        trigger = self.first_trigger
        while True:
            self._manual_requested = False  # this run serves every request made before it started
            try:
                await self._run_once(trigger)
            except SyncAlreadyRunning as busy:
                log.info("Scheduled sync skipped: %s", busy)
            except asyncio.CancelledError:
                raise
            except Exception:
                self.failures += 1
                log.exception("Scheduled sync failed; the schedule continues")
            self.cycles += 1
            trigger = await self._next_trigger(asyncio.get_running_loop().time())

    async def _next_trigger(self, ended: float) -> str:
        """Wait until a run is due; returns what it is: "manual" (asked for) or "schedule"."""
        loop = asyncio.get_running_loop()
        while True:
            self._wake.clear()
            if self._manual_requested:
                return "manual"
            remaining = ended + self.interval_s - loop.time()
            if remaining <= 0:
                return "schedule"
            try:
                await asyncio.wait_for(self._wake.wait(), timeout=remaining)
            except TimeoutError:
                pass  # due now, unless a request came in meanwhile: the loop decides
