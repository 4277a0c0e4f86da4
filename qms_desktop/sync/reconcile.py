"""Reconciliation: sessions MediaSense made visible after the live window had passed them.

The live window re-reads `overlap_s` before the watermark, so a session that appears in MediaSense
later than that after its start (some appear an hour or more after the call ended) would be missed
for good. Every `reconcile_interval_s` this pass re-checks the last `reconcile_window_s` up to the
watermark, and each UTC day once more when it has left that window (its final check); only what the
sync already covers (the live range and the done backfill days) is checked.

Cheap by design: MediaSense's getSessions gives no count, so a window is checked with one small
request, the rows at offsets (stored − 1, stored) with limit 2. One row back, and it is a session we
store: the window agrees. Two rows (MediaSense has more), none (it has fewer) or one we do not know:
the window is split in half and each half checked, down to windows of about a page, which are read in
full. A server that reports a total (`SessionPage.total`) is compared by that instead. Pages commit
without a checkpoint: the pass never moves the watermark.
"""

from __future__ import annotations

import logging
from contextlib import aclosing
from dataclasses import dataclass
from functools import partial

from qms_desktop.domain.time import TimeWindow, from_ms
from qms_desktop.sync.phases import RunContext, page_stream
from qms_desktop.sync.windows import DAY_MS, floor_day, merge_intervals

log = logging.getLogger("qms.sync")

MIN_SPLIT_MS = 1000  # a window this short is read, not split


@dataclass(slots=True)
class ReconcileStats:
    """What one pass did, for the log and the benchmark."""

    windows_checked: int = 0
    windows_read: int = 0
    days_settled: int = 0


async def reconcile(run: RunContext, upper: int) -> ReconcileStats | None:
    """Reconcile when due (None when not). `upper` is the run's frozen upper bound."""
    settings = run.settings
    interval_ms = int(settings.reconcile_interval_s * 1000)
    window_ms = int(settings.reconcile_window_s * 1000)
    if interval_ms <= 0 or window_ms <= 0:
        return None
    checkpoint, done_days = await run.pages.reconcile_inputs()
    top = checkpoint.last_sync_time_ms
    if top is None or (checkpoint.reconciled_at_ms is not None and upper - checkpoint.reconciled_at_ms < interval_ms):
        return None
    top = min(top, upper)  # everything before the watermark has been read once by the live window
    recent_start = top - window_ms
    # On the first pass, the days wholly before the window were read long enough after they ended.
    settled = checkpoint.settled_through_ms if checkpoint.settled_through_ms is not None else floor_day(recent_start)
    live_start = checkpoint.backfill_end_ms if checkpoint.backfill_end_ms is not None else top
    covered = merge_intervals([*done_days, (live_start, top)])
    stats = ReconcileStats()
    result = run.result
    found_before = result.counts.late_found
    checker = _Checker(run, stats)
    while settled + DAY_MS <= recent_start:
        for start, end in _overlap(settled, settled + DAY_MS, covered):
            await checker.check(start, end)
        settled += DAY_MS
        stats.days_settled += 1
    for start, end in _overlap(recent_start, top, covered):
        await checker.check(start, end)
    await run.pages.save_reconciliation(upper, settled)
    result.mode = f"{result.mode}+reconcile"
    log.info(
        "Reconciled %s..%s: %d window(s) checked, %d read, %d day(s) settled, %d late session(s) found",
        from_ms(recent_start).isoformat(), from_ms(top).isoformat(), stats.windows_checked, stats.windows_read,
        stats.days_settled, result.counts.late_found - found_before,
    )  # fmt: skip
    return stats


def _overlap(start: int, end: int, covered: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of [start, end) inside the covered intervals."""
    parts = [(max(start, c_start), min(end, c_end)) for c_start, c_end in covered]
    return [(s, e) for s, e in parts if s < e]


class _Checker:
    def __init__(self, run: RunContext, stats: ReconcileStats) -> None:
        self.run = run
        self.stats = stats

    async def check(self, start: int, end: int) -> None:
        """Make [start, end) agree with MediaSense: compare cheaply, split where it does not agree."""
        stored = await self.run.pages.count_stored(start, end)
        self.stats.windows_checked += 1
        if await self._agrees(start, end, stored):
            return
        if stored < self.run.settings.page_size or end - start <= MIN_SPLIT_MS:
            await self._read(start, end)
            return
        middle = start + (end - start) // 2
        await self.check(start, middle)
        await self.check(middle, end)

    async def _agrees(self, start: int, end: int, stored: int) -> bool:
        window = TimeWindow(from_ms(start), from_ms(end))
        page = await self.run.client.query_sessions(window, offset=max(stored - 1, 0), limit=2)
        if page.total is not None:
            return page.total == stored
        if stored == 0:
            return page.raw_count == 0
        if page.raw_count != 1 or not page.records:
            return False  # MediaSense has more, or fewer, or the last one is a record we quarantine
        return await self.run.pages.is_stored(page.records[0].session_id, start, end)

    async def _read(self, start: int, end: int) -> None:
        run = self.run
        self.stats.windows_read += 1
        window = TimeWindow(from_ms(start), from_ms(end))
        async with aclosing(page_stream(run, window)) as pages:
            async for page in pages:
                await run.pages.commit(run.rows(page), page.rejected, late=True, unchanged=page.unchanged,
                                       progress=partial(run.emit, run.result, "reconcile",
                                                        "re-checking recent calls for late arrivals"))  # fmt: skip


__all__ = ["MIN_SPLIT_MS", "ReconcileStats", "reconcile"]
