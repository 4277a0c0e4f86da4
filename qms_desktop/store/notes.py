"""Notes and bookmarks on recordings: rows of `recording_notes`, in the caller's transaction.

Who may see which note is decided here in one place (`_visible_to`): team notes for everyone who
reaches the recording, private notes for their author only. The words of team notes are part of
their recording's full-text document (`team_note_texts`, read by store.fulltext and the OpenSearch
indexer); a private note never makes a recording findable.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable

import sqlalchemy as sa
from sqlalchemy import Connection

from qms_desktop.domain.notes import Note, NoteKind, NoteVisibility
from qms_desktop.store.documents import words
from qms_desktop.store.schema import recording_notes, recordings

_CHUNK = 500
_n = recording_notes.c


def _note(row: sa.Row[tuple[object, ...]] | sa.RowMapping) -> Note:
    m = row._mapping if isinstance(row, sa.Row) else row
    return Note(
        id=int(m["id"]),
        session_id=str(m["session_id"]),
        position_ms=int(m["position_ms"]),
        kind=NoteKind(m["kind"]),
        visibility=NoteVisibility(m["visibility"]),
        category=m["category"],
        text=str(m["text"]),
        author=str(m["author"]),
        created_ms=int(m["created_ms"]),
        updated_ms=int(m["updated_ms"]),
    )


def _visible_to(viewer: str) -> sa.ColumnElement[bool]:
    return sa.or_(_n.visibility == NoteVisibility.TEAM.value, _n.author == viewer)


def insert_note(
    conn: Connection,
    *,
    session_id: str,
    position_ms: int,
    kind: NoteKind,
    visibility: NoteVisibility,
    category: str | None,
    text: str,
    author: str,
    now_ms: int,
) -> Note:
    values = {
        "session_id": session_id,
        "position_ms": position_ms,
        "kind": kind.value,
        "visibility": visibility.value,
        "category": category,
        "text": text,
        "author": author,
        "created_ms": now_ms,
        "updated_ms": now_ms,
    }
    new_id = conn.execute(recording_notes.insert().values(values).returning(_n.id)).scalar_one()
    return _note({"id": new_id, **values})  # type: ignore[arg-type]


def get_note(conn: Connection, note_id: int) -> Note | None:
    row = conn.execute(sa.select(recording_notes).where(_n.id == note_id)).first()
    return _note(row) if row is not None else None


def update_note(
    conn: Connection,
    note_id: int,
    *,
    text: str,
    category: str | None,
    position_ms: int,
    visibility: NoteVisibility,
    now_ms: int,
) -> None:
    conn.execute(
        recording_notes.update()
        .where(_n.id == note_id)
        .values(text=text, category=category, position_ms=position_ms, visibility=visibility.value, updated_ms=now_ms)
    )


def delete_note(conn: Connection, note_id: int) -> None:
    conn.execute(recording_notes.delete().where(_n.id == note_id))


def list_notes(conn: Connection, session_id: str, viewer: str) -> list[Note]:
    """The notes of one recording `viewer` may see, in the order of their positions."""
    rows = conn.execute(
        sa.select(recording_notes)
        .where(_n.session_id == session_id, _visible_to(viewer))
        .order_by(_n.position_ms, _n.id)
    )
    return [_note(row) for row in rows]


def search_notes(
    conn: Connection, text: str, viewer: str, allowed_teams: Collection[str] | None, *, limit: int = 200
) -> list[Note]:
    """Notes `viewer` may see, on recordings of `allowed_teams` (None = every team), whose text or
    category has every word of `text` as a word prefix; newest first. Words are compared case-folded
    in Python, as the full-text documents are, so both databases agree on any alphabet."""
    terms = words(text)
    if not terms:
        return []
    query = (
        sa.select(recording_notes)
        .join(recordings, recordings.c.session_id == _n.session_id)
        .where(_visible_to(viewer))
        .order_by(_n.updated_ms.desc(), _n.id.desc())
    )
    if allowed_teams is not None:
        query = query.where(recordings.c.team_code.in_(sorted(allowed_teams)))
    found: list[Note] = []
    for row in conn.execute(query):
        note = _note(row)
        have = words(f"{note.text} {note.category or ''}")
        if all(any(word.startswith(term) for word in have) for term in terms):
            found.append(note)
            if len(found) >= limit:
                break
    return found


def team_note_texts(conn: Connection, recording_ids: Iterable[int]) -> dict[int, list[str]]:
    """recordings.id -> the text and category of each of its team notes (private notes never).

    Driven by the recordings asked for (their primary keys, then the notes' session index), so the
    cost follows the page, not the number of notes stored."""
    ids = list(dict.fromkeys(recording_ids))
    out: dict[int, list[str]] = defaultdict(list)
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        by_session: dict[str, int] = {
            sid: rid
            for sid, rid in conn.execute(
                sa.select(recordings.c.session_id, recordings.c.id).where(recordings.c.id.in_(chunk))
            )
        }
        if not by_session:
            continue
        rows = conn.execute(
            sa.select(_n.session_id, _n.text, _n.category)
            .where(_n.session_id.in_(list(by_session)), _n.visibility == NoteVisibility.TEAM.value)
            .order_by(_n.session_id, _n.position_ms, _n.id)
        )
        for session_id, text, category in rows:
            out[by_session[session_id]].extend(v for v in (text, category) if v)
    return dict(out)
