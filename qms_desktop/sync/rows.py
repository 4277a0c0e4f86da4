"""A page's sessions as the rows the store writes: ordinary ones straight from their bytes.

Nearly every session a sync reads is an ordinary cisco session (`cisco_typed.decode_ordinary`).
Building its `SessionRecord` (~15 µs a session), copying it to enrich it (~8) and reading the copy
back into rows (~10) cost more than decoding it and building the rows straight away (~20, the
search document and enrichment included); the sync's reading process went from 70-72 µs of CPU a
session to 59-63 (tests/benchmarks/bench_sync.py). The rows
are those `prepare_sessions(enrich([record]))` gives for the record `read_session` builds of the
same bytes, with the same enrichment rule (`link_call`); tests/sync/test_rows.py compares them.
Every other session of the page goes through its record.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from qms_desktop.domain.directory import Agent, DialPlan, DirectorySnapshot, enrich, link_call
from qms_desktop.mediasense.cisco_typed import CiscoUrls, Ordinary
from qms_desktop.mediasense.queries import SessionPage
from qms_desktop.store.recordings import (
    CONTENT_COLUMNS,
    PreparedSession,
    PreparedSessions,
    prepare_sessions,
    prepared_session,
)
from qms_desktop.store.schema import UNKNOWN_TRACK_NUMBER

# The row `_rows` builds, in the store's order (a change there must be made here too).
assert CONTENT_COLUMNS == (
    "session_id", "recording_id", "start_ms", "end_ms", "duration_ms", "state", "state_rank",
    "agent_id", "agent_name", "team_code", "direction", "ani", "dnis", "csq", "wrap_up_reason",
    "codec", "wav_url", "mp4_url", "http_url", "rtsp_url", "audio_url", "call_controller_ip",
    "call_controller_type", "ccid", "pruned", "dialect", "raw",
), "the recordings row changed: sync.rows builds it"  # fmt: skip


def prepare_page(page: SessionPage, directory: DirectorySnapshot, plan: DialPlan) -> PreparedSessions:
    """The rows of `page`'s sessions, enriched from `directory` with `plan`."""
    prepared = prepare_sessions(enrich(page.records, directory, plan))
    if not page.ordinary:
        return prepared
    items = dict(prepared.items)
    by_extension = directory.by_extension
    for found, text, printed in page.ordinary:  # the page's session ids are distinct (`read_page`)
        items[found.session_id] = _rows(found, text, printed, plan, by_extension)
    return PreparedSessions(items, prepared.given + len(page.ordinary))


# Text fields are stripped and "" reads as not given, as the typed reader does.
def _rows(
    found: Ordinary, text: str, printed: str, plan: DialPlan, by_extension: Mapping[str, Agent]
) -> PreparedSession:
    s = found.session
    start = s.sessionStartDate
    tracks: list[tuple[Any, ...]] = []
    participants: list[tuple[Any, ...]] = []
    parties: list[tuple[int | None, str | None]] = []
    codec: str | None = None
    for tr in s.tracks or ():
        number = tr.trackNumber
        track_codec = (v.strip() or None) if (v := tr.codec) else None
        codec = codec or track_codec
        tracks.append((
            UNKNOWN_TRACK_NUMBER if number is None else number,
            ((v.strip() or None) if (v := tr.trackMediaType) else None) or "AUDIO",
            track_codec, tr.trackStartDate, tr.trackDuration,
            (v.strip() or None) if (v := tr.downloadUrl) else None,
        ))  # fmt: skip
        for p in tr.participants or ():
            ref = (v.strip() or None) if (v := p.deviceRef) else None
            participants.append((
                number, ref, (v.strip() or None) if (v := p.deviceId) else None, None, None,
                (v.strip() or None) if (v := p.xRefCi) else None,
                p.participantStartDate, p.participantDuration, bool(p.isConference),
            ))  # fmt: skip
            parties.append((number, ref))
    tags = [
        (t.tagName.strip(), (k.strip() or None) if (k := t.tagType) else None, t.tagOffset, t.tagCreateDate,
         t.trackNumber)
        for t in s.tags or ()
    ]  # fmt: skip
    agent, direction, ani, dnis = link_call(parties, plan, by_extension)
    urls = s.urls
    state = found.state
    content = (
        found.session_id, None, start, found.end_ms, found.duration_ms, state.value, state.rank,
        agent.agent_id if agent is not None else None,
        agent.name if agent is not None else None,
        agent.team_code if agent is not None else None,
        direction.value if direction is not None else None, ani, dnis, None, None, codec,
        *(_urls(urls) if urls is not None else _NO_URLS), None,
        (v.strip() or None) if (v := s.callControllerIP) else None,
        (v.strip() or None) if (v := s.callControllerType) else None,
        (v.strip() or None) if (v := s.ccid) else None,
        bool(s.pruned), "cisco", text,
    )  # fmt: skip
    return prepared_session(content, printed, tracks, participants, tags)


_NO_URLS = (None, None, None, None)


def _urls(u: CiscoUrls) -> tuple[str | None, str | None, str | None, str | None]:
    return (
        (v.strip() or None) if (v := u.wavUrl) else None,
        (v.strip() or None) if (v := u.mp4Url) else None,
        (v.strip() or None) if (v := u.httpUrl) else None,
        (v.strip() or None) if (v := u.rtspUrl) else None,
    )


__all__ = ["prepare_page"]
