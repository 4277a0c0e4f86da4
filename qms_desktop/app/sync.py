"""Running, watching, scheduling and resetting the sync: each written once, for every front end.

`SyncUseCases` holds the guarded operations. A run starts from a `SyncPlan` (plain data: settings,
password, knobs, clock) made by `SyncUseCases.plan()`, and is carried out by a `SyncRunner` (one
MediaSense client and one engine, for as many runs as the caller wants) on whichever event loop
awaits it. A GUI runs a plan in a child process (`sync_process.ProcessSyncRun`), reporting through
`LatestProgress`, a thread-safe mailbox the GUI polls: nothing of the caller's runs there.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Engine

from qms_desktop import config
from qms_desktop.app import runtime
from qms_desktop.app.access import SyncBusy, UseCase
from qms_desktop.app.credentials import Credentials
from qms_desktop.app.sync_dashboard import SyncDashboard, load_dashboard, load_quarantine_page
from qms_desktop.domain.sessions import SessionRecord, TagChange
from qms_desktop.domain.time import now_ms, utc_now
from qms_desktop.mediasense.client import MediaSenseClient, ServerProfile
from qms_desktop.search import indexing
from qms_desktop.security import audit
from qms_desktop.security.roles import Permission
from qms_desktop.store import sync_state as state
from qms_desktop.store.engine import begin_write
from qms_desktop.store.quarantine import QuarantineEntry
from qms_desktop.store.writer import DbWriter
from qms_desktop.sync.engine import SyncEngine, SyncProgress, SyncResult
from qms_desktop.sync.guard import current_lease
from qms_desktop.sync.settings import SyncSettings
from qms_desktop.sync.status import sync_status

log = logging.getLogger("qms.sync")

MIN_INTERVAL_S = 0.1
MANUAL = "manual"
STARTUP = "startup"  # the run a front end starts by itself at launch (the demo's first sync)


@dataclass(frozen=True, slots=True)
class ConnectionOverride:
    """Where a run connects instead of the saved settings (the demo's simulator): plain data."""

    settings: config.ConnectionSettings
    password: str = field(repr=False)
    clock: Callable[[], datetime] = utc_now


@dataclass(frozen=True, slots=True)
class SyncPlan:
    """Everything one sync run needs, as plain data: safe to hand to another thread, and to pickle
    for another process (the clock too: `utc_now`, or a simulator's clock, which pickles as a copy)."""

    connection: config.ConnectionSettings
    password: str = field(repr=False)
    sync_settings: SyncSettings
    profiles: Mapping[str, ServerProfile]
    clock: Callable[[], datetime] = utc_now
    actor: str | None = None


@dataclass(frozen=True, slots=True)
class SyncHealth:
    """What monitoring watches: how far behind the sync is, and the search index's backlog."""

    lag_s: float | None  # now minus the watermark
    open_sessions: int
    backlog: indexing.Backlog


class SyncUseCases(UseCase):
    """What a user (or the headless service) may do with the sync."""

    def health(self, now: int | None = None) -> SyncHealth:
        self.require(Permission.SYNC_STATUS)
        now = now if now is not None else now_ms()
        with self.engine.connect() as conn:
            checkpoint = state.load_checkpoint(conn)
            open_count = state.count_open_sessions(conn)
            backlog = indexing.backlog(conn, now)
        watermark = checkpoint.last_sync_time_ms
        return SyncHealth((now - watermark) / 1000 if watermark is not None else None, open_count, backlog)

    def status(self, limit: int = 10) -> dict[str, Any]:
        self.require(Permission.SYNC_STATUS)
        return sync_status(self.engine, limit)

    def dashboard(self) -> SyncDashboard:
        """Status, checkpoint, history, backfill progress and quarantine: what the Sync tab shows."""
        self.require(Permission.SYNC_STATUS)
        return load_dashboard(self.engine)

    def quarantine(self, limit: int = 50, before_id: int | None = None) -> list[QuarantineEntry]:
        self.require(Permission.SYNC_STATUS)
        return load_quarantine_page(self.engine, limit=limit, before_id=before_id)

    def settings(self) -> SyncSettings:
        self.require(Permission.SYNC_STATUS)
        return runtime.sync_settings(self.engine)

    def set_interval(self, seconds: float) -> SyncSettings:
        """The periodic sync's interval (stored for every workstation on this database; audited)."""
        self.require(Permission.SYNC_SCHEDULE, "sync")
        seconds = max(float(seconds), MIN_INTERVAL_S)
        result = runtime.save_sync_settings(self.engine, {"interval_s": seconds}, self.actor)
        self.audit(audit.SYNC_SCHEDULE, "sync", interval_s=seconds)
        return result

    def reset(self) -> None:
        """Forget the checkpoint and backfill progress (recordings stay); refused while a sync runs."""
        self.require(Permission.SYNC_RESET, "sync")
        with begin_write(self.engine) as conn:
            lease = current_lease(conn)
            if lease is not None and lease.expires_ms > now_ms():
                raise SyncBusy(f"Sync run {lease.run_id} is running ({lease.holder})")
            state.reset_state(conn)
            self.audit_in(conn, audit.SYNC_RESET, "sync")
        log.info("Sync state reset by %s: the next run starts over with a backfill", self.actor)

    def plan(
        self,
        trigger: str = MANUAL,
        *,
        credentials: Credentials | None = None,
        override: ConnectionOverride | None = None,
    ) -> SyncPlan:
        """Everything a run needs. Blocking (database, keyring): call it off any GUI thread.

        Raises NotConfigured when the connection or its password is unknown. A run a person asked
        for is audited here; scheduled runs leave their trace in the run history."""
        self.require(Permission.SYNC_RUN, "sync")
        if override is not None:
            connection, password, clock = override.settings, override.password, override.clock
        else:
            connection = runtime.connection_settings(self.engine)
            password = (credentials or Credentials()).require_password(connection)
            clock = utc_now
        plan = SyncPlan(
            connection=connection,
            password=password,
            sync_settings=runtime.sync_settings(self.engine),
            profiles=runtime.detected_profiles(self.engine, connection.urls),
            clock=clock,
            actor=self.actor,
        )
        if trigger == MANUAL:
            self.audit(audit.SYNC_RUN, "sync", trigger=trigger)
        return plan


class SyncRunner:
    """One MediaSense client and one engine; `run()` as often as wanted, then `aclose()`.

    Dialects a server turns out to speak are remembered in the database after each run."""

    def __init__(
        self,
        db: Engine,
        client: MediaSenseClient,
        sync_settings: SyncSettings,
        *,
        clock: Callable[[], datetime] = utc_now,
        on_progress: Callable[[SyncProgress], None] | None = None,
        writer: DbWriter | None = None,
        holder: str | None = None,
        learned: dict[str, ServerProfile] | None = None,
    ) -> None:
        self.db = db
        self.client = client
        self._learned = learned if learned is not None else {}  # filled by the client's on_profile
        self._writer = writer
        self.engine = SyncEngine(
            db, client, sync_settings, now=clock, on_progress=on_progress, writer=writer, holder=holder
        )

    @classmethod
    def from_plan(
        cls,
        db: Engine,
        plan: SyncPlan,
        *,
        on_progress: Callable[[SyncProgress], None] | None = None,
        writer: DbWriter | None = None,
        holder: str | None = None,
    ) -> SyncRunner:
        learned: dict[str, ServerProfile] = {}
        client = MediaSenseClient(
            plan.connection.client_config(plan.password), profiles=dict(plan.profiles), on_profile=learned.__setitem__
        )
        return cls(db, client, plan.sync_settings, clock=plan.clock, on_progress=on_progress, writer=writer,
                   holder=holder, learned=learned)  # fmt: skip

    async def run(self, trigger: str = MANUAL) -> SyncResult:
        try:
            return await self.engine.run(trigger)
        finally:
            await self._remember_profiles()

    async def run_sessions(
        self,
        session_ids: Sequence[str],
        trigger: str = "event",
        *,
        tag_changes: Sequence[TagChange] = (),
        announced: Sequence[SessionRecord] = (),
    ) -> SyncResult:
        try:
            return await self.engine.run_sessions(session_ids, trigger, tag_changes=tag_changes, announced=announced)
        finally:
            await self._remember_profiles()

    def request_stop(self) -> None:
        self.engine.request_stop()

    async def aclose(self) -> None:
        self.engine.close()
        await self.client.aclose()

    async def _remember_profiles(self) -> None:
        learned = dict(self._learned)
        self._learned.clear()
        if not learned:
            return

        def save() -> None:
            for node, profile in learned.items():
                runtime.remember_profile(self.db, node, profile)

        if self._writer is not None:
            await asyncio.shield(self._writer.run(save))
        else:
            await asyncio.shield(asyncio.to_thread(save))


async def run_plan(
    db: Engine,
    plan: SyncPlan,
    trigger: str = MANUAL,
    *,
    on_progress: Callable[[SyncProgress], None] | None = None,
    writer: DbWriter | None = None,
) -> SyncResult:
    """One run of a plan, with its client and engine opened and closed around it."""
    runner = SyncRunner.from_plan(db, plan, on_progress=on_progress, writer=writer)
    try:
        return await runner.run(trigger)
    finally:
        await runner.aclose()


class LatestProgress:
    """A thread-safe mailbox for progress: the sync's reader puts, the GUI takes the newest (if any)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._latest: SyncProgress | None = None
        self.first_run_id: int | None = None

    def put(self, progress: SyncProgress) -> None:
        with self._lock:
            if self.first_run_id is None:
                self.first_run_id = progress.run_id
            self._latest = progress

    def take(self) -> SyncProgress | None:
        with self._lock:
            latest, self._latest = self._latest, None
            return latest
