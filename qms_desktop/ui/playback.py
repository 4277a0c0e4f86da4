"""The app's one playback proxy: started on the first Play (off the GUI thread), bound to the
signed-in user's Principal, stopped by the shell at shutdown.

The proxy runs on its own thread and event loop; here we only start it, ask it for tickets through
RecordingService (which checks permissions and audits), and release them. Tests can hand in a
ready client config; the app derives it from the demo simulator or the saved connection settings.
"""

from __future__ import annotations

import asyncio
import getpass
import logging
import urllib.error
import urllib.request
from typing import TYPE_CHECKING, Any

from qms_desktop.security.roles import Principal, Role
from qms_desktop.ui.qt import QObject, Signal

if TYPE_CHECKING:
    from qms_desktop.mediasense.client import ClientConfig
    from qms_desktop.playback.proxy import PlaybackProxy, PlaybackTicket
    from qms_desktop.ui.context import UiContext

log = logging.getLogger("qms.ui")


def resolve_principal(ctx: UiContext) -> Principal:
    """The signed-in user. Until the login dialog fills `ctx.principal`, demo mode and an app without
    user management (no role) act as an administrator, the same rule that shows them every tab."""
    principal = getattr(ctx, "principal", None)
    if isinstance(principal, Principal):
        return principal
    role = (ctx.role or "").upper()
    if ctx.demo is not None:
        return Principal("demo", Role.ADMIN)
    if role == Role.SUPERVISOR.value:
        return Principal(getpass.getuser(), Role.SUPERVISOR)  # no teams known: sees nothing, safely
    if role in ("", Role.ADMIN.value):
        return Principal(getpass.getuser(), Role.ADMIN)
    return Principal(getpass.getuser(), Role.parse(role) if role in Role.__members__ else Role.IT)


class NoPlaybackConfig(RuntimeError):
    """The MediaSense connection or its password is not known, so there is nothing to stream from."""


class AppPlayback(QObject):
    """Owned by the shell through `ctx.playback`; every Recordings tab shares it."""

    closing = Signal()  # players let go of their media before the proxy stops

    def __init__(
        self, ctx: UiContext, *, client_config: ClientConfig | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._config = client_config
        self._proxy: PlaybackProxy | None = None
        self._audit: Any = None
        self._lock = asyncio.Lock()
        self._stale = False
        self._closed = False
        self._tokens: set[str] = set()
        ctx.signals.settings_changed.connect(self._settings_changed)

    @property
    def principal(self) -> Principal:
        return resolve_principal(self.ctx)

    @property
    def proxy(self) -> PlaybackProxy | None:
        return self._proxy

    def _settings_changed(self) -> None:
        self._stale = True  # the next playback starts a proxy with the new connection

    async def _client_config(self) -> ClientConfig:
        if self._config is not None:
            return self._config
        from qms_desktop import app_context

        if self.ctx.demo is not None:
            from qms_desktop import demo

            settings = demo.demo_settings(self.ctx.demo.simulator)
            return settings.client_config(self.ctx.demo.password)
        settings = await self.ctx.db(app_context.connection_settings, self.ctx.engine)
        password = self.ctx.password_provider()
        if not password:
            try:  # the keyring may block: off the GUI thread
                password = await asyncio.to_thread(app_context.password_for, settings)
            except app_context.NotConfigured as exc:
                raise NoPlaybackConfig(str(exc)) from exc
        return settings.client_config(password)

    async def ensure_proxy(self) -> PlaybackProxy:
        async with self._lock:
            if self._closed:
                raise RuntimeError("The app is shutting down")
            if self._proxy is not None and self._stale:
                old, self._proxy = self._proxy, None
                await asyncio.to_thread(old.stop)
            if self._proxy is None:
                from qms_desktop.playback.proxy import PlaybackProxy
                from qms_desktop.security.audit import AuditWriter

                config = await self._client_config()
                if self._audit is None:
                    self._audit = AuditWriter(self.ctx.engine)
                proxy = PlaybackProxy(client_config=config, audit_sink=self._audit)
                await asyncio.to_thread(proxy.start)  # binds a socket and starts a thread
                self._proxy, self._stale = proxy, False
            return self._proxy

    async def ticket(self, session_id: str, track: int | None) -> PlaybackTicket:
        """A proxy URL for one recording and track (None/0: both parties), permission-checked."""
        from qms_desktop.security import RecordingService

        proxy = await self.ensure_proxy()
        service = RecordingService(self.ctx.engine, self.principal)
        ticket = await self.ctx.db(service.play, proxy, session_id, track or None)
        self._tokens.add(ticket.token)
        return ticket

    def release(self, token: str | None) -> None:
        """End a playback. Only a lock and a queued audit event: cheap enough for the GUI thread."""
        if token is None:
            return
        self._tokens.discard(token)
        if self._proxy is not None:
            self._proxy.release(token)

    async def probe(self, url: str, timeout: float = 15.0) -> tuple[int, str]:
        """Ask the proxy for the first byte: its status and words say why audio would fail, before
        QMediaPlayer turns them into a bare 'Server returned 404'. Also makes the proxy learn the size."""
        return await asyncio.to_thread(_probe, url, timeout)

    async def shutdown(self) -> None:
        """Idempotent: players unload, a short pause (qt-headless §3), then the proxy and the audit writer stop."""
        if self._closed:
            return
        self._closed = True
        self.closing.emit()
        await asyncio.sleep(0.1)
        proxy, self._proxy = self._proxy, None
        if proxy is not None:
            await asyncio.to_thread(proxy.stop)
        if self._audit is not None:
            await asyncio.to_thread(self._audit.close)
            self._audit = None


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
    """The shared instance on the context (created on first use; the shell stops it at shutdown)."""
    existing = getattr(ctx, "playback", None)
    if isinstance(existing, AppPlayback):
        return existing
    playback = AppPlayback(ctx, parent=ctx.signals)  # dies with the app's signals, on the GUI thread
    ctx.playback = playback  # type: ignore[attr-defined]
    return playback
