"""Playing recordings: the local playback proxy, bound to one principal, for the GUI's player and the
CLI's `recordings stream|serve`.

`open_playback()` checks that the principal may play recordings and works out the MediaSense
connection; `Playback` then issues tickets through `RecordingUseCases.play` (team scope, audit)
and hands them back. Stopping it ends every playback it issued, so signing out frees the user's
streams at once. All methods block (database, sockets, a thread start): call them off a GUI thread.

The per-user stream limit is counted in the database (`DatabaseSlots`), across every process and
workstation of the user. A process that dies leaves its slots until their lease runs out:
QMS_PLAYBACK_SLOT_TTL_S seconds (default 60) after its last renewal.
"""

from __future__ import annotations

import logging
import os
import threading

from sqlalchemy import Engine

from qms_desktop.app import runtime
from qms_desktop.app.access import UseCase
from qms_desktop.app.credentials import Credentials
from qms_desktop.app.recordings import RecordingUseCases
from qms_desktop.app.sync import ConnectionOverride
from qms_desktop.mediasense.client import ClientConfig
from qms_desktop.playback.proxy import PlaybackProxy, PlaybackTicket
from qms_desktop.playback.slots import DEFAULT_SLOT_TTL_S, DatabaseSlots
from qms_desktop.security.audit import AuditWriter
from qms_desktop.security.roles import Permission, Principal

log = logging.getLogger("qms.proxy")

SLOT_TTL_ENV = "QMS_PLAYBACK_SLOT_TTL_S"


def slot_ttl_s() -> float:
    """How long a playback slot outlives its process's last renewal (QMS_PLAYBACK_SLOT_TTL_S)."""
    text = os.environ.get(SLOT_TTL_ENV, "").strip()
    if not text:
        return DEFAULT_SLOT_TTL_S
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if value <= 0:
        log.warning("%s=%r is not a positive number of seconds; using %s", SLOT_TTL_ENV, text, DEFAULT_SLOT_TTL_S)
        return DEFAULT_SLOT_TTL_S
    return value


class Playback:
    """One local proxy for one principal. Thread-safe."""

    def __init__(self, engine: Engine, principal: Principal, client_config: ClientConfig) -> None:
        self.engine = engine
        self.principal = principal
        self.client_config = client_config  # an evidence export fetches audio over the same connection
        self._audit = AuditWriter(engine)
        self._slots = DatabaseSlots(engine, ttl_s=slot_ttl_s())
        self._proxy = PlaybackProxy(client_config=client_config, audit_sink=self._audit, slots=self._slots)
        self._lock = threading.Lock()
        self._tokens: set[str] = set()
        self._stopped = False

    @property
    def proxy(self) -> PlaybackProxy:
        return self._proxy

    def start(self) -> Playback:
        self._proxy.start()
        return self

    def ticket(self, session_id: str, track: int | None = None) -> PlaybackTicket:
        """A local URL for one recording and track (None: the whole call), permission-checked."""
        ticket = RecordingUseCases(self.engine, self.principal).play(self._proxy, session_id, track)
        with self._lock:
            self._tokens.add(ticket.token)
        return ticket

    def release(self, token: str | None) -> None:
        """End one playback (its player closed). Idempotent; cheap enough for a GUI thread."""
        if token is None:
            return
        with self._lock:
            self._tokens.discard(token)
        self._proxy.release(token)

    def release_all(self) -> int:
        with self._lock:
            tokens, self._tokens = self._tokens, set()
        return sum(1 for token in tokens if self._proxy.release(token))

    def stop(self) -> None:
        """End every playback, stop the proxy, flush the audit rows. Idempotent."""
        with self._lock:
            if self._stopped:
                return
            self._stopped = True
        self.release_all()
        self._proxy.stop()
        self._slots.close()  # after the proxy: its last tickets free their slots as they end
        self._audit.close()


class PlaybackUseCases(UseCase):
    def client_config(
        self, credentials: Credentials | None = None, override: ConnectionOverride | None = None
    ) -> ClientConfig:
        """How to reach MediaSense for audio; NotConfigured when the connection or password is unknown."""
        self.require(Permission.RECORDINGS_PLAY)
        if override is not None:
            return override.settings.client_config(override.password)
        settings = runtime.connection_settings(self.engine)
        password = (credentials or Credentials()).require_password(settings)
        return settings.client_config(password)

    def open(
        self,
        credentials: Credentials | None = None,
        override: ConnectionOverride | None = None,
        *,
        client_config: ClientConfig | None = None,
    ) -> Playback:
        """A started playback proxy for this principal."""
        config = client_config or self.client_config(credentials, override)
        principal = self.require(Permission.RECORDINGS_PLAY)
        return Playback(self.engine, principal, config).start()
