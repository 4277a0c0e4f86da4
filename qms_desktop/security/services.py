"""The guarded entry points the GUI and the CLI call: every function checks the principal first.

A refused call is audited (`access.denied`) and raises PermissionDenied. ADMIN may do everything;
SUPERVISOR searches, shows and plays recordings of their own teams only; IT tests the connection,
reads the logs and runs, inspects or resets the sync, and never sees recordings, users or passwords.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine

from qms_desktop.security import audit
from qms_desktop.security import users as users_repo
from qms_desktop.security.errors import PermissionDenied, SecurityError
from qms_desktop.security.roles import Permission, Principal, Role, narrow_teams, require
from qms_desktop.store.engine import begin_write

if TYPE_CHECKING:
    from qms_desktop.config import ConnectionSettings
    from qms_desktop.integration_log import LogPage
    from qms_desktop.mediasense.client import MediaSenseClient
    from qms_desktop.mediasense.diagnostics import ConnectionTestResult
    from qms_desktop.playback.proxy import PlaybackProxy, PlaybackTicket
    from qms_desktop.search import RecordingDetail, RecordingPage, RecordingQuery
    from qms_desktop.sync.engine import SyncResult
    from qms_desktop.sync.settings import SyncSettings


class RecordingNotFound(SecurityError, LookupError):
    hint = "Check the session id, or sync again if the recording is new"


class SyncBusy(SecurityError):
    hint = "A sync is running: try again when it has finished"


class _Service:
    def __init__(self, engine: Engine, principal: Principal) -> None:
        self.engine = engine
        self.principal = principal

    def _guard(self, permission: Permission, target: str | None = None) -> None:
        if self.principal.can(permission):
            return
        audit.write(
            self.engine,
            audit.ACCESS_DENIED,
            actor=self.principal.username,
            target=target,
            detail={"permission": permission.value, "role": self.principal.role.value},
            outcome=audit.DENIED,
        )
        require(self.principal, permission)

    def _audit(self, action: str, target: str | None = None, **detail: Any) -> None:
        audit.write(self.engine, action, actor=self.principal.username, target=target, detail=detail)


class RecordingService(_Service):
    """Search, show and play recordings; a supervisor's view is narrowed to their teams."""

    def search(self, query: RecordingQuery) -> RecordingPage:
        from qms_desktop.search import search_recordings

        self._guard(Permission.RECORDINGS_READ)
        return search_recordings(self.engine, self._narrow(query))

    def count(self, query: RecordingQuery) -> int:
        from qms_desktop.search import count_recordings

        self._guard(Permission.RECORDINGS_READ)
        return count_recordings(self.engine, self._narrow(query))

    def _narrow(self, query: RecordingQuery) -> RecordingQuery:
        return dataclasses.replace(query, allowed_teams=narrow_teams(self.principal, query.allowed_teams))

    def show(self, session_id: str) -> RecordingDetail:
        from qms_desktop.search import get_recording

        self._guard(Permission.RECORDINGS_READ, session_id)
        detail = get_recording(self.engine, session_id)
        if detail is None:
            raise RecordingNotFound(f"No recording with session id {session_id!r}")
        if not self.principal.sees_team(detail.row.team_code):
            audit.write(
                self.engine,
                audit.ACCESS_DENIED,
                actor=self.principal.username,
                target=session_id,
                detail={"permission": Permission.RECORDINGS_READ.value, "reason": "team"},
                outcome=audit.DENIED,
            )
            raise PermissionDenied(
                f"Recording {session_id} belongs to a team {self.principal.username} does not supervise",
                permission=Permission.RECORDINGS_READ.value,
                hint="Ask an administrator to assign you that recording's team",
            )
        return detail

    def play(self, proxy: PlaybackProxy, session_id: str, track: int | None = None) -> PlaybackTicket:
        """A playback ticket on the local proxy (which checks permission and the stream limit again)."""
        self._guard(Permission.RECORDINGS_PLAY, session_id)
        return proxy.register(self.principal, self.show(session_id), track)


class UserService(_Service):
    def list_users(self) -> list[users_repo.UserInfo]:
        self._guard(Permission.USERS_MANAGE)
        with self.engine.connect() as conn:
            return users_repo.list_users(conn)

    def create_user(
        self, username: str, role: Role | str, password: str, teams: Collection[str] = ()
    ) -> users_repo.UserInfo:
        self._guard(Permission.USERS_MANAGE, username)
        with begin_write(self.engine) as conn:
            info = users_repo.create_user(conn, username, role, password, teams)
            audit.record(
                conn,
                audit.USER_CREATE,
                actor=self.principal.username,
                target=info.username,
                detail={"role": info.role.value, "teams": list(info.teams)},
            )
        return info

    def set_password(self, username: str, password: str) -> None:
        """Admins set anyone's password; every user may change their own."""
        if users_repo.normalize_username(username) != self.principal.username:
            self._guard(Permission.USERS_MANAGE, username)
        with begin_write(self.engine) as conn:
            users_repo.set_password(conn, username, password)
            audit.record(conn, audit.USER_PASSWORD, actor=self.principal.username, target=username.lower())

    def disable_user(self, username: str, disabled: bool = True) -> None:
        self._guard(Permission.USERS_MANAGE, username)
        name = users_repo.normalize_username(username)
        if disabled and name == self.principal.username:
            raise PermissionDenied("You cannot disable your own account", hint="Ask another administrator")
        with begin_write(self.engine) as conn:
            users_repo.disable_user(conn, name, disabled)
            audit.record(
                conn, audit.USER_DISABLE if disabled else audit.USER_ENABLE, actor=self.principal.username, target=name
            )

    def set_teams(self, username: str, teams: Collection[str]) -> tuple[str, ...]:
        self._guard(Permission.USERS_MANAGE, username)
        with begin_write(self.engine) as conn:
            clean = users_repo.set_teams(conn, username, teams)
            audit.record(
                conn,
                audit.USER_TEAMS,
                actor=self.principal.username,
                target=username.lower(),
                detail={"teams": list(clean)},
            )
        return clean


def create_first_admin(engine: Engine, username: str, password: str) -> users_repo.UserInfo:
    """The one unauthenticated write: allowed only while no enabled administrator exists."""
    with begin_write(engine) as conn:
        if not users_repo.needs_first_admin(conn):
            raise PermissionDenied(
                "An administrator already exists", hint="Sign in as an administrator to add users (--as NAME)"
            )
        info = users_repo.create_user(conn, username, Role.ADMIN, password)
        audit.record(
            conn, audit.USER_CREATE, actor=info.username, target=info.username, detail={"role": "ADMIN", "first": True}
        )
    return info


class SettingsService(_Service):
    def connection(self) -> ConnectionSettings:
        from qms_desktop import app_context

        self._guard(Permission.SETTINGS_READ)
        return app_context.connection_settings(self.engine)

    def save_connection(self, settings: ConnectionSettings) -> None:
        from qms_desktop import app_context

        self._guard(Permission.SETTINGS_WRITE, "connection")
        app_context.save_connection_settings(self.engine, settings, self.principal.username)
        self._audit(audit.CONFIG_CHANGE, "connection", settings=settings.to_dict())

    def sync_settings(self) -> SyncSettings:
        from qms_desktop import app_context

        self._guard(Permission.SETTINGS_READ)
        return app_context.sync_settings(self.engine)

    def save_sync_settings(self, values: dict[str, Any]) -> SyncSettings:
        from qms_desktop import app_context

        self._guard(Permission.SETTINGS_WRITE, "sync")
        result = app_context.save_sync_settings(self.engine, values, self.principal.username)
        self._audit(audit.CONFIG_CHANGE, "sync", changed=sorted(values))
        return result


class ConnectionService(_Service):
    async def test(self) -> ConnectionTestResult:
        """The three-step connection test with the stored password; the caller never receives it."""
        import asyncio

        from qms_desktop import app_context
        from qms_desktop.mediasense.diagnostics import test_connection

        self._guard(Permission.CONNECTION_TEST)
        settings = await asyncio.to_thread(app_context.connection_settings, self.engine)
        password = app_context.password_for(settings)
        return await test_connection(settings.client_config(password))


class LogService(_Service):
    def query(
        self, level: str | None = None, search: str | None = None, limit: int = 100, cursor: str | None = None
    ) -> LogPage:
        from qms_desktop.integration_log import get_integration_log, setup_integration_log

        self._guard(Permission.LOGS_READ)
        log = get_integration_log() or setup_integration_log()
        return log.query(level=level, cursor=cursor, limit=limit, search=search)


class SyncService(_Service):
    def status(self) -> dict[str, Any]:
        from qms_desktop.sync.status import sync_status

        self._guard(Permission.SYNC_STATUS)
        return sync_status(self.engine)

    def reset(self) -> None:
        from qms_desktop.domain.time import now_ms
        from qms_desktop.sync import state
        from qms_desktop.sync.guard import current_lease

        self._guard(Permission.SYNC_RESET, "sync")
        with begin_write(self.engine) as conn:
            lease = current_lease(conn)
            if lease is not None and lease.expires_ms > now_ms():
                raise SyncBusy(f"Sync run {lease.run_id} is running")
            state.reset_state(conn)
            audit.record(conn, audit.SYNC_RESET, actor=self.principal.username, target="sync")

    async def run_now(
        self, client_factory: Callable[[], MediaSenseClient] | None = None, **engine_options: Any
    ) -> SyncResult:
        import asyncio

        from qms_desktop import app_context
        from qms_desktop.sync.engine import SyncEngine

        self._guard(Permission.SYNC_RUN, "sync")
        if client_factory is None:
            settings = await asyncio.to_thread(app_context.connection_settings, self.engine)
            password = app_context.password_for(settings)
            client = app_context.build_client(self.engine, settings, password)
        else:
            client = client_factory()
        sync_settings = await asyncio.to_thread(app_context.sync_settings, self.engine)
        engine = SyncEngine(self.engine, client, sync_settings, **engine_options)
        try:
            return await engine.run("manual")
        finally:
            engine.close()
            await client.aclose()


class AuditService(_Service):
    def list(self, **filters: Any) -> list[audit.AuditRow]:
        self._guard(Permission.AUDIT_READ)
        return audit.list_audit(self.engine, **filters)

    def export_csv(self, path: str | Path, **filters: Any) -> int:
        self._guard(Permission.AUDIT_READ)
        filters.setdefault("limit", None)
        return audit.export_csv(audit.list_audit(self.engine, **filters), path)
