"""Where a recording's audio lives on MediaSense, and opening it with a byte range.

Preference (whole call first): wavUrl, mp4Url, httpUrl, the specification's media.url, then the
per-track raw download, then the specification's media service path on the API node.
"""

from __future__ import annotations

from dataclasses import dataclass

from qms_desktop.domain.sessions import SessionRecord, SessionState
from qms_desktop.mediasense.client import MediaResponse, MediaSenseClient
from qms_desktop.mediasense.errors import MediaNotFound, MediaUnavailable

SPEC_MEDIA_PATH = "/ora/mediaService/media/session/{session_id}/track/{track}"
CONTENT_TYPES = {"wav": "audio/wav", "mp4": "audio/mp4", "raw": "application/octet-stream", "spec": "audio/wav"}


@dataclass(frozen=True, slots=True)
class MediaSource:
    url: str
    kind: str  # wav | mp4 | raw (headerless G.711 per track) | spec
    track: int | None  # None = both parties
    codec: str | None

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[self.kind]


def media_source(record: SessionRecord, track: int | None = None, *, api_url: str | None = None) -> MediaSource:
    """The best URL for a recording (track None or 0: both parties; N: one party's track)."""
    if record.pruned:
        raise MediaNotFound(f"The audio of session {record.session_id} has been pruned from MediaSense")
    if record.state is SessionState.ACTIVE:
        raise MediaUnavailable(f"Session {record.session_id} is still active; its recording is not closed yet")
    codec = record.codec
    if not track:
        for kind, url in (
            ("wav", record.urls.wav),
            ("mp4", record.urls.mp4),
            ("mp4", record.urls.http),
            ("spec", record.urls.audio),
        ):
            if url:
                return MediaSource(url, kind, None, codec)
    wanted = [t for t in record.tracks if t.download_url and (not track or t.number == track)]
    if wanted:
        chosen = wanted[0]
        return MediaSource(chosen.download_url or "", "raw", chosen.number, chosen.codec or codec)
    if api_url and record.dialect != "cisco":
        path = SPEC_MEDIA_PATH.format(session_id=record.session_id, track=track or 0)
        return MediaSource(api_url.rstrip("/") + path, "spec", track or None, codec)
    raise MediaUnavailable(f"MediaSense gave no media address for session {record.session_id}")


async def stream_media(
    client: MediaSenseClient, record: SessionRecord, track: int | None = None, byte_range: str | None = None
) -> tuple[MediaSource, MediaResponse]:
    """Open the recording's audio; the caller iterates `response.aiter_bytes()` and closes it."""
    source = media_source(record, track, api_url=client.current_node)
    response = await client.open_media(source.url, byte_range=byte_range)
    return source, response
