"""The agents directory: who answers on which extension, in which team, and the site's dial plan
(which numbers are internal, which track is the agent's phone and which the caller's). Changes are
for administrators; the dial plan can be read with the settings.

A change re-links stored recordings (agent, team, direction, ANI, DNIS) in the same transaction,
with their full-text documents and the OpenSearch backlog kept in step. The sync reads the saved
dial plan at the start of every run.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from qms_desktop.app.access import UseCase
from qms_desktop.domain.directory import Agent, CallPreview, DialPlan, ImportResult
from qms_desktop.security import audit
from qms_desktop.security.roles import Permission
from qms_desktop.store.directory import (
    DIAL_PLAN_SECTION,
    RelinkProgress,
    import_agents_csv,
    list_agents,
    list_teams,
    load_dial_plan,
    relink_recordings,
    sample_calls,
    save_dial_plan,
    update_agent,
)
from qms_desktop.store.engine import begin_write


@dataclass(frozen=True, slots=True)
class DirectoryImport:
    result: ImportResult
    relinked: int  # recordings whose agent, team or call direction changed

    def to_dict(self) -> dict[str, object]:
        return {**self.result.to_dict(), "relinked_recordings": self.relinked}


class DirectoryUseCases(UseCase):
    def agents(self) -> list[Agent]:
        self.require(Permission.DIRECTORY_MANAGE)
        with self.engine.connect() as conn:
            return list_agents(conn)

    def teams(self) -> dict[str, str | None]:
        """Team code -> name, by code."""
        self.require(Permission.DIRECTORY_MANAGE)
        with self.engine.connect() as conn:
            return list_teams(conn)

    def edit_agent(self, agent: Agent, progress: RelinkProgress | None = None) -> AgentEdit:
        """Change one agent's name, extension and team (empty values become none; a new team is
        created) and re-link stored recordings in the same transaction. Raises LookupError for an
        unknown agent, AgentEditError (a ValueError) for an extension another agent holds or cannot be."""
        self.require(Permission.DIRECTORY_MANAGE, f"agent:{agent.agent_id}")
        agent = Agent(
            agent.agent_id.strip(), *(value.strip() or None if value else None for value in
                                      (agent.name, agent.extension, agent.team_code))
        )  # fmt: skip
        with begin_write(self.engine) as conn:
            before = next((a for a in list_agents(conn) if a.agent_id == agent.agent_id), None)
            changed = update_agent(conn, agent)
            relinked = relink_recordings(conn, progress=progress) if changed else 0
            if changed and before is not None:
                self.audit_in(
                    conn, audit.DIRECTORY_AGENT, f"agent:{agent.agent_id}", before=_agent_dict(before),
                    after=_agent_dict(agent), relinked=relinked,
                )  # fmt: skip
        return AgentEdit(agent, changed, relinked)

    def relink(self, progress: RelinkProgress | None = None) -> int:
        """Link every stored recording anew with the directory and the saved dial plan (agent, team,
        direction, ANI, DNIS); returns how many changed. `progress` may raise to stop: then nothing
        is changed."""
        self.require(Permission.DIRECTORY_MANAGE, "directory")
        with begin_write(self.engine) as conn:
            relinked = relink_recordings(conn, load_dial_plan(conn), progress)
            self.audit_in(conn, audit.DIRECTORY_RELINK, "directory", relinked=relinked)
        return relinked

    def preview_dial_plan(self, values: DialPlan | dict[str, Any], limit: int = 20) -> list[CallPreview]:
        """How a dial plan (values not given keep their saved value) would classify the last `limit`
        stored calls, before it is saved. Raises DialPlanError for values that cannot be used."""
        self.require(Permission.DIRECTORY_MANAGE, DIAL_PLAN_SECTION)
        with self.engine.connect() as conn:
            saved = load_dial_plan(conn)
            plan = values if isinstance(values, DialPlan) else DialPlan.from_dict({**saved.to_dict(), **values})
            return sample_calls(conn, plan, limit)

    def preview_csv(self, text: str, progress: RelinkProgress | None = None) -> DirectoryImport:
        """What `import_csv` would do with this text (created, updated, refused rows, recordings
        re-linked), without changing anything: the import runs and is rolled back."""
        self.require(Permission.DIRECTORY_MANAGE, "directory")
        with self.engine.connect() as conn:
            if conn.dialect.name == "sqlite":
                conn = conn.execution_options(sqlite_begin="IMMEDIATE")
            transaction = conn.begin()
            try:
                result = import_agents_csv(conn, text)
                relinked = relink_recordings(conn, progress=progress)
            finally:
                transaction.rollback()
        return DirectoryImport(result, relinked)

    def import_csv(
        self, text: str, source: str | None = None, progress: RelinkProgress | None = None
    ) -> DirectoryImport:
        """Upsert agents from CSV text (header agent_id,name,extension,team); bad rows are reported by
        line and skipped. Raises ValueError when the header is wrong (nothing is changed then)."""
        self.require(Permission.DIRECTORY_MANAGE, "directory")
        with begin_write(self.engine) as conn:
            result = import_agents_csv(conn, text)
            relinked = relink_recordings(conn, progress=progress)
            self.audit_in(
                conn, audit.DIRECTORY_IMPORT, source or "directory", created=result.created, updated=result.updated,
                errors=len(result.errors), relinked=relinked,
            )  # fmt: skip
        return DirectoryImport(result, relinked)

    def dial_plan(self) -> DialPlan:
        """The site's saved dial plan (the default until an administrator saves one)."""
        self.require(Permission.SETTINGS_READ, DIAL_PLAN_SECTION)
        with self.engine.connect() as conn:
            return load_dial_plan(conn)

    def set_dial_plan(
        self, values: DialPlan | dict[str, Any], progress: RelinkProgress | None = None
    ) -> DialPlanChange:
        """Save the site's dial plan (values not given keep their saved value) and re-infer direction,
        ANI and DNIS of stored recordings with it, in one transaction; the next sync uses it too.
        Raises DialPlanError, saying what to give instead, for values that cannot be used."""
        self.require(Permission.DIRECTORY_MANAGE, DIAL_PLAN_SECTION)
        with begin_write(self.engine) as conn:
            before = load_dial_plan(conn)
            plan = values if isinstance(values, DialPlan) else DialPlan.from_dict({**before.to_dict(), **values})
            save_dial_plan(conn, plan, self.actor)
            relinked = relink_recordings(conn, plan, progress)
            self.audit_in(
                conn, audit.DIRECTORY_DIAL_PLAN, DIAL_PLAN_SECTION, before=before.to_dict(), after=plan.to_dict(),
                relinked=relinked,
            )  # fmt: skip
        return DialPlanChange(plan, relinked)


@dataclass(frozen=True, slots=True)
class DialPlanChange:
    plan: DialPlan
    relinked: int  # stored recordings whose agent, direction, ANI or DNIS changed

    def to_dict(self) -> dict[str, object]:
        return {**self.plan.to_dict(), "relinked_recordings": self.relinked}


@dataclass(frozen=True, slots=True)
class AgentEdit:
    agent: Agent
    changed: bool
    relinked: int  # stored recordings whose agent, name or team changed


def _agent_dict(agent: Agent) -> dict[str, str | None]:
    return {"name": agent.name, "extension": agent.extension, "team": agent.team_code}
