"""The phases of a run: the incremental window, open sessions followed by id, the day-sliced
backfill, and sessions by id for MediaSense events. They talk to MediaSense; `PageWriter` commits."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncGenerator, Callable, Sequence
from contextlib import aclosing
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Protocol

from qms_desktop.domain.directory import DialPlan, DirectorySnapshot, enrich
from qms_desktop.domain.sessions import RejectedRecord, SessionRecord, TagChange
from qms_desktop.domain.time import TimeWindow, from_ms
from qms_desktop.mediasense.client import FetchedPage, MediaSenseClient, SessionPage, UnchangedFilter, read_page
from qms_desktop.mediasense.errors import (
    AuthenticationFailed,
    ConnectionFailed,
    MediaSenseError,
    ServerBusy,
    TlsError,
)
from qms_desktop.store.recordings import PreparedSessions
from qms_desktop.store.sync_state import Checkpoint
from qms_desktop.sync.pages import PageWriter
from qms_desktop.sync.rows import prepare_page
from qms_desktop.sync.run import SyncResult
from qms_desktop.sync.settings import SyncSettings
from qms_desktop.sync.windows import day_slices, gaps, live_slices

log = logging.getLogger("qms.sync")
OPEN_SESSION_FETCHES = 8  # concurrent getSessionBySessionId calls while following open sessions


class Emit(Protocol):
    """The progress hook the phases call."""

    def __call__(self, result: SyncResult, phase: str, message: str, *, day: int | None = None,
                 days: int | None = None) -> None: ...  # fmt: skip


@dataclass(slots=True)
class RunContext:
    """What a phase needs: MediaSense, the settings, the directory and where pages go."""

    client: MediaSenseClient
    settings: SyncSettings
    dial_plan: DialPlan
    snapshot: DirectorySnapshot
    pages: PageWriter
    emit: Emit
    # Sessions this run's live window read (written or found unchanged): as fresh as a lookup by id.
    fresh: set[str] = field(default_factory=set)

    @property
    def result(self) -> SyncResult:
        return self.pages.result

    def enrich(self, records: Sequence[SessionRecord]) -> list[SessionRecord]:
        return enrich(records, self.snapshot, self.dial_plan)

    def rows(self, page: SessionPage) -> PreparedSessions:
        """The rows of a page read with its ordinary sessions left as decoded (`windows_pages`)."""
        return prepare_page(page, self.snapshot, self.dial_plan)

    def waited_for_mediasense(self, seconds: float) -> None:
        self.result.waited_for_mediasense_s += seconds


# ---- incremental --------------------------------------------------------------------------------


async def incremental(run: RunContext, checkpoint: Checkpoint, upper: int) -> Checkpoint:
    """The live window, from the watermark minus the overlap up to the run's frozen upper bound.

    Nothing here depends on the order MediaSense returns rows or pages in: no Cisco text says the
    server honours `sortParameters`, so the watermark never moves to "the newest row seen". The
    window is read in slices (`live_slices`), each to its last page, and only a slice read in full
    moves the watermark, to the slice's end. A run cut short inside a slice (a failure, a stop)
    leaves the watermark at the last whole slice and the next run reads that slice again; the
    upsert absorbs the rows read twice. The page budget (`max_pages`) is checked between slices."""
    settings, result = run.settings, run.result
    watermark = checkpoint.last_sync_time_ms or upper
    start = min(watermark - int(settings.overlap_s * 1000), upper)
    result.window_start_ms = start
    if start >= upper:
        return checkpoint
    slices = live_slices(start, upper)
    windows = [TimeWindow(from_ms(slice_start), from_ms(slice_end)) for slice_start, slice_end in slices]
    pages_read = slices_read = 0
    stream = windows_pages(run.client, windows, limit=settings.page_size, unchanged=run.pages.unchanged,
                           budget=settings.max_pages, waited=run.waited_for_mediasense, ordinary=True)  # fmt: skip
    async with aclosing(stream) as pages:
        async for index, page in pages:
            slice_end = slices[index][1]
            if not page.has_more:
                slices_read = index + 1
                if slice_end > (checkpoint.last_sync_time_ms or 0):
                    # This slice has been read in full, in whatever order it came.
                    checkpoint = replace(checkpoint, last_sync_time_ms=slice_end, last_seen_id=None)
            pages_read += 1
            await run.pages.commit(run.rows(page), page.rejected, checkpoint=checkpoint, unchanged=page.unchanged,
                                   progress=partial(run.emit, result, "incremental",
                                                    f"page {pages_read} of the live window"))  # fmt: skip
            run.fresh.update(page.session_ids)
            run.fresh.update(page.unchanged_ids)
    if slices_read < len(slices):
        result.more_pending = True  # the next cycle continues from the watermark
        log.info("Reached %d pages this cycle; the rest follows next cycle", settings.max_pages)
    return checkpoint  # every page committed its checkpoint: nothing left to save


async def page_stream(run: RunContext, window: TimeWindow) -> AsyncGenerator[SessionPage, None]:
    """The window's pages in order (see `windows_pages`), their ordinary sessions for `run.rows`."""
    stream = windows_pages(run.client, [window], limit=run.settings.page_size, unchanged=run.pages.unchanged,
                           waited=run.waited_for_mediasense, ordinary=True)  # fmt: skip
    async with aclosing(stream) as pages:
        async for _, page in pages:
            yield page


async def windows_pages(
    client: MediaSenseClient,
    windows: Sequence[TimeWindow],
    *,
    limit: int,
    unchanged: UnchangedFilter | None = None,
    budget: int | None = None,
    waited: Callable[[float], None] | None = None,
    ordinary: bool = False,
) -> AsyncGenerator[tuple[int, SessionPage], None]:
    """The pages of `windows` in order, each with its window's index. One request is always in
    flight: the next page is requested as soon as this one has arrived, and the first page of the
    next window as soon as the last page of this one has, so MediaSense prepares it while this one
    is read and committed, and never waits for the client between windows. A window is started only
    while fewer than `budget` pages have been yielded. Sessions stored exactly as MediaSense sends
    them again are only counted (`page.unchanged`, given `unchanged`). `waited` is told how long
    each page kept the reader waiting (seconds)."""
    if not windows or (budget is not None and budget < 1):
        return
    index = yielded = 0
    pending: asyncio.Future[FetchedPage] | None = asyncio.ensure_future(
        client.fetch_page(windows[0], offset=0, limit=limit)
    )
    try:
        while pending is not None:
            asked = time.perf_counter()
            fetched = await pending
            if waited is not None:
                waited(time.perf_counter() - asked)
            current, following = index, fetched.next_offset
            if following is not None:
                pending = asyncio.ensure_future(client.fetch_page(windows[index], offset=following, limit=limit))
            elif index + 1 < len(windows) and (budget is None or yielded + 1 < budget):
                index += 1
                pending = asyncio.ensure_future(client.fetch_page(windows[index], offset=0, limit=limit))
            else:
                pending = None
            if pending is not None:
                await asyncio.sleep(0)  # let the request go out before this page's reading holds the loop
            yield current, await read_page(fetched, unchanged, ordinary=ordinary)
            yielded += 1
    finally:
        if pending is not None and not pending.done():
            pending.cancel()  # the caller stopped early (page limit, failure): drop the prefetch
            with contextlib.suppress(asyncio.CancelledError, MediaSenseError):
                await pending


# ---- sessions by id -----------------------------------------------------------------------------


@dataclass(slots=True)
class ById:
    """What fetching sessions by id returned, sorted: stored, quarantined, gone, or not fetched."""

    records: list[SessionRecord] = field(default_factory=list)
    rejected: list[RejectedRecord] = field(default_factory=list)
    gone: list[str] = field(default_factory=list)  # MediaSense no longer knows them
    failed: list[tuple[str, MediaSenseError]] = field(default_factory=list)

    @property
    def any_to_write(self) -> bool:
        return bool(self.records or self.rejected or self.gone)


async def fetch_by_id(client: MediaSenseClient, wanted: Sequence[tuple[str, int | None]]) -> ById:
    """Fetch (session id, start ms or None) a few at a time: one by one, hundreds of lookups would
    cost a round trip each. A connection-level error raises (nothing else would get through); any
    other error is kept per session in `failed`."""
    limit = asyncio.Semaphore(OPEN_SESSION_FETCHES)
    failed_in_a_row = 0

    async def fetch(session_id: str, start_ms: int | None) -> SessionRecord | RejectedRecord | MediaSenseError | None:
        nonlocal failed_in_a_row
        async with limit:
            try:
                found = await client.get_session(
                    session_id, started=from_ms(start_ms) if start_ms is not None else None
                )
            except MediaSenseError as exc:
                failed_in_a_row += 1
                # One session's lookup may fail on its own; a whole round of them failing is MediaSense.
                if _is_connection_level(exc) or failed_in_a_row >= OPEN_SESSION_FETCHES:
                    raise
                return exc
            failed_in_a_row = 0
            return found

    tasks = [asyncio.ensure_future(fetch(sid, start)) for sid, start in wanted]
    try:
        fetched_all = await asyncio.gather(*tasks)
    except BaseException:
        for task in tasks:  # the run is over: no lookups left running behind it
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise
    sorted_out = ById()
    for (session_id, _start), fetched in zip(wanted, fetched_all, strict=True):
        if isinstance(fetched, MediaSenseError):
            sorted_out.failed.append((session_id, fetched))
        elif fetched is None:
            sorted_out.gone.append(session_id)
        elif isinstance(fetched, RejectedRecord):
            sorted_out.rejected.append(fetched)
        else:
            sorted_out.records.append(fetched)
    return sorted_out


def _is_connection_level(exc: MediaSenseError) -> bool:
    return isinstance(exc, ConnectionFailed | TlsError | AuthenticationFailed | ServerBusy)


async def open_sessions(run: RunContext) -> None:
    """Sessions stored as ACTIVE are fetched again by id until MediaSense reports them closed; those
    the live window has just read in this run are as MediaSense has them now and are left for later."""
    limit = run.settings.open_sessions_per_cycle
    stored_open = await run.pages.open_sessions(limit + len(run.fresh))
    open_ids = [(sid, start) for sid, start in stored_open if sid not in run.fresh][:limit]
    size = run.settings.page_size
    for first in range(0, len(open_ids), size):
        chunk: list[tuple[str, int | None]] = list(open_ids[first : first + size])
        by_id = await fetch_by_id(run.client, chunk)
        for session_id, error in by_id.failed:
            log.warning("Could not re-fetch open session %s: %s", session_id, error)
            run.result.counts.errors += 1
        if by_id.any_to_write:
            progress = partial(run.emit, run.result, "open", "following open sessions")
            await run.pages.commit(run.enrich(by_id.records), by_id.rejected, deleted=by_id.gone, progress=progress)


async def sessions(
    run: RunContext,
    session_ids: Sequence[str],
    tag_changes: Sequence[TagChange] = (),
    announced: Sequence[SessionRecord] = (),
) -> None:
    """These sessions, as one page; those MediaSense no longer knows are marked deleted.

    What events announced stands in for a fetch that brought no record (failed, unreadable or
    "unknown"): the session-shaped body of an ENDED/UPDATED event (`announced`) is stored, and tag
    changes (TAG_EVENTs) are applied to the stored session. A session MediaSense just announced
    exists, so an "unknown" answer about it is not believed (it is not marked deleted), and a tag on
    an old call is not left to a periodic sync that may never look at that day again. A stored
    session is marked deleted only when getSessions around its stored start no longer lists it."""
    starts = await run.pages.stored_starts(session_ids)  # a stored one is deleted only if its window agrees
    by_id = await fetch_by_id(run.client, [(session_id, starts.get(session_id)) for session_id in session_ids])
    fetched = {record.session_id for record in by_id.records}
    unfetched_tags = [change for change in tag_changes if change.session_id not in fetched]
    stand_ins = [record for record in announced if record.session_id not in fetched]
    exists = {change.session_id for change in tag_changes} | {record.session_id for record in announced}
    gone = [session_id for session_id in by_id.gone if session_id not in exists]
    for session_id in by_id.gone:
        if session_id in exists:
            log.warning("MediaSense did not find session %s although an event just announced it: "
                        "not marking it deleted", session_id)  # fmt: skip
    for record in stand_ins:
        log.info("Session %s stored as its event announced it: fetching it brought no record", record.session_id)
    if by_id.failed and not (unfetched_tags or stand_ins):
        raise by_id.failed[0][1]  # an event sync is all or nothing: the periodic cycle catches up
    records = run.enrich([*by_id.records, *stand_ins])
    await run.pages.commit(records, by_id.rejected, deleted=gone, tag_changes=unfetched_tags)
    if by_id.failed:
        raise by_id.failed[0][1]  # what the events said is kept; the rest waits for the cycle


# ---- backfill -----------------------------------------------------------------------------------


async def backfill(run: RunContext, checkpoint: Checkpoint) -> None:
    """The days before the live window, newest first, a few per cycle; never moves the watermark."""
    result = run.result
    start, end = checkpoint.backfill_start_ms, checkpoint.backfill_end_ms
    if start is None or end is None:
        return
    total_days = len(day_slices(start, end))
    done = await run.pages.done_slices()
    todo = list(reversed(gaps(start, end, done)))  # newest days first: what supervisors need first
    result.backfill_total_days = total_days
    result.backfill_done_days = total_days - len(todo)
    result.mode = "incremental+backfill" if todo else result.mode
    for slice_start, slice_end in todo[: run.settings.backfill_days_per_cycle]:
        day_number = min(result.backfill_done_days + 1, total_days)
        await run.pages.begin_slice(slice_start, slice_end)
        window = TimeWindow(from_ms(slice_start), from_ms(slice_end))
        try:
            async with aclosing(page_stream(run, window)) as pages:
                async for page in pages:
                    progress = replace(checkpoint, backfill_current_ms=slice_start)
                    await run.pages.commit(run.rows(page), page.rejected, checkpoint=progress,
                                           slice_progress=(slice_start, slice_end), unchanged=page.unchanged,
                                           progress=partial(run.emit, result, "backfill",
                                                            f"backfill day {day_number} of {total_days}",
                                                            day=day_number, days=total_days))  # fmt: skip
        except MediaSenseError as exc:
            await run.pages.fail_slice(slice_start, slice_end, str(exc))
            raise
        todo_left = len(todo) - (day_number - (total_days - len(todo)))
        checkpoint = replace(checkpoint, backfill_current_ms=slice_start, backfill_complete=todo_left <= 0)
        await run.pages.end_slice(slice_start, slice_end, checkpoint)
        result.backfill_done_days = day_number
        result.backfilled_from_ms = slice_start
        run.emit(result, "backfill", f"backfill day {day_number} of {total_days} done",
                 day=day_number, days=total_days)  # fmt: skip
    result.backfill_complete = result.backfill_done_days >= total_days


__all__ = [
    "OPEN_SESSION_FETCHES",
    "ById",
    "RunContext",
    "backfill",
    "fetch_by_id",
    "incremental",
    "open_sessions",
    "page_stream",
    "sessions",
    "windows_pages",
]
