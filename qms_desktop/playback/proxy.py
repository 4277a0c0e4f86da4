"""The local playback proxy: what a media player (QMediaPlayer/FFmpeg, VLC, a browser) opens.

It runs an aiohttp server on its own thread and event loop, bound to 127.0.0.1 on an ephemeral port.
Each playback gets a ticket: an unguessable token bound to one user, recording and track, with an
expiry. The URL carries the token and the user/recording/track it is bound to; a request whose path
does not match its token is refused. Audio is streamed from MediaSense chunk by chunk (bounded
memory, nothing on disk) with exact Range semantics towards the player, whether or not MediaSense
honours Range itself. Headerless G.711 tracks are wrapped in a WAV header on the fly.

Playbacks, not connections, count towards the per-user limit: a player seeking opens a new
connection on the same ticket and drops the old one; that is normal and logged at DEBUG. The limit
is counted by a `SlotStore`: in the database when the app runs the proxy (every process of the user
shares it), in this process otherwise.

A connection that sends no complete request for `connection_idle_s` (idle keep-alive, a request
that never finishes, or nothing at all) is closed. A malformed request is answered 400 and logged
once at DEBUG; nothing on the proxy's thread writes to stderr itself.

The parts: `tickets` (ticket types, registry, limits, expiry), `server` (the aiohttp app on its own
thread, start/stop, Host check) and `streaming` (serving one request). `PlaybackProxy` ties them together.
"""

from __future__ import annotations

from collections.abc import Callable

from qms_desktop.mediasense.client import ClientConfig, MediaSenseClient
from qms_desktop.playback.server import DEFAULT_CONNECTION_IDLE_S, ProxyServer
from qms_desktop.playback.slots import SlotStore
from qms_desktop.playback.sources import PlayableRecord
from qms_desktop.playback.streaming import CHUNK, ProxyStats
from qms_desktop.playback.tickets import (
    CONTENT_TYPES,
    DEFAULT_IDLE_S,
    DEFAULT_TTL_S,
    EXTENSIONS,
    MAX_PLAYBACKS_PER_USER,
    AuditSink,
    PlaybackTicket,
    ProxyNotRunning,
    TicketRegistry,
)
from qms_desktop.security.roles import Principal

__all__ = [
    "CHUNK",
    "CONTENT_TYPES",
    "DEFAULT_CONNECTION_IDLE_S",
    "DEFAULT_IDLE_S",
    "DEFAULT_TTL_S",
    "EXTENSIONS",
    "MAX_PLAYBACKS_PER_USER",
    "AuditSink",
    "PlaybackProxy",
    "PlaybackTicket",
    "ProxyNotRunning",
    "ProxyStats",
]


class PlaybackProxy:
    """Start once, register playbacks, stop (idempotent). Thread-safe: call from any thread."""

    def __init__(
        self,
        *,
        client_config: ClientConfig | None = None,
        client_factory: Callable[[], MediaSenseClient] | None = None,
        audit_sink: AuditSink | None = None,
        slots: SlotStore | None = None,
        max_per_user: int = MAX_PLAYBACKS_PER_USER,
        ttl_s: float = DEFAULT_TTL_S,
        idle_s: float = DEFAULT_IDLE_S,
        connection_idle_s: float = DEFAULT_CONNECTION_IDLE_S,
        reap_interval_s: float = 1.0,
        host: str = "127.0.0.1",
    ) -> None:
        """`slots` counts the per-user limit (default: this process's playbacks only); its owner closes it."""
        if client_factory is None and client_config is None:
            raise ValueError("PlaybackProxy needs client_config or client_factory")
        factory = client_factory or (lambda: MediaSenseClient(client_config))  # type: ignore[arg-type]
        self._tickets = TicketRegistry(
            audit_sink=audit_sink, slots=slots, max_per_user=max_per_user, ttl_s=ttl_s, idle_s=idle_s
        )
        self._stats = ProxyStats()
        self._server = ProxyServer(
            client_factory=factory,
            tickets=self._tickets,
            stats=self._stats,
            reap_interval_s=reap_interval_s,
            connection_idle_s=connection_idle_s,
            host=host,
        )

    # ---- settings (the registry applies them) ---------------------------------------------------

    @property
    def max_per_user(self) -> int:
        return self._tickets.max_per_user

    @max_per_user.setter
    def max_per_user(self, value: int) -> None:
        self._tickets.max_per_user = value

    @property
    def ttl_s(self) -> float:
        return self._tickets.ttl_s

    @ttl_s.setter
    def ttl_s(self, value: float) -> None:
        self._tickets.ttl_s = value

    @property
    def idle_s(self) -> float:
        return self._tickets.idle_s

    @idle_s.setter
    def idle_s(self, value: float) -> None:
        self._tickets.idle_s = value

    # ---- lifecycle ----------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._server.running

    @property
    def port(self) -> int:
        return self._server.port

    @property
    def base_url(self) -> str:
        return self._server.base_url

    def start(self, timeout: float = 15.0) -> PlaybackProxy:
        self._server.start(timeout)
        return self

    def stop(self, timeout: float = 10.0) -> None:
        """End every playback (audited), close the server and the MediaSense client. Idempotent."""
        self._server.stop(timeout)

    def __enter__(self) -> PlaybackProxy:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ---- tickets ------------------------------------------------------------------------------

    def register(
        self, principal: Principal, record: PlayableRecord, track: int | None = None, *, ttl_s: float | None = None
    ) -> PlaybackTicket:
        """Check permission and the per-user limit, then issue a ticket for one recording/track.

        Raises PermissionDenied, StreamLimitReached, MediaNotFound (pruned) or MediaUnavailable.
        """
        if not self.running:
            raise ProxyNotRunning()
        client = self._server.client
        api_url = client.current_node if client is not None else None
        return self._tickets.issue(principal, record, track, ttl_s=ttl_s, api_url=api_url, base_url=self.base_url)

    def release(self, token: str) -> bool:
        """End a playback (the player closed it). False if it had already ended. Idempotent."""
        return self._tickets.release(token)

    def active_playbacks(self, username: str | None = None) -> int:
        return self._tickets.active(username)

    def stats(self) -> ProxyStats:
        with self._tickets.lock:
            return self._stats.snapshot()
