"""Time arithmetic of the sync: UTC day slices and the gaps a backfill still has to do."""

from __future__ import annotations

DAY_MS = 86_400_000
LIVE_SLICE_MS = 3_600_000  # the live window is read an hour at a time once it is longer than two


def floor_day(ms: int) -> int:
    return ms - ms % DAY_MS


def day_slices(start_ms: int, end_ms: int) -> list[tuple[int, int]]:
    """[start, end) cut at UTC midnights; the first and last slice may be partial."""
    slices: list[tuple[int, int]] = []
    cursor = start_ms
    while cursor < end_ms:
        nxt = min(floor_day(cursor) + DAY_MS, end_ms)
        slices.append((cursor, nxt))
        cursor = nxt
    return slices


def merge_intervals(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def gaps(start_ms: int, end_ms: int, done: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of [start, end) not covered by the done intervals, as day slices."""
    missing: list[tuple[int, int]] = []
    cursor = start_ms
    for d_start, d_end in merge_intervals(done):
        if d_end <= cursor:
            continue
        if d_start >= end_ms:
            break
        if d_start > cursor:
            missing.extend(day_slices(cursor, min(d_start, end_ms)))
        cursor = max(cursor, d_end)
    if cursor < end_ms:
        missing.extend(day_slices(cursor, end_ms))
    return missing


def live_slices(start_ms: int, end_ms: int) -> list[tuple[int, int]]:
    """[start, end) as the live window reads it: whole when it is at most two slices long (the
    usual overlap plus one interval), otherwise cut into `LIVE_SLICE_MS` pieces from its start."""
    if end_ms - start_ms <= 2 * LIVE_SLICE_MS:
        return [(start_ms, end_ms)] if start_ms < end_ms else []
    return [(s, min(s + LIVE_SLICE_MS, end_ms)) for s in range(start_ms, end_ms, LIVE_SLICE_MS)]
