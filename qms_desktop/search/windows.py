"""Paging a large full-text match in start order without reading all of it.

A page sorted by start time that must also match free text or a number part would otherwise build
the whole match set (every recording with "olena" in it) and sort it, so the cost grows with the
number of matches. Instead the page is filled from time windows, newest first (oldest first when
ascending), each sized from the matches the last one held (up to a few times wider): the
recordings of a window have ids within a range read from the start index, and FTS5 reads only that
range of each match (its lists are in id order). Ids follow the order of storing, which mostly
follows time; where they do not, a window's id range is wide and the rest of the page comes from one
ordinary query, so the cost is never much above the plain plan. A match known to be small (a rare
word, a long number part) uses the plain plan straight away: building a small set is cheaper than
walking the index; a narrow time range (a week) is one window.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from qms_desktop.store.fulltext import IdRange
from qms_desktop.store.schema import recordings

# At most this many matches are read to tell a small set from a large one.
SMALL_MATCH = 5_000
# A small set is read row by row (~10 µs a match, the grouping included); a window is sized by
# reading its stretch of the start index (~0.15 µs a recording), and a page of `need` rows from a
# set of m matches among n recordings reads about need * n / m of them. So windows pay once
# m * m > need * n * SCAN_PER_ROW: 1,200 matches at 1M recordings, 2,100 at 3M, for 100 rows.
SCAN_PER_ROW = 0.015
FIRST_WINDOW_ROWS = 20_000  # recordings in the first window (from the average density)
GROWTH = 4
LARGE_REST = 200_000  # recordings left, about, above which the rest is one plain query
# A window whose id range is this many times wider than its row count: ids do not follow time there.
SCATTERED = 8


@dataclass(frozen=True, slots=True)
class Window:
    """Start times [lo, hi] (inclusive) and the ids its recordings (and `margin_ms` before) have;
    ids None: the rest of the range in one query, without an id bound."""

    lo: int
    hi: int
    ids: IdRange | None


def first_matches(
    conn: Connection, matching: sa.Select[Any], *, descending: bool, small: int = SMALL_MATCH
) -> list[int]:
    """Up to `small` ids of a full-text set, from the highest id down (descending) or the lowest up:
    all of it when fewer, else every match on that side of the last one (a window within needs no
    second read of the match)."""
    rowid = matching.selected_columns[0]
    ordered = matching.order_by(rowid.desc() if descending else rowid.asc()).limit(small)
    return list(conn.execute(ordered).scalars())


def small_match(conn: Connection, need: int) -> int:
    """Below this many matches a page is cheaper from the whole set than from time windows."""
    span = table_span(conn)
    recordings_about = 0 if span is None else span[2] * max(1, span[1] - span[0])
    return max(1, min(SMALL_MATCH, math.isqrt(int(need * recordings_about * SCAN_PER_ROW))))


def known_in(window: Window, first: dict[str, list[int]], *, descending: bool) -> dict[str, list[int]]:
    """The matches inside the window's id range, for the sets whose first ids cover that range."""
    if window.ids is None:
        return {}
    low, high = window.ids
    return {
        key: [rid for rid in found if low <= rid <= high]
        for key, found in first.items()
        if found and (low >= found[-1] if descending else high <= found[-1])
    }


def table_span(conn: Connection) -> tuple[int, int, float] | None:
    """The first and last start time and the recordings per ms, about (four index probes); None
    when there are no recordings."""
    r = recordings.c
    # Four scalar subqueries: each is one index probe (a single SELECT of four aggregates scans).
    ends = (sa.func.min(r.start_ms), sa.func.max(r.start_ms), sa.func.min(r.id), sa.func.max(r.id))
    first, last, low_id, high_id = conn.execute(sa.select(*(sa.select(e).scalar_subquery() for e in ends))).one()
    if first is None:
        return None
    return first, last, (high_id - low_id + 1) / max(1, last - first)


def narrow(conn: Connection, lo: int | None, hi: int | None) -> bool:
    """Whether start times [lo, hi] hold few enough recordings to walk them all in one window."""
    span = table_span(conn)
    if span is None:
        return True
    first, last, density = span
    lo = first if lo is None else max(lo, first)
    hi = last if hi is None else min(hi, last)
    return (hi - lo + 1) * density <= LARGE_REST


@dataclass(slots=True)
class Progress:
    """What the caller found in the last window and still needs: the next window is sized from it."""

    found: int = 0
    missing: int = 0


def time_windows(
    conn: Connection,
    lo: int | None,
    hi: int | None,
    *,
    descending: bool,
    margin_ms: int = 0,
    progress: Progress | None = None,
) -> Iterator[Window]:
    """Windows covering start times [lo, hi] (None: the table's first or last), growing away from the
    newest (descending) or oldest end. `margin_ms`: the id range also covers this much before each
    window (a grouped search looks at the earlier segments of a call). `progress`, kept current by
    the caller: the next window is about twice as wide as the last one's matches say the rest of
    the page needs (between a quarter and `GROWTH` times the last), since sizing a window reads
    its stretch of the start index: a sparse match (a number part) would otherwise size a window
    four times wider than it needs for its last few rows."""
    r = recordings.c
    table = table_span(conn)
    if table is None:
        return
    first, last, density = table
    lo = first if lo is None else max(lo, first)
    hi = last if hi is None else min(hi, last)
    if lo > hi:
        return
    span = max(1, int(FIRST_WINDOW_ROWS / density))  # read at call time (tests use small windows)
    while lo <= hi:
        if span * GROWTH >= hi - lo + 1:  # the next window would be most of the rest: all of it
            if (hi - lo + 1) * density > LARGE_REST:  # plainly, rather than scan it for its ids
                yield Window(lo, hi, None)
                return
            span = hi - lo + 1
        w_lo, w_hi = (hi - span + 1, hi) if descending else (lo, lo + span - 1)
        count, min_id, max_id = conn.execute(
            sa.select(sa.func.count(), sa.func.min(r.id), sa.func.max(r.id)).where(
                r.start_ms >= w_lo - margin_ms, r.start_ms <= w_hi
            )
        ).one()
        if count and max_id - min_id + 1 > SCATTERED * count + 1000:
            yield Window(lo, hi, None)  # ids scattered in time here: the rest in one plain query
            return
        if count:
            yield Window(w_lo, w_hi, (min_id, max_id))
        if descending:
            hi = w_lo - 1
        else:
            lo = w_hi + 1
        span = _next_span(span, progress)


def _next_span(span: int, progress: Progress | None) -> int:
    if progress is None or progress.found <= 0 or progress.missing <= 0:
        return span * GROWTH
    wanted = span * 2 * progress.missing // progress.found
    return max(span // GROWTH, min(span * GROWTH, wanted), 1)
