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
from qms_desktop.domain.directory import Agent, DialPlan, ImportResult
from qms_desktop.security import audit
from qms_desktop.security.roles import Permission
from qms_desktop.store.directory import (
    DIAL_PLAN_SECTION,
    import_agents_csv,
    list_agents,
    load_dial_plan,
    relink_recordings,
    save_dial_plan,
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

    def preview_csv(self, text: str) -> DirectoryImport:
        """What `import_csv` would do with this text (created, updated, refused rows, recordings
        re-linked), without changing anything: the import runs and is rolled back."""
        self.require(Permission.DIRECTORY_MANAGE, "directory")
        with self.engine.connect() as conn:
            if conn.dialect.name == "sqlite":
                conn = conn.execution_options(sqlite_begin="IMMEDIATE")
            transaction = conn.begin()
            try:
                result = import_agents_csv(conn, text)
                relinked = relink_recordings(conn)
            finally:
                transaction.rollback()
        return DirectoryImport(result, relinked)

    def import_csv(self, text: str, source: str | None = None) -> DirectoryImport:
        """Upsert agents from CSV text (header agent_id,name,extension,team); bad rows are reported by
        line and skipped. Raises ValueError when the header is wrong (nothing is changed then)."""
        self.require(Permission.DIRECTORY_MANAGE, "directory")
        with begin_write(self.engine) as conn:
            result = import_agents_csv(conn, text)
            relinked = relink_recordings(conn)
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

    def set_dial_plan(self, values: DialPlan | dict[str, Any]) -> DialPlanChange:
        """Save the site's dial plan (values not given keep their saved value) and re-infer direction,
        ANI and DNIS of stored recordings with it, in one transaction; the next sync uses it too.
        Raises DialPlanError, saying what to give instead, for values that cannot be used."""
        self.require(Permission.DIRECTORY_MANAGE, DIAL_PLAN_SECTION)
        with begin_write(self.engine) as conn:
            before = load_dial_plan(conn)
            plan = values if isinstance(values, DialPlan) else DialPlan.from_dict({**before.to_dict(), **values})
            save_dial_plan(conn, plan, self.actor)
            relinked = relink_recordings(conn, plan)
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
