"""Where a new installation stands, for the front ends' empty states: is the MediaSense connection
set up, has a sync run, are there recordings, does the directory link them to agents yet, and which
of the next steps the signed-in user may take themselves (the others ask an administrator)."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from qms_desktop.app import runtime
from qms_desktop.app.access import UseCase
from qms_desktop.domain.directory import SOURCE_LINKED_DIALECTS
from qms_desktop.security.roles import Permission
from qms_desktop.store.schema import agents, recordings, sync_runs


@dataclass(frozen=True, slots=True)
class FirstRun:
    connection_configured: bool
    synced: bool  # a sync has run (whatever it found)
    has_recordings: bool  # recordings the user may see are stored
    stored: bool  # recordings are stored at all (a supervisor may see none of them yet)
    unlinked: bool  # stored recordings the directory could link have no agent
    agents_known: int
    may_configure: bool  # the user sets up the connection themselves
    may_sync: bool
    may_manage_directory: bool

    @property
    def step(self) -> str:
        """The next step while nothing can be listed: "connection", "sync", "teams" (recordings are
        stored but none of the user's teams yet), or "" (recordings exist)."""
        if self.has_recordings:
            return ""
        if self.stored:
            return "teams"
        if not self.connection_configured:
            return "connection"
        return "sync"

    @property
    def needs_directory(self) -> bool:
        """Recordings are listed but no agent is known, so every agent and team shows as a dash."""
        return self.has_recordings and self.unlinked and self.agents_known == 0


class FirstRunUseCases(UseCase):
    def state(self, connection_given: bool = False) -> FirstRun:
        """The installation's progress as the signed-in user sees it. `connection_given`: the front end
        has a connection of its own (the demo's simulator), whatever the saved settings say."""
        principal = self.require(Permission.RECORDINGS_READ)
        configured = connection_given
        if not configured:
            try:
                configured = runtime.connection_settings(self.engine).configured
            except ValueError:  # a saved URL with credentials: it was cleaned, the address is set
                configured = True
        r = recordings
        visible = sa.select(r.c.id).limit(1)
        if principal.allowed_teams is not None:
            visible = visible.where(r.c.team_code.in_(sorted(principal.allowed_teams)))
        unlinked = (
            sa.select(r.c.id)
            .where(r.c.agent_id.is_(None), sa.or_(r.c.dialect.is_(None), r.c.dialect.not_in(SOURCE_LINKED_DIALECTS)))
            .limit(1)
        )
        with self.engine.connect() as conn:
            has_recordings = conn.execute(visible).first() is not None
            stored = has_recordings or conn.execute(sa.select(r.c.id).limit(1)).first() is not None
            synced = conn.execute(sa.select(sync_runs.c.id).limit(1)).first() is not None
            any_unlinked = conn.execute(unlinked).first() is not None
            known = int(conn.execute(sa.select(sa.func.count()).select_from(agents)).scalar_one())
        return FirstRun(
            connection_configured=configured,
            synced=synced or stored,
            has_recordings=has_recordings,
            stored=stored,
            unlinked=any_unlinked,
            agents_known=known,
            may_configure=principal.can(Permission.SETTINGS_WRITE),
            may_sync=principal.can(Permission.SYNC_RUN),
            may_manage_directory=principal.can(Permission.DIRECTORY_MANAGE),
        )
