"""The signed-in user's playback proxy in the GUI: started on the first Play (off the GUI thread),
bound to that user, stopped at sign-out (every ticket ends at once) and at shutdown.

Everything that matters (permission, team scope, stream limit, audit) happens in the app's
`Playback`; here we only start it off the GUI thread and tell the players to let go first.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import urllib.error
import urllib.request

from qms_desktop.app.playback import Playback, PlaybackUseCases
from qms_desktop.mediasense.client import ClientConfig
from qms_desktop.playback.proxy import PlaybackProxy, PlaybackTicket
from qms_desktop.ui.context import UiContext
from qms_desktop.ui.qt import QObject, Signal

log = logging.getLogger("qms.ui")


class AppPlayback(QObject):
    """Owned by the shell through `ctx.playback`; every Recordings tab of this sign-in shares it."""

    closing = Signal()  # players let go of their media before the proxy stops

    def __init__(
        self, ctx: UiContext, *, client_config: ClientConfig | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._config = client_config  # tests hand in a ready one
        self._playback: Playback | None = None
        self._lock = asyncio.Lock()
        self._stale = False
        self._closed = False
        ctx.signals.settings_changed.connect(self._settings_changed)

    @property
    def playback(self) -> Playback | None:
        return self._playback

    @property
    def proxy(self) -> PlaybackProxy | None:
        return self._playback.proxy if self._playback is not None else None

    def _settings_changed(self) -> None:
        self._stale = True  # the next playback starts a proxy with the new connection

    async def ensure(self) -> Playback:
        async with self._lock:
            if self._closed:
                raise RuntimeError("The app is shutting down")
            if self._playback is not None and self._stale:
                old, self._playback = self._playback, None
                await asyncio.to_thread(old.stop)
            if self._playback is None:
                use_cases = PlaybackUseCases(self.ctx.engine, self.ctx.principal)
                # Reads the keyring, binds a socket, starts a thread: off the GUI thread.
                self._playback = await self.ctx.read(
                    functools.partial(
                        use_cases.open, self.ctx.credentials, self.ctx.connection_override, client_config=self._config
                    )
                )
                self._stale = False
            return self._playback

    async def ticket(self, session_id: str, track: int | None) -> PlaybackTicket:
        """A proxy URL for one recording and track (None: the whole call; 0 is a track), permission-checked."""
        playback = await self.ensure()
        return await self.ctx.db(playback.ticket, session_id, track)  # writes audit rows

    def release(self, token: str | None) -> None:
        """End a playback. Only a lock and a queued audit event: cheap enough for the GUI thread."""
        if self._playback is not None:
            self._playback.release(token)

    async def probe(self, url: str, timeout: float = 15.0) -> tuple[int, str]:
        """Ask the proxy for the first byte: its status and words say why audio would fail, before
        QMediaPlayer turns them into a bare 'Server returned 404'. Also makes the proxy learn the size."""
        return await asyncio.to_thread(_probe, url, timeout)

    async def shutdown(self) -> None:
        """Idempotent: players unload, a short pause (qt-headless §3), then every playback ends and the
        proxy stops. The shell calls it at sign-out (the next user gets a new one) and at quit."""
        if self._closed:
            return
        self._closed = True
        self.closing.emit()
        await asyncio.sleep(0.1)
        async with self._lock:
            playback, self._playback = self._playback, None
        if playback is not None:
            await asyncio.to_thread(playback.stop)


def _probe(url: str, timeout: float) -> tuple[int, str]:
    request = urllib.request.Request(url, headers={"Range": "bytes=0-0"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
            return int(response.status), ""
    except urllib.error.HTTPError as exc:
        body = exc.read().decode("utf-8", "replace").strip()
        return int(exc.code), body
    except OSError as exc:
        return 0, str(exc)


def app_playback(ctx: UiContext) -> AppPlayback:
    """The signed-in user's instance on the context (created on first use; the shell stops it)."""
    existing = ctx.playback
    if isinstance(existing, AppPlayback) and not existing._closed:
        return existing
    playback = AppPlayback(ctx, parent=ctx.signals)  # dies with the app's signals, on the GUI thread
    ctx.playback = playback
    return playback
