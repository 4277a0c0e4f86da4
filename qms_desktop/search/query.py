"""The recordings query API used by the CLI and the GUI: filters, free text, visibility, keyset paging.

Paging is keyset (seek), never OFFSET: the cursor carries the last row's sort key and id, so page N
costs the same as page 1 and rows inserted by a running sync do not shift or repeat rows.

One call, one item: a hold or a transfer splits a call into several MediaSense sessions sharing the
call controller's call id (`ccid`). Sessions with the same ccid and call controller whose starts lie
within `CALL_SPAN_MS` of each other are the segments of one call. A grouped search (the default)
returns each call once, at the position of its earliest matching segment (its "representative"),
with all of the call's segments the reader may see; a segment of a team the reader cannot see is
neither listed nor used to match. Finding the representative is one probe of the (ccid, start_ms)
index per candidate row, so the cost of a page does not grow with the table.
"""

from __future__ import annotations

import base64
import dataclasses
import json
from collections.abc import Collection, Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy import Connection, Engine
from sqlalchemy.sql.util import ClauseAdapter

from qms_desktop.domain.directory import ListeningChoice
from qms_desktop.domain.time import from_ms
from qms_desktop.search import windows
from qms_desktop.search.windows import Window, first_matches, known_in, time_windows
from qms_desktop.store.fulltext import IdRange, SearchBackend, backend_for
from qms_desktop.store.schema import (
    UNKNOWN_TRACK_NUMBER,
    recording_participants,
    recording_tags,
    recording_tracks,
    recordings,
    review_heard,
    review_marks,
)

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

SORT_FIELDS = ("start", "duration", "agent", "ani", "dnis")
REVIEW_FILTERS = ("reviewed", "not_reviewed", "partly_heard")
MAX_LIMIT = 1000
# Sessions of one call (same ccid and call controller) start within this much of each other. A ccid
# is a call controller's counter, so the same value far apart in time is another call.
CALL_SPAN_MS = 12 * 3_600_000


class InvalidCursor(ValueError):
    """The cursor is damaged or belongs to a different sort order."""


@dataclass(frozen=True, slots=True)
class RecordingQuery:
    """All filters are ANDed. Times are epoch ms UTC, the range half-open [start_ms, end_ms)."""

    start_ms: int | None = None
    end_ms: int | None = None
    agent_ids: Collection[str] = ()  # any of
    team_codes: Collection[str] = ()  # any of
    direction: str | None = None  # inbound / outbound / internal
    ani: str | None = None  # substring, case-insensitive
    dnis: str | None = None  # substring, case-insensitive
    csq: str | None = None  # exact
    tags: Collection[str] = ()  # every listed tag present
    min_duration_ms: int | None = None
    max_duration_ms: int | None = None
    state: str | None = None
    session_id: str | None = None
    ccid: str | None = None  # exact: the call controller's call id shared by the sessions of one call
    text: str | None = None  # free text: every word, as a prefix, in the full-text document
    allowed_teams: Collection[str] | None = None  # a supervisor's visible teams; None = everything
    sort: str = "start"
    descending: bool = True
    limit: int = 50
    after: str | None = None  # next_cursor of the previous page
    group_calls: bool = True  # one item per call (its sessions as segments); False: one per session
    synced_after_ms: int | None = None  # first stored after this (a saved search's new matches)
    # The reader whose heard share each row carries (RecordingRow.heard_ms), and the review filter:
    # "reviewed", "not_reviewed", or "partly_heard" (this reader heard some of it, nobody marked it).
    heard_by: str | None = None
    review: str | None = None

    def __post_init__(self) -> None:
        if self.sort not in SORT_FIELDS:
            raise ValueError(f"sort must be one of {', '.join(SORT_FIELDS)}, not {self.sort!r}")
        if not 1 <= self.limit <= MAX_LIMIT:
            raise ValueError(f"limit must be between 1 and {MAX_LIMIT}")
        if self.review is not None and self.review not in REVIEW_FILTERS:
            raise ValueError(f"review must be one of {', '.join(REVIEW_FILTERS)}, not {self.review!r}")


@dataclass(frozen=True, slots=True)
class SegmentInfo:
    """One session of a call, as the call's details and the player's timeline show it."""

    session_id: str
    start_ms: int
    end_ms: int | None
    duration_ms: int | None
    state: str
    agent_id: str | None
    agent_name: str | None
    team_code: str | None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["start"] = from_ms(self.start_ms).isoformat()
        end = from_ms(self.end_ms)
        data["end"] = end.isoformat() if end else None
        return data


@dataclass(frozen=True, slots=True)
class RecordingRow:
    """One session (the representative of its call in a grouped search) and the call's segments."""

    id: int
    session_id: str
    start_ms: int
    end_ms: int | None
    duration_ms: int | None
    state: str
    agent_id: str | None
    agent_name: str | None
    team_code: str | None
    direction: str | None
    ani: str | None
    dnis: str | None
    csq: str | None
    wrap_up_reason: str | None
    codec: str | None
    pruned: bool
    dialect: str | None
    ccid: str | None = None
    # The call's sessions the reader may see, in start order (this one included); filled by the
    # grouped search and by `get_recording`; empty when not asked for.
    segments: tuple[SegmentInfo, ...] = ()
    # With RecordingQuery.heard_by: how much of this session that reader heard, and whether it is
    # marked reviewed (None when not asked for).
    heard_ms: int | None = None
    reviewed: bool | None = None

    @property
    def is_call(self) -> bool:
        """More than one session: a call split by a hold or a transfer."""
        return len(self.segments) > 1

    @property
    def call_start_ms(self) -> int:
        return self.segments[0].start_ms if self.segments else self.start_ms

    @property
    def call_end_ms(self) -> int | None:
        if not self.segments:
            return self.end_ms
        ends = [s.end_ms for s in self.segments]
        return None if any(e is None for e in ends) else max(e for e in ends if e is not None)

    @property
    def talk_ms(self) -> int | None:
        """The recorded time: the segments' durations added (the gaps between them are not recorded)."""
        if not self.segments:
            return self.duration_ms
        durations = [s.duration_ms for s in self.segments]
        return None if any(d is None for d in durations) else sum(d for d in durations if d is not None)

    @property
    def start(self) -> datetime:
        value = from_ms(self.start_ms)
        assert value is not None
        return value

    @property
    def end(self) -> datetime | None:
        return from_ms(self.end_ms)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["start"] = self.start.isoformat()
        data["end"] = self.end.isoformat() if self.end else None
        data["segments"] = [segment.to_dict() for segment in self.segments]
        data["segment_count"] = max(1, len(self.segments))
        data["call_start_ms"] = self.call_start_ms
        data["call_end_ms"] = self.call_end_ms
        data["talk_ms"] = self.talk_ms
        return data


_NOT_COLUMNS = ("segments", "heard_ms", "reviewed")
ROW_COLUMNS = tuple(recordings.c[name] for name in RecordingRow.__dataclass_fields__ if name not in _NOT_COLUMNS)
SEGMENT_COLUMNS = tuple(recordings.c[name] for name in SegmentInfo.__dataclass_fields__)


@dataclass(frozen=True, slots=True)
class RecordingPage:
    items: list[RecordingRow]
    next_cursor: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"items": [row.to_dict() for row in self.items], "next_cursor": self.next_cursor}


@dataclass(frozen=True, slots=True)
class TrackInfo:
    number: int | None  # MediaSense's number (from 0); None when the server gave none
    media_type: str | None
    codec: str | None
    start_ms: int | None
    duration_ms: int | None
    download_url: str | None


@dataclass(frozen=True, slots=True)
class ParticipantInfo:
    track_number: int | None
    device_ref: str | None
    device_id: str | None
    role: str | None
    name: str | None
    xref_ci: str | None
    start_ms: int | None
    duration_ms: int | None
    is_conference: bool


@dataclass(frozen=True, slots=True)
class TagInfo:
    name: str
    type: str | None
    offset_ms: int | None
    created_ms: int | None
    track_number: int | None


@dataclass(frozen=True, slots=True)
class RecordingDetail:
    row: RecordingRow
    recording_id: str | None
    urls: dict[str, str | None]
    call_controller_ip: str | None
    call_controller_type: str | None
    ccid: str | None
    fetched_at_ms: int
    synced_at_ms: int
    tracks: tuple[TrackInfo, ...] = ()
    participants: tuple[ParticipantInfo, ...] = ()
    tags: tuple[TagInfo, ...] = ()
    raw: dict[str, Any] | None = field(default=None, repr=False)
    # What a player offers (the whole call, then each audio track by role); filled by the use case
    # that knows the site's dial plan.
    listening: tuple[ListeningChoice, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["row"] = self.row.to_dict()
        return data


def _sort_key(conn: Connection, sort: str) -> sa.ColumnElement[Any]:
    """The ORDER BY expression. NULLs become a sentinel so both databases order them the same, and
    text compares byte-wise ("C") on PostgreSQL as it does in SQLite."""
    if sort == "start":
        return recordings.c.start_ms
    if sort == "duration":
        return sa.func.coalesce(recordings.c.duration_ms, -1)
    if sort == "agent":
        key: sa.ColumnElement[Any] = sa.func.coalesce(recordings.c.agent_name, recordings.c.agent_id, "")
    else:
        key = sa.func.coalesce(recordings.c[sort], "")
    if conn.dialect.name == "postgresql":
        key = sa.collate(key, "C")
    return key


def encode_cursor(query: RecordingQuery, key: Any, row_id: int) -> str:
    payload = json.dumps([query.sort, "d" if query.descending else "a", key, row_id], separators=(",", ":"))
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


def decode_cursor(query: RecordingQuery, cursor: str) -> tuple[Any, int]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        sort, direction, key, row_id = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, TypeError) as exc:
        raise InvalidCursor("the paging cursor is damaged; start again from the first page") from exc
    if sort != query.sort or direction != ("d" if query.descending else "a") or not isinstance(row_id, int):
        raise InvalidCursor("the paging cursor belongs to a different sort order")
    return key, row_id


_WALK_FROM = 1000  # known matches in a window from which walking it in start order is cheaper


@dataclass
class _Conditions:
    where: list[sa.ColumnElement[bool]]
    # The full-text id sets among them ("text", "ani", "dnis"), to probe how many match.
    matches: dict[str, sa.Select[Any]]


def _conditions(
    conn: Connection,
    query: RecordingQuery,
    backend: SearchBackend | None,
    ids: IdRange | None = None,
    known: Mapping[str, Sequence[int]] | None = None,
) -> _Conditions:
    """The query's filters. `ids`: the full-text sets need only ids in this range (the caller bounds
    the rows to a time window whose recordings all have ids in it). `known`: full-text sets already
    read (within that range), used as they are."""
    r = recordings.c
    where: list[sa.ColumnElement[bool]] = []
    matches: dict[str, sa.Select[Any]] = {}
    known = known or {}
    backend = backend or backend_for(conn)
    # Many known matches in a window: `id + 0` keeps SQLite from looking each one up and sorting them
    # all; it walks the window in start order (the start index) and stops when the page is full.
    walk = ids is not None and bool(known) and min(map(len, known.values())) > _WALK_FROM
    rid = r.id + 0 if walk else r.id
    if query.start_ms is not None:
        where.append(r.start_ms >= query.start_ms)
    if query.end_ms is not None:
        where.append(r.start_ms < query.end_ms)
    if query.agent_ids:
        where.append(r.agent_id.in_(list(query.agent_ids)))
    if query.team_codes:
        where.append(r.team_code.in_(list(query.team_codes)))
    if query.allowed_teams is not None:
        # No visible team means nothing visible, and a recording without a team is not visible.
        where.append(r.team_code.in_(list(query.allowed_teams)) if query.allowed_teams else sa.false())
    if query.direction:
        where.append(r.direction == query.direction)
    for column, part in (("ani", query.ani), ("dnis", query.dnis)):
        if part:
            numbers = backend.number_ids(column, part, ids=ids)
            if numbers is None:  # no number index, or a part shorter than its trigrams: a scan
                where.append(r[column].icontains(part, autoescape=True))
            else:
                where.append(rid.in_(known.get(column, numbers)))
                matches[column] = numbers
    if query.csq:
        where.append(r.csq == query.csq)
    for tag in dict.fromkeys(query.tags):
        where.append(sa.exists().where(recording_tags.c.recording_id == r.id, recording_tags.c.name == tag))
    if query.min_duration_ms is not None:
        where.append(r.duration_ms >= query.min_duration_ms)
    if query.max_duration_ms is not None:
        where.append(r.duration_ms <= query.max_duration_ms)
    if query.state:
        where.append(r.state == query.state)
    if query.session_id:
        where.append(r.session_id == query.session_id)
    if query.ccid and query.ccid.strip():
        where.append(r.ccid == query.ccid.strip())
    if query.synced_after_ms is not None:
        where.append(r.first_synced_at_ms > query.synced_after_ms)
    if query.text and query.text.strip():
        text_ids = backend.match_ids(query.text, ids=ids)
        if text_ids is not None:
            where.append(rid.in_(known.get("text", text_ids)))
            matches["text"] = text_ids
    if query.review:
        marks, heard = review_marks.alias("filter_mark"), review_heard.alias("filter_heard")
        marked = sa.exists().where(marks.c.session_id == r.session_id)
        if query.review == "reviewed":
            where.append(marked)
        elif query.review == "not_reviewed":
            where.append(~marked)
        else:
            some = sa.exists().where(
                heard.c.session_id == r.session_id,
                heard.c.username == (query.heard_by or ""),
                heard.c.heard_ms > 0,
            )
            where.append(sa.and_(some, ~marked))
    return _Conditions(where, matches)


def _connection(conn_or_engine: Connection | Engine) -> AbstractContextManager[Connection]:
    if isinstance(conn_or_engine, Engine):
        return conn_or_engine.connect()
    return nullcontext(conn_or_engine)


def _first_of_call(where: Sequence[sa.ColumnElement[bool]]) -> sa.ColumnElement[bool]:
    """True for a session without a ccid, or one that no earlier matching session of its call precedes
    (by start, then id): the one row of its call in a grouped search."""
    seg = recordings.alias("seg")
    adapter = ClauseAdapter(seg)
    r = recordings.c
    earlier = sa.exists().where(
        seg.c.ccid == r.ccid,
        sa.func.coalesce(seg.c.call_controller_ip, "") == sa.func.coalesce(r.call_controller_ip, ""),
        seg.c.start_ms >= r.start_ms - CALL_SPAN_MS,
        seg.c.start_ms <= r.start_ms,
        sa.or_(seg.c.start_ms < r.start_ms, seg.c.id < r.id),
        *(adapter.traverse(condition) for condition in where),
    )
    return sa.or_(r.ccid.is_(None), ~earlier)


def _segment(row: Any) -> SegmentInfo:
    return SegmentInfo(*(row[c.name] for c in SEGMENT_COLUMNS))


def call_segments(
    conn: Connection,
    calls: Sequence[tuple[str | None, str | None, int, SegmentInfo]],
    allowed_teams: Collection[str] | None,
) -> list[tuple[SegmentInfo, ...]]:
    """For each (ccid, call controller ip, start_ms, own segment): the call's sessions the reader may
    see, in start order. One query for a whole page."""
    wanted = [(ccid, ip, start) for ccid, ip, start, _ in calls if ccid]
    found: dict[str, list[tuple[str | None, SegmentInfo]]] = {}
    if wanted:
        r = recordings.c
        stmt = sa.select(*SEGMENT_COLUMNS, r.ccid, r.call_controller_ip).where(
            r.ccid.in_(sorted({ccid for ccid, _, _ in wanted})),
            r.start_ms >= min(start for _, _, start in wanted) - CALL_SPAN_MS,
            r.start_ms <= max(start for _, _, start in wanted) + CALL_SPAN_MS,
        )
        if allowed_teams is not None:
            stmt = stmt.where(r.team_code.in_(list(allowed_teams)) if allowed_teams else sa.false())
        width = len(SEGMENT_COLUMNS)
        for row in conn.execute(stmt.order_by(r.start_ms, r.id)):
            found.setdefault(row[width], []).append((row[width + 1], SegmentInfo(*row[:width])))
    out: list[tuple[SegmentInfo, ...]] = []
    for ccid, ip, start, own in calls:
        if not ccid:
            out.append((own,))
            continue
        segments = tuple(
            segment
            for seg_ip, segment in found.get(ccid, ())
            if (seg_ip or "") == (ip or "") and abs(segment.start_ms - start) <= CALL_SPAN_MS
        )
        out.append(segments if any(s.session_id == own.session_id for s in segments) else (own,))
    return out


def search_recordings(
    conn_or_engine: Connection | Engine, query: RecordingQuery, *, backend: SearchBackend | None = None
) -> RecordingPage:
    """One page of recordings in the query's order, and the cursor of the next page (None at the end).
    Grouped (the default): one row per call, carrying the call's segments."""
    with _connection(conn_or_engine) as conn:
        rows = _page_rows(conn, query, backend or backend_for(conn))
        more = len(rows) > query.limit
        rows = rows[: query.limit]
        width = len(ROW_COLUMNS)
        items = [RecordingRow(*row[:width]) for row in rows]
        if query.group_calls:
            calls = [
                (item.ccid, row.cc_ip, item.start_ms, _own_segment(item)) for item, row in zip(items, rows, strict=True)
            ]
            segments = call_segments(conn, calls, query.allowed_teams)
            items = [RecordingRow(*(*row[:width], found)) for row, found in zip(rows, segments, strict=True)]
        if query.heard_by is not None:
            items = [
                dataclasses.replace(item, heard_ms=row.heard or 0, reviewed=row.mark is not None)
                for item, row in zip(items, rows, strict=True)
            ]
    cursor = encode_cursor(query, rows[-1].sort_key, rows[-1].id) if more and rows else None
    return RecordingPage(items=items, next_cursor=cursor)


def _page_rows(conn: Connection, query: RecordingQuery, backend: SearchBackend) -> list[Any]:
    """The page's rows and one more (it tells whether a next page exists). A grouped page in another
    order than start is read in rounds of candidates; a large full-text match sorted by start window
    by window (see windows.py); everything else in one query."""
    need = query.limit + 1
    if query.group_calls and query.sort != "start":
        return _grouped_in_sort_order(conn, query, backend, need)
    matches = _conditions(conn, query, backend).matches
    if query.sort != "start" or not matches or not backend.ranged:
        return list(conn.execute(_page_statement(conn, query, backend, need)).all())
    lo, hi = query.start_ms, None if query.end_ms is None else query.end_ms - 1
    if query.after:
        after_key, _ = decode_cursor(query, query.after)
        if not isinstance(after_key, int):
            raise InvalidCursor("the paging cursor belongs to a different sort order")
        if query.descending:
            hi = after_key if hi is None else min(hi, after_key)
        else:
            lo = after_key if lo is None else max(lo, after_key)
    first: dict[str, list[int]] = {}
    if not windows.narrow(conn, lo, hi):  # a narrow range is one window: no need to size the match
        small = windows.small_match(conn, need)
        read = windows.SMALL_MATCH  # the first ones of a larger set spare the windows their FTS reads
        first = {key: first_matches(conn, m, descending=query.descending, small=read) for key, m in matches.items()}
        complete = {key: found for key, found in first.items() if len(found) < small}
        if complete:  # a small set, read whole: the plain plan over it
            return list(conn.execute(_page_statement(conn, query, backend, need, known=complete)).all())
    margin = CALL_SPAN_MS if query.group_calls else 0
    rows: list[Any] = []
    progress = windows.Progress()
    for window in time_windows(conn, lo, hi, descending=query.descending, margin_ms=margin, progress=progress):
        known = known_in(window, first, descending=query.descending)
        stmt = _page_statement(conn, query, backend, need - len(rows), window, known)
        found = conn.execute(stmt).all()
        rows.extend(found)
        if len(rows) >= need:
            break
        progress.found, progress.missing = len(found), need - len(rows)
    return rows


CANDIDATES_PER_ROW = 4  # rows read per row wanted when a grouped page is sorted by anything but start
_MAX_CANDIDATES = 4096  # a round's call ids stay well inside both databases' parameter limits


def _grouped_in_sort_order(conn: Connection, query: RecordingQuery, backend: SearchBackend, need: int) -> list[Any]:
    """A grouped page sorted by duration, agent, a number...: the rows in the page's order without
    the grouping condition, a few times more than needed, then those an earlier matching session of
    their call precedes left out (one query for all of them), and again with twice as many until the
    page is full.
    The grouping condition in the statement itself probes the call index for every row in range
    before the sort can keep the first ones (a week at 3M recordings: ~55,000 probes)."""
    where = _conditions(conn, query, backend).where
    chunk = need * CANDIDATES_PER_ROW
    rows: list[Any] = []
    after = query.after
    while True:
        page = dataclasses.replace(query, after=after)
        candidates = conn.execute(_page_statement(conn, page, backend, chunk, grouped=False)).all()
        later = _later_segments(conn, where, candidates)
        rows.extend(row for row in candidates if row.id not in later)
        if len(rows) >= need or len(candidates) < chunk:
            return rows[:need]
        after = encode_cursor(query, candidates[-1].sort_key, candidates[-1].id)
        chunk = min(chunk * 2, _MAX_CANDIDATES)  # calls of many segments: fewer, larger rounds


def _later_segments(conn: Connection, where: Sequence[sa.ColumnElement[bool]], rows: Sequence[Any]) -> set[int]:
    """The ids of the rows that an earlier session of their call matching `where` precedes (by start,
    then id): `_first_of_call`'s rule, for a set of rows at once."""
    keyed = [row for row in rows if row.ccid is not None]
    if not keyed:
        return set()
    r = recordings.c
    stmt = sa.select(r.id, r.ccid, r.call_controller_ip, r.start_ms).where(
        r.ccid.in_(sorted({row.ccid for row in keyed})),
        r.start_ms >= min(row.start_ms for row in keyed) - CALL_SPAN_MS,
        r.start_ms <= max(row.start_ms for row in keyed),
        *where,
    )
    sessions: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for seg_id, ccid, ip, start in conn.execute(stmt):
        sessions.setdefault((ccid, ip or ""), []).append((start, seg_id))
    return {
        row.id
        for row in keyed
        if any(
            row.start_ms - CALL_SPAN_MS <= start <= row.start_ms and (start < row.start_ms or seg_id < row.id)
            for start, seg_id in sessions.get((row.ccid, row.cc_ip or ""), ())
        )
    }


def _page_statement(
    conn: Connection,
    query: RecordingQuery,
    backend: SearchBackend,
    limit: int,
    window: Window | None = None,
    known: Mapping[str, Sequence[int]] | None = None,
    *,
    grouped: bool = True,
) -> sa.Select[Any]:
    """The page query in the query's order; within a window of start times when given. `grouped`
    False: without the grouping condition (the caller applies it)."""
    key = _sort_key(conn, query.sort)
    where = _conditions(conn, query, backend, window.ids if window else None, known).where
    if query.group_calls and grouped:
        where.append(_first_of_call(list(where)))
    if window is not None:  # after the grouping: a call's earlier segment may lie before the window
        where += [recordings.c.start_ms >= window.lo, recordings.c.start_ms <= window.hi]
    if query.after:
        after_key, after_id = decode_cursor(query, query.after)
        position = sa.tuple_(key, recordings.c.id)
        bound = sa.tuple_(sa.literal(after_key), sa.literal(after_id))
        where.append(position < bound if query.descending else position > bound)
    order = (key.desc(), recordings.c.id.desc()) if query.descending else (key.asc(), recordings.c.id.asc())
    stmt = (
        sa.select(*ROW_COLUMNS, recordings.c.call_controller_ip.label("cc_ip"), key.label("sort_key"))
        .where(*where)
        .order_by(*order)
        .limit(limit)
    )
    if query.heard_by is not None:
        # One LEFT JOIN on the reader's heard row (its primary key) and one on the mark.
        stmt = stmt.add_columns(review_heard.c.heard_ms.label("heard"), review_marks.c.session_id.label("mark"))
        stmt = stmt.select_from(
            recordings.outerjoin(
                review_heard,
                sa.and_(review_heard.c.session_id == recordings.c.session_id,
                        review_heard.c.username == query.heard_by),
            ).outerjoin(review_marks, review_marks.c.session_id == recordings.c.session_id)
        )  # fmt: skip
    return stmt


def _own_segment(row: RecordingRow) -> SegmentInfo:
    return SegmentInfo(
        row.session_id, row.start_ms, row.end_ms, row.duration_ms, row.state, row.agent_id, row.agent_name,
        row.team_code,
    )  # fmt: skip


def count_recordings(
    conn_or_engine: Connection | Engine, query: RecordingQuery, *, backend: SearchBackend | None = None
) -> int:
    """How many recordings match (calls when grouped; the cursor and limit are ignored)."""
    with _connection(conn_or_engine) as conn:
        where = _conditions(conn, query, backend).where
        if query.group_calls:
            where.append(_first_of_call(list(where)))
        stmt = sa.select(sa.func.count()).select_from(recordings).where(*where)
        return int(conn.execute(stmt).scalar_one())


def get_recording(
    conn_or_engine: Connection | Engine,
    session_id: str,
    *,
    allowed_teams: Collection[str] | None = None,
    segment_teams: Collection[str] | None = None,
) -> RecordingDetail | None:
    """Metadata, tracks, participants and tags of one session, and the segments of its call (those of
    `segment_teams` only, when given); None if absent or not visible."""
    with _connection(conn_or_engine) as conn:
        stmt = sa.select(recordings).where(recordings.c.session_id == session_id)
        row = conn.execute(stmt).mappings().first()
        if row is None:
            return None
        if allowed_teams is not None and row["team_code"] not in set(allowed_teams):
            return None
        rid = row["id"]
        tracks = conn.execute(
            sa.select(*_columns(recording_tracks, TrackInfo))
            .where(recording_tracks.c.recording_id == rid)
            .order_by(recording_tracks.c.number, recording_tracks.c.id)
        ).all()
        participants = conn.execute(
            sa.select(*_columns(recording_participants, ParticipantInfo))
            .where(recording_participants.c.recording_id == rid)
            .order_by(recording_participants.c.track_number, recording_participants.c.id)
        ).all()
        tags = conn.execute(
            sa.select(*_columns(recording_tags, TagInfo))
            .where(recording_tags.c.recording_id == rid)
            .order_by(recording_tags.c.offset_ms, recording_tags.c.id)
        ).all()
        own = _segment(row)
        teams = segment_teams if segment_teams is not None else allowed_teams
        (segments,) = call_segments(conn, [(row["ccid"], row["call_controller_ip"], row["start_ms"], own)], teams)
    raw = json.loads(row["raw"]) if row["raw"] else None
    return RecordingDetail(
        row=RecordingRow(**{c.name: row[c.name] for c in ROW_COLUMNS}, segments=segments),
        recording_id=row["recording_id"],
        urls={name: row[f"{name}_url"] for name in ("wav", "mp4", "http", "rtsp", "audio")},
        call_controller_ip=row["call_controller_ip"],
        call_controller_type=row["call_controller_type"],
        ccid=row["ccid"],
        fetched_at_ms=row["fetched_at_ms"],
        synced_at_ms=row["synced_at_ms"],
        tracks=tuple(_track_info(*t) for t in tracks),
        participants=tuple(ParticipantInfo(*p) for p in participants),
        tags=tuple(TagInfo(*t) for t in tags),
        raw=raw if isinstance(raw, dict) else None,
    )


def _track_info(number: int, *rest: Any) -> TrackInfo:
    return TrackInfo(None if number == UNKNOWN_TRACK_NUMBER else number, *rest)


def _columns(table: sa.Table, cls: type[DataclassInstance]) -> Sequence[sa.Column[Any]]:
    return [table.c[name] for name in cls.__dataclass_fields__]
