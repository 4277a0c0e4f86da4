"""The local Range-serving playback proxy: tickets (token, permission, per-user limit), streaming
from MediaSense without touching the disk, G.711 tracks wrapped as WAV. No Qt here."""

from qms_desktop.playback.proxy import (
    MAX_PLAYBACKS_PER_USER,
    PlaybackProxy,
    PlaybackTicket,
    ProxyNotRunning,
    ProxyStats,
)
from qms_desktop.playback.ranges import RangeDecision, decide
from qms_desktop.playback.sources import PlayableRecord, as_session_record
from qms_desktop.playback.wav import wav_header

__all__ = [
    "MAX_PLAYBACKS_PER_USER",
    "PlayableRecord",
    "PlaybackProxy",
    "PlaybackTicket",
    "ProxyNotRunning",
    "ProxyStats",
    "RangeDecision",
    "as_session_record",
    "decide",
    "wav_header",
]
