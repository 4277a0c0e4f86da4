"""The periodic cycle: run a sync every interval; a failed run never stops the schedule."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from qms_desktop.sync.guard import SyncAlreadyRunning

log = logging.getLogger("qms.sync")


class SyncScheduler:
    """`start()` begins the cycle (first run at once); `stop()` cancels it and waits."""

    def __init__(self, run_once: Callable[[str], Awaitable[object]], interval_s: float) -> None:
        self._run_once = run_once
        self.interval_s = interval_s
        self._task: asyncio.Task[None] | None = None
        self._wake = asyncio.Event()
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
        self._wake.set()

    def set_interval(self, seconds: float) -> None:
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
        trigger = "schedule"
        while True:
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
            self._wake.clear()
            try:
                await asyncio.wait_for(self._wake.wait(), timeout=self.interval_s)
                trigger = "manual"
            except TimeoutError:
                trigger = "schedule"
