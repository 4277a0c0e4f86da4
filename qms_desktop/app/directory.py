"""The agents directory: who answers on which extension, in which team. Administrators only.

A change re-links stored recordings (agent, team, direction, ANI, DNIS) in the same transaction,
with their full-text documents and the OpenSearch backlog kept in step.
"""

from __future__ import annotations

from dataclasses import dataclass

from qms_desktop.app.access import UseCase
from qms_desktop.domain.directory import Agent, ImportResult
from qms_desktop.security import audit
from qms_desktop.security.roles import Permission
from qms_desktop.store.directory import import_agents_csv, list_agents, relink_recordings
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
