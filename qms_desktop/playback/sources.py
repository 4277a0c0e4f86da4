"""Playing a stored recording: the database row (RecordingDetail) as the SessionRecord that
`mediasense.media.media_source` understands (URLs, tracks, state, pruned flag, team)."""

from __future__ import annotations

from typing import TypeAlias

from qms_desktop.domain.sessions import MediaUrls, SessionRecord, SessionState, Track
from qms_desktop.domain.time import from_ms
from qms_desktop.search import RecordingDetail

PlayableRecord: TypeAlias = SessionRecord | RecordingDetail


def as_session_record(record: PlayableRecord) -> SessionRecord:
    if isinstance(record, SessionRecord):
        return record
    row = record.row
    try:
        state = SessionState(row.state)
    except ValueError:
        state = SessionState.UNKNOWN
    start = from_ms(row.start_ms)
    assert start is not None
    return SessionRecord(
        session_id=row.session_id,
        state=state,
        start=start,
        end=from_ms(row.end_ms),
        duration_ms=row.duration_ms,
        recording_id=record.recording_id,
        agent_id=row.agent_id,
        team_code=row.team_code,
        urls=MediaUrls(**{name: record.urls.get(name) for name in ("wav", "mp4", "http", "rtsp", "audio")}),
        tracks=tuple(
            Track(
                number=t.number,
                media_type=t.media_type or "AUDIO",
                codec=t.codec,
                start=from_ms(t.start_ms),
                duration_ms=t.duration_ms,
                download_url=t.download_url,
            )
            for t in record.tracks
        ),
        pruned=row.pruned,
        dialect=row.dialect or "cisco",
    )
