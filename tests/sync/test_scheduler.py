"""The periodic cycle: what starts a run, and what each run is labelled."""

from __future__ import annotations

import asyncio

import pytest
import pytest_asyncio

from qms_desktop.sync.scheduler import SyncScheduler

pytestmark = pytest.mark.asyncio
LONG = 3600.0  # an interval no test waits out: every run it sees was asked for


class Runs:
    """The scheduler's run callable: records each trigger; a run can be held open until released."""

    def __init__(self) -> None:
        self.triggers: list[str] = []
        self.finished = 0
        self.hold = asyncio.Event()
        self.hold.set()
        self._changed = asyncio.Condition()

    async def __call__(self, trigger: str) -> None:
        async with self._changed:
            self.triggers.append(trigger)
            self._changed.notify_all()
        await self.hold.wait()
        async with self._changed:
            self.finished += 1
            self._changed.notify_all()

    async def until(self, *, started: int = 0, finished: int = 0) -> None:
        async with self._changed:
            await asyncio.wait_for(
                self._changed.wait_for(lambda: len(self.triggers) >= started and self.finished >= finished), 5
            )


async def settle() -> None:
    """Let every ready task run until none is left (no timers involved). Not a wait: tests call it to
    show that nothing more happens once what they waited for has happened."""
    for _ in range(20):
        await asyncio.sleep(0)


async def test_trigger_now_during_a_run_runs_exactly_once_more_right_after(start_scheduler):
    runs = Runs()
    runs.hold.clear()
    scheduler = start_scheduler(runs, LONG)
    await runs.until(started=1)
    scheduler.trigger_now()
    scheduler.trigger_now()  # asked twice while one run is going: one more run serves both
    runs.hold.set()
    await runs.until(started=2, finished=2)
    await settle()
    assert runs.triggers == ["schedule", "manual"]


async def test_trigger_now_while_waiting_runs_at_once(start_scheduler):
    runs = Runs()
    scheduler = start_scheduler(runs, LONG)
    await runs.until(finished=1)
    scheduler.trigger_now()
    await runs.until(finished=2)
    assert runs.triggers == ["schedule", "manual"]


async def test_a_changed_interval_rearms_the_wait_without_a_run(start_scheduler):
    runs = Runs()
    scheduler = start_scheduler(runs, LONG)
    await runs.until(finished=1)
    scheduler.set_interval(2 * LONG)
    await settle()
    assert runs.triggers == ["schedule"]
    scheduler.set_interval(0.01)  # now overdue under the new interval: the schedule runs
    await runs.until(finished=2)
    assert runs.triggers[:2] == ["schedule", "schedule"]


@pytest_asyncio.fixture
async def start_scheduler():
    started: list[SyncScheduler] = []

    def start(run_once: Runs, interval_s: float) -> SyncScheduler:
        scheduler = SyncScheduler(run_once, interval_s)
        scheduler.start()
        started.append(scheduler)
        return scheduler

    yield start
    for scheduler in started:
        await scheduler.stop()
