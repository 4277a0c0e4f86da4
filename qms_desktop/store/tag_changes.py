"""Tag events applied to stored sessions: the tag rows, the content hash and the full-text document.

Used when MediaSense announced a tag change (TAG_EVENT) but the session could not be fetched again:
a tag added to an old call would otherwise wait for a sync that may never look at that day again.
Runs in the caller's transaction (the event's sync page) and never commits.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy import Connection

from qms_desktop.domain.sessions import TagChange
from qms_desktop.domain.time import to_ms
from qms_desktop.store.fulltext import backend_for
from qms_desktop.store.recordings import refresh_content_hashes
from qms_desktop.store.schema import recording_tags, recordings

log = logging.getLogger("qms.store")


def apply_tag_changes(conn: Connection, changes: Sequence[TagChange], now_ms: int) -> list[str]:
    """Add or remove these tags on stored sessions, in order; returns the session ids changed.

    An added tag already present (same name and offset) is not added twice; a removal takes the
    tag's rows by name (and offset, when the event gives one). Sessions not stored are skipped."""
    if not changes:
        return []
    wanted = list(dict.fromkeys(c.session_id for c in changes))
    ids: dict[str, int] = {
        row.session_id: row.id
        for row in conn.execute(
            sa.select(recordings.c.session_id, recordings.c.id).where(recordings.c.session_id.in_(wanted))
        )
    }
    changed: dict[str, int] = {}
    for change in changes:
        rid = ids.get(change.session_id)
        if rid is None:
            log.info("Tag %r on session %s: the session is not stored yet", change.tag.name, change.session_id)
            continue
        tag = change.tag
        same = [recording_tags.c.recording_id == rid, recording_tags.c.name == tag.name]
        if tag.offset_ms is not None:
            same.append(recording_tags.c.offset_ms == tag.offset_ms)
        if change.added:
            if conn.execute(sa.select(recording_tags.c.id).where(*same).limit(1)).first() is not None:
                continue
            conn.execute(
                recording_tags.insert().values(
                    recording_id=rid,
                    name=tag.name,
                    type=tag.type,
                    offset_ms=tag.offset_ms,
                    created_ms=to_ms(tag.created) if tag.created is not None else None,
                    track_number=tag.track_number,
                )
            )
        elif conn.execute(recording_tags.delete().where(*same)).rowcount == 0:
            continue
        changed[change.session_id] = rid
    if changed:
        rids = list(changed.values())
        refresh_content_hashes(conn, rids)
        backend_for(conn).index(conn, rids)
        conn.execute(recordings.update().where(recordings.c.id.in_(rids)).values(synced_at_ms=now_ms))
    return list(changed)


__all__ = ["apply_tag_changes"]
