"""Writing recordings: the bulk, idempotent per-page upsert the sync engine calls in its transaction.

Per page: one SELECT of what is stored, one multi-row INSERT ... ON CONFLICT for new and changed rows,
then set-based replacement of their children and search documents. Nothing commits here.

The hot path sends pre-rendered SQL with positional tuples straight to the driver: building and
compiling SQLAlchemy constructs per page cost more than the database work itself (measured ~4x).
The SQL is plain, portable ON CONFLICT SQL that SQLite (>= 3.35) and PostgreSQL both accept.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from itertools import chain
from typing import Any, NamedTuple

import orjson
import sqlalchemy as sa
from sqlalchemy import Connection

from qms_desktop.domain.fingerprint import fingerprint, raw_json
from qms_desktop.domain.sessions import Participant, SessionRecord
from qms_desktop.domain.time import to_ms
from qms_desktop.store import pg_bulk
from qms_desktop.store.documents import DOCUMENT_COLUMNS, build_document
from qms_desktop.store.fulltext import backend_for, with_team_notes
from qms_desktop.store.schema import (
    UNKNOWN_TRACK_NUMBER,
    recording_participants,
    recording_tags,
    recording_tracks,
    recordings,
)

# Content columns in insert order; the hash covers exactly these (and the children).
_CONTENT = (
    "session_id", "recording_id", "start_ms", "end_ms", "duration_ms", "state", "state_rank",
    "agent_id", "agent_name", "team_code", "direction", "ani", "dnis", "csq", "wrap_up_reason",
    "codec", "wav_url", "mp4_url", "http_url", "rtsp_url", "audio_url", "call_controller_ip",
    "call_controller_type", "ccid", "pruned", "dialect", "raw",
)  # fmt: skip
CONTENT_COLUMNS = _CONTENT  # the order of a prepared row, for code that builds rows itself (sync.rows)
_BOOKKEEPING = ("content_hash", "fetched_at_ms", "first_synced_at_ms", "synced_at_ms")
_COLUMNS = _CONTENT + _BOOKKEEPING
# An update rewrites everything but the key and the first-synced time.
_UPDATED = tuple(c for c in _COLUMNS if c not in ("session_id", "first_synced_at_ms"))
_TRACK_COLUMNS = ("recording_id", "number", "media_type", "codec", "start_ms", "duration_ms", "download_url")
_PARTICIPANT_COLUMNS = (
    "recording_id", "track_number", "device_ref", "device_id", "role", "name", "xref_ci",
    "start_ms", "duration_ms", "is_conference",
)  # fmt: skip
_TAG_COLUMNS = ("recording_id", "name", "type", "offset_ms", "created_ms", "track_number")
_MAX_ROWS_PER_STATEMENT = 500  # 31 parameters a row stays far below SQLite's 32766 variables

_I_RANK = _CONTENT.index("state_rank")
_I_HASH = len(_CONTENT)  # a prepared row: the content, then its hash
_DOC_INDEXES = tuple(_CONTENT.index(c) for c in DOCUMENT_COLUMNS)

assert set(_COLUMNS) == {c.name for c in recordings.columns} - {"id"}, "recordings columns changed"
assert set(_TRACK_COLUMNS) == {c.name for c in recording_tracks.columns} - {"id"}
assert set(_PARTICIPANT_COLUMNS) == {c.name for c in recording_participants.columns} - {"id"}
assert set(_TAG_COLUMNS) == {c.name for c in recording_tags.columns} - {"id"}


@dataclass(frozen=True, slots=True)
class UpsertResult:
    created: int
    updated: int
    skipped: int
    # session_id -> recordings.id of the rows this call inserted or updated (skipped rows absent).
    ids: Mapping[str, int] = field(default_factory=dict)


class PreparedSession(NamedTuple):
    """One session as the rows the upsert writes: plain text and numbers, cheap to hand to another
    thread or process."""

    row: tuple[Any, ...]  # _CONTENT order, then the content hash (the bookkeeping times come at the write)
    tracks: list[tuple[Any, ...]]  # _TRACK_COLUMNS order without recording_id
    participants: list[tuple[Any, ...]]
    tags: list[tuple[Any, ...]]
    document: str  # the search document

    @property
    def rank(self) -> int:
        rank: int = self.row[_I_RANK]
        return rank


@dataclass(frozen=True, slots=True)
class PreparedSessions:
    """A page's sessions prepared for `upsert_prepared`: one per session id (a page may carry the same
    session twice, e.g. ACTIVE and then closed: the later copy of at least the same state rank is
    kept), and how many records were given. The pure half of the upsert: no database, no clock."""

    items: Mapping[str, PreparedSession]
    given: int

    def __reduce__(self) -> tuple[Any, ...]:
        # A page goes to the sync's writer process pickled: columns of plain tuples pickle in half the
        # time of a NamedTuple a session, and load in a third (tests/benchmarks/bench_writer_process.py).
        return _from_columns, (tuple(zip(*self.items.values(), strict=True)), self.given)


def _from_columns(columns: tuple[tuple[Any, ...], ...], given: int) -> PreparedSessions:
    items = map(PreparedSession._make, zip(*columns, strict=True))
    return PreparedSessions({item.row[0]: item for item in items}, given)


def prepare_sessions(records: Sequence[SessionRecord]) -> PreparedSessions:
    """`records` as the rows, children and search documents `upsert_prepared` writes."""
    prepared: dict[str, PreparedSession] = {}
    for record in records:
        item = _prepare(record)
        previous = prepared.get(record.session_id)
        if previous is None or item.rank >= previous.rank:  # the lifecycle guard within one page
            prepared[record.session_id] = item
    return PreparedSessions(prepared, len(records))


def _participant(p: Participant, track_number: int | None, start: datetime, start_ms: int) -> tuple[Any, ...]:
    return (
        track_number, p.device_ref, p.device_id, p.role, p.name, p.xref_ci,
        start_ms if p.start == start else to_ms(p.start), p.duration_ms, bool(p.is_conference),
    )  # fmt: skip


def _prepare(record: SessionRecord) -> PreparedSession:
    start_ms = to_ms(record.start)
    end_ms = to_ms(record.end)
    duration_ms = record.duration_ms
    if duration_ms is None and end_ms is not None and start_ms is not None:
        duration_ms = max(0, end_ms - start_ms)
    urls = record.urls
    text = record.raw_json if record.raw_json is not None else raw_json(record.raw)
    content = (
        record.session_id, record.recording_id, start_ms, end_ms, duration_ms,
        record.state.value, record.state.rank, record.agent_id, record.agent_name, record.team_code,
        record.direction.value if record.direction is not None else None,
        record.ani, record.dnis, record.csq, record.wrap_up_reason, record.codec,
        urls.wav, urls.mp4, urls.http, urls.rtsp, urls.audio,
        record.call_controller_ip, record.call_controller_type, record.ccid,
        bool(record.pruned), record.dialect, text,
    )  # fmt: skip
    start = record.start
    # Tracks, participants and tags mostly start with the session: its ms are reused, not recomputed.
    tracks = [
        (UNKNOWN_TRACK_NUMBER if t.number is None else t.number, t.media_type, t.codec,
         start_ms if t.start == start else to_ms(t.start), t.duration_ms, t.download_url)
        for t in record.tracks
    ]  # fmt: skip
    participants = [_participant(p, p.track_number, start, start_ms) for p in record.participants]
    # Participants may be given per session, per track, or both: keep each (device, track) once.
    seen = {(p[1], p[0]) for p in participants}
    for track in record.tracks:
        for p in track.participants:
            number = p.track_number if p.track_number is not None else track.number
            if (p.device_ref, number) not in seen:
                seen.add((p.device_ref, number))
                participants.append(_participant(p, number, start, start_ms))
    tags = [
        (t.name, t.type, t.offset_ms, start_ms if t.created == start else to_ms(t.created), t.track_number)
        for t in record.tags
    ]
    # A record read from a page carries the JSON it was read from: it is identified by the fingerprint
    # the client compared before parsing it (what the directory adds is kept current by re-linking).
    # Any other record (a lookup by id, an event body, a caller's own) is hashed over its content.
    if record.raw_json is not None:
        digest = record.fingerprint or fingerprint(record.raw_json, record.dialect)
    else:
        digest = _content_hash(content, tracks, participants, tags)
    return prepared_session(content, digest, tracks, participants, tags)


def prepared_session(
    content: tuple[Any, ...],
    digest: str,
    tracks: list[tuple[Any, ...]],
    participants: list[tuple[Any, ...]],
    tags: list[tuple[Any, ...]],
) -> PreparedSession:
    """A session's rows (`CONTENT_COLUMNS`, then each child table's columns without recording_id)
    with its content hash, and its search document."""
    document = build_document(
        (
            *(content[i] for i in _DOC_INDEXES),
            *(t[0] for t in tags),
            *(v for p in participants for v in (p[1], p[4])),
        )
    )
    return PreparedSession((*content, digest), tracks, participants, tags, document)


def _content_hash(
    content: Sequence[Any], tracks: Sequence[Any], participants: Sequence[Any], tags: Sequence[Any]
) -> str:
    # The values are plain str/int/bool/None, so their JSON is stable; orjson makes it cheaper than repr.
    return hashlib.blake2b(orjson.dumps((tuple(content), tracks, participants, tags)), digest_size=16).hexdigest()


def stored_unchanged(conn: Connection, prints: Iterable[tuple[str, str]]) -> set[str]:
    """The ids of these (session id, fingerprint) pairs whose stored row has that very fingerprint."""
    wanted = dict(prints)
    rows = _rows_by_session_id(conn, "session_id, content_hash", list(wanted))
    return {sid for sid, digest in rows if digest == wanted[sid]}


def _rows_by_session_id(conn: Connection, columns: str, keys: Sequence[str]) -> list[Any]:
    """`columns` of the stored recordings with these session ids. PostgreSQL gets the ids as one array
    parameter: hundreds of placeholders cost its parser and planner more than the lookups themselves."""
    if not keys:
        return []
    if conn.dialect.name == "postgresql":
        sql = f"SELECT {columns} FROM recordings WHERE session_id = ANY(%s)"
        return list(conn.exec_driver_sql(sql, (list(keys),)).fetchall())
    rows: list[Any] = []
    for start in range(0, len(keys), _MAX_ROWS_PER_STATEMENT):
        chunk = tuple(keys[start : start + _MAX_ROWS_PER_STATEMENT])
        sql = f"SELECT {columns} FROM recordings WHERE session_id IN {_in_list('?', len(chunk))}"
        rows.extend(conn.exec_driver_sql(sql, chunk).fetchall())  # fetchall: one driver call a chunk
    return rows


def refresh_content_hashes(conn: Connection, recording_ids: Sequence[int]) -> None:
    """Recompute the content hash of stored rows changed in place (a directory re-link, a tag event),
    from what is stored, exactly as the upsert computes it for a record. A row stored with its JSON
    keeps the fingerprint of that JSON: the next sync of an unchanged session finds it unchanged."""
    ids = list(dict.fromkeys(recording_ids))
    child_columns = (
        (recording_tracks, _TRACK_COLUMNS),
        (recording_participants, _PARTICIPANT_COLUMNS),
        (recording_tags, _TAG_COLUMNS),
    )
    for start in range(0, len(ids), _MAX_ROWS_PER_STATEMENT):
        chunk = ids[start : start + _MAX_ROWS_PER_STATEMENT]
        selected = conn.execute(
            sa.select(recordings.c.id, recordings.c.content_hash, *(recordings.c[name] for name in _CONTENT)).where(
                recordings.c.id.in_(chunk)
            )
        ).all()
        rows = {row[0]: tuple(row[2:]) for row in selected}
        hashes = {row[0]: row[1] for row in selected}
        children: list[dict[int, list[tuple[Any, ...]]]] = []
        for table, columns in child_columns:
            found: dict[int, list[tuple[Any, ...]]] = {rid: [] for rid in rows}
            stmt = (
                sa.select(table.c.recording_id, *(table.c[name] for name in columns[1:]))
                .where(table.c.recording_id.in_(chunk))
                .order_by(table.c.id)  # the order the upsert inserted them in
            )
            for row in conn.execute(stmt):
                found[row[0]].append(tuple(row[1:]))
            children.append(found)
        updates = [
            {"rid": rid, "hash": _content_hash(content, *(part[rid] for part in children))}
            for rid, content in rows.items()
            if hashes[rid] != _stored_fingerprint(content)  # a fingerprinted row stays as it is
        ]
        if updates:
            conn.execute(
                recordings.update()
                .where(recordings.c.id == sa.bindparam("rid"))
                .values(content_hash=sa.bindparam("hash")),
                updates,
            )


_RAW_AT, _DIALECT_AT = _CONTENT.index("raw"), _CONTENT.index("dialect")


def _stored_fingerprint(content: Sequence[Any]) -> str | None:
    raw = content[_RAW_AT]
    return fingerprint(raw, content[_DIALECT_AT]) if raw is not None else None


def _wins(new_fetched: int, new_rank: int, old_fetched: int, old_rank: int) -> bool:
    """The lifecycle guard, also enforced in SQL: an older copy never replaces a newer row."""
    return new_fetched >= old_fetched and new_rank >= old_rank


def _marker(conn: Connection) -> str:
    return "%s" if conn.dialect.name == "postgresql" else "?"


_ON_CONFLICT = (
    f"ON CONFLICT (session_id) DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in _UPDATED)} "
    # Re-checked in SQL: a concurrent writer may have stored a newer copy since our SELECT.
    "WHERE excluded.fetched_at_ms >= recordings.fetched_at_ms "
    "AND excluded.state_rank >= recordings.state_rank "
    "RETURNING id, session_id"
)


@lru_cache(maxsize=64)
def _upsert_sql(marker: str, rows: int) -> str:
    one = "(" + ", ".join([marker] * len(_COLUMNS)) + ")"
    return f"INSERT INTO recordings ({', '.join(_COLUMNS)}) VALUES {', '.join([one] * rows)} {_ON_CONFLICT}"


@lru_cache(maxsize=16)
def _insert_sql(marker: str, table: str, columns: tuple[str, ...]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join([marker] * len(columns))})"


def _in_list(marker: str, count: int) -> str:
    return "(" + ", ".join([marker] * count) + ")"


def upsert_sessions(
    conn: Connection, records: Sequence[SessionRecord], *, fetched_at_ms: int, now_ms: int
) -> UpsertResult:
    """Insert new sessions, update changed ones, skip unchanged and older copies. Children and search
    documents of written rows are replaced. Runs in the caller's transaction and never commits."""
    return upsert_prepared(conn, prepare_sessions(records), fetched_at_ms=fetched_at_ms, now_ms=now_ms)


def upsert_prepared(conn: Connection, page: PreparedSessions, *, fetched_at_ms: int, now_ms: int) -> UpsertResult:
    """`upsert_sessions` of sessions prepared beforehand (`prepare_sessions`), wherever that ran."""
    if not page.items:
        return UpsertResult(0, 0, page.given, {})
    marker = _marker(conn)
    prepared = page.items
    stored = _rows_by_session_id(conn, "session_id, id, content_hash, fetched_at_ms, state_rank", list(prepared))
    existing = {row[0]: tuple(row) for row in stored}
    to_write = [
        item
        for sid, item in prepared.items()
        if (old := existing.get(sid)) is None
        or (old[2] != item.row[_I_HASH] and _wins(fetched_at_ms, item.rank, old[3], old[4]))
    ]
    if not to_write:
        return UpsertResult(0, 0, page.given, {})
    bookkeeping = (fetched_at_ms, now_ms, now_ms)  # _BOOKKEEPING after the content hash

    postgres = conn.dialect.name == "postgresql"
    written: dict[str, int] = {}
    if postgres:
        # New sessions are copied straight in: only the sync inserts recordings, under its lease, so
        # none can have been stored since the SELECT above (if one were, its unique session id would
        # fail the page, which the next run writes again as an update). Stored ones are merged, the
        # lifecycle guard in SQL.
        new = [item for item in to_write if item.row[0] not in existing]
        if new:
            ids = pg_bulk.next_ids(conn, "recordings", "id", len(new))
            numbered = list(zip(ids, new, strict=True))
            pg_bulk.copy_rows(
                conn, "recordings", ("id", *_COLUMNS), ((rid, *item.row, *bookkeeping) for rid, item in numbered)
            )
            written.update((item.row[0], rid) for rid, item in numbered)
        if len(new) < len(to_write):
            stored_rows = ((*item.row, *bookkeeping) for item in to_write if item.row[0] in existing)
            merged = pg_bulk.merge_through_stage(conn, "recordings", _COLUMNS, stored_rows, _ON_CONFLICT)
            written.update((sid, rid) for rid, sid in merged)
    else:
        for start in range(0, len(to_write), _MAX_ROWS_PER_STATEMENT):
            batch = to_write[start : start + _MAX_ROWS_PER_STATEMENT]
            params = tuple(chain.from_iterable((*item.row, *bookkeeping) for item in batch))
            result = conn.exec_driver_sql(_upsert_sql(marker, len(batch)), params)
            written.update((sid, rid) for rid, sid in result.fetchall())

    updated_ids = [written[sid] for sid in written if sid in existing]
    if updated_ids:
        for start in range(0, len(updated_ids), _MAX_ROWS_PER_STATEMENT):
            id_chunk = tuple(updated_ids[start : start + _MAX_ROWS_PER_STATEMENT])
            for table in ("recording_tracks", "recording_participants", "recording_tags"):
                conn.exec_driver_sql(
                    f"DELETE FROM {table} WHERE recording_id IN {_in_list(marker, len(id_chunk))}", id_chunk
                )
    tracks: list[tuple[Any, ...]] = []
    participants: list[tuple[Any, ...]] = []
    tags: list[tuple[Any, ...]] = []
    new_docs: dict[int, str] = {}
    changed_docs: dict[int, str] = {}
    for item in to_write:
        sid = item.row[0]
        rid = written.get(sid)
        if rid is None:  # lost the race against a newer copy written meanwhile
            continue
        tracks.extend((rid, *t) for t in item.tracks)
        participants.extend((rid, *p) for p in item.participants)
        tags.extend((rid, *t) for t in item.tags)
        (changed_docs if sid in existing else new_docs)[rid] = item.document
    for table, columns, rows in (
        ("recording_tracks", _TRACK_COLUMNS, tracks),
        ("recording_participants", _PARTICIPANT_COLUMNS, participants),
        ("recording_tags", _TAG_COLUMNS, tags),
    ):
        if rows and postgres:
            pg_bulk.copy_rows(conn, table, columns, rows)
        elif rows:
            conn.exec_driver_sql(_insert_sql(marker, table, columns), rows)

    backend = backend_for(conn)
    backend.index_documents(conn, new_docs, new=True)
    # Only a recording stored before can have notes: its team notes stay findable.
    backend.index_documents(conn, with_team_notes(conn, changed_docs))

    updated = len(updated_ids)
    created = len(written) - updated
    return UpsertResult(created, updated, page.given - created - updated, written)
