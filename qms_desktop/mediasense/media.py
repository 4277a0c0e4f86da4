"""Where a recording's audio lives on MediaSense, and opening it with a byte range.

The whole call (both parties mixed, `WHOLE_CALL`) is its own choice, not a track number: wavUrl,
mp4Url, httpUrl, the specification's media.url; when none exists, the first audio track's raw
download stands in (and the ticket says which track it is). One party is a track by its MediaSense
number (from 0: with Unified CM 0 is the agent's phone, 1 the far end): its raw download, or the
specification's media service path on the API node. VIDEO tracks are never offered as audio.
"""

from __future__ import annotations

from dataclasses import dataclass

from qms_desktop.domain.sessions import WHOLE_CALL, SessionRecord, SessionState, TrackChoice
from qms_desktop.mediasense.client import MediaResponse, MediaSenseClient
from qms_desktop.mediasense.errors import MediaNotFound, MediaUnavailable

SPEC_MEDIA_PATH = "/ora/mediaService/media/session/{session_id}/track/{track}"
CONTENT_TYPES = {"wav": "audio/wav", "mp4": "audio/mp4", "raw": "application/octet-stream", "spec": "audio/wav"}


@dataclass(frozen=True, slots=True)
class MediaSource:
    url: str
    kind: str  # wav | mp4 | raw (headerless G.711 per track) | spec
    track: TrackChoice  # WHOLE_CALL (None): both parties mixed; N: MediaSense track N
    codec: str | None

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[self.kind]


def media_source(record: SessionRecord, track: TrackChoice = WHOLE_CALL, *, api_url: str | None = None) -> MediaSource:
    """The best URL for the whole call (`WHOLE_CALL`) or for one track by its MediaSense number.

    Raises MediaNotFound (pruned), MediaUnavailable (active, no address, a video or unknown track)."""
    if record.pruned:
        raise MediaNotFound(f"The audio of session {record.session_id} has been pruned from MediaSense")
    if record.state is SessionState.ACTIVE:
        raise MediaUnavailable(f"Session {record.session_id} is still active; its recording is not closed yet")
    codec = record.codec
    if track is WHOLE_CALL:
        for kind, url in (
            ("wav", record.urls.wav),
            ("mp4", record.urls.mp4),
            ("mp4", record.urls.http),
            ("spec", record.urls.audio),
        ):
            if url:
                return MediaSource(url, kind, WHOLE_CALL, codec)
        audio = [t for t in record.tracks if t.download_url and not t.is_video and t.number is not None]
        if audio:
            chosen = min(audio, key=lambda t: t.number or 0)
            return MediaSource(chosen.download_url or "", "raw", chosen.number, chosen.codec or codec)
    else:
        matching = [t for t in record.tracks if t.number == track]
        if matching and all(t.is_video for t in matching):
            raise MediaUnavailable(
                f"Track {track} of session {record.session_id} is video, not audio: choose the whole call or "
                "another party"
            )
        if not matching and record.tracks and record.dialect == "cisco":
            numbers = ", ".join(str(t.number) for t in record.tracks if t.number is not None) or "none numbered"
            raise MediaUnavailable(
                f"Session {record.session_id} has no track {track} (its tracks: {numbers}); MediaSense numbers "
                "tracks from 0"
            )
        wanted = [t for t in matching if t.download_url and not t.is_video]
        if wanted:
            chosen = wanted[0]
            return MediaSource(chosen.download_url or "", "raw", chosen.number, chosen.codec or codec)
    if api_url and record.dialect != "cisco":
        # The specification's own convention: /track/0 is its whole call, /track/N one party.
        path = SPEC_MEDIA_PATH.format(session_id=record.session_id, track=0 if track is WHOLE_CALL else track)
        return MediaSource(api_url.rstrip("/") + path, "spec", track, codec)
    raise MediaUnavailable(f"MediaSense gave no media address for session {record.session_id}")


async def stream_media(
    client: MediaSenseClient, record: SessionRecord, track: TrackChoice = WHOLE_CALL, byte_range: str | None = None
) -> tuple[MediaSource, MediaResponse]:
    """Open the recording's audio; the caller iterates `response.aiter_bytes()` and closes it."""
    source = media_source(record, track, api_url=client.current_node)
    response = await client.open_media(source.url, byte_range=byte_range)
    return source, response
