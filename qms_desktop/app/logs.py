"""The integration log for IT staff and administrators: read it (live or from its files), clear it,
choose the level it records. Supervisors never see it: it names servers, users and calls.

A process that records (the GUI, the service) reads its own `IntegrationLog`; a process that only
reads (the CLI) reads the files in the log folder.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from qms_desktop import paths
from qms_desktop.app.access import UseCase
from qms_desktop.integration_log import (
    IntegrationLog,
    LogEntry,
    LogPage,
    normalize_level,
    persist_level,
    query_files,
    read_persisted_level,
)
from qms_desktop.security import audit
from qms_desktop.security.roles import Permission, Principal


class LiveLog:
    """What a reader of the running log may do: follow it and page back. No clearing, no level."""

    def __init__(self, log: IntegrationLog) -> None:
        self._log = log

    @property
    def buffer_size(self) -> int:
        return self._log.buffer_size

    def subscribe(self, callback: Callable[[LogEntry], None]) -> Callable[[], None]:
        return self._log.subscribe(callback)

    def entries(self) -> list[LogEntry]:
        return self._log.entries()

    def query(self, level: str | None = None, cursor: str | None = None, limit: int = 100) -> LogPage:
        return self._log.query(level, cursor, limit)

    def last_seq(self) -> int:
        return int(self._log.status()["lastSeq"])


class LogUseCases(UseCase):
    def __init__(
        self,
        engine: Engine,
        principal: Principal | None,
        log: IntegrationLog | None = None,
        log_dir: Path | None = None,
    ) -> None:
        super().__init__(engine, principal)
        self._log = log
        self._dir = log_dir or (log.log_dir if log is not None else paths.log_dir())

    def live(self) -> LiveLog:
        """The running log to follow (audited once, when the viewer opens)."""
        self.require(Permission.LOGS_READ)
        if self._log is None:
            raise RuntimeError("this process records no integration log")
        self.audit(audit.LOGS_READ, None, live=True)
        return LiveLog(self._log)

    def query(
        self, level: str | None = None, search: str | None = None, limit: int = 100, cursor: str | None = None
    ) -> LogPage:
        """Entries newest first; ValueError for a bad level or cursor. The first page is audited."""
        self.require(Permission.LOGS_READ)
        if self._log is not None:
            page = self._log.query(level=level, cursor=cursor, limit=limit, search=search)
        else:
            page = query_files(self._dir, level, cursor, limit, search)
        if cursor is None:
            self.audit(audit.LOGS_READ, None, level=level, search=search)
        return page

    def level(self) -> str:
        self.require(Permission.LOGS_READ)
        if self._log is not None:
            return self._log.level
        return read_persisted_level(self._dir) or "INFO"

    def set_level(self, level: str) -> str:
        """Record from `level` on: now in this process, and in every process started later."""
        self.require(Permission.LOGS_MANAGE, "logs")
        name = normalize_level(level)
        persist_level(self._dir, name)
        if self._log is not None:
            self._log.set_level(name)
        self.audit(audit.LOGS_LEVEL, "logs", level=name)
        return name

    def clear(self) -> Path | None:
        """Archive the current file and start a new one; returns the archive (None: nothing to archive)."""
        self.require(Permission.LOGS_MANAGE, "logs")
        log = self._log or IntegrationLog(self._dir, buffer_size=0)  # unattached: records nothing here
        archived = log.clear()
        self.audit(audit.LOGS_CLEAR, "logs", archived=str(archived) if archived else None)
        return archived

    def status(self) -> dict[str, Any]:
        self.require(Permission.LOGS_READ)
        log = self._log or IntegrationLog(self._dir, level=read_persisted_level(self._dir) or "INFO")
        data = log.status()
        if self._log is None:  # this process records nothing itself: is there a log to read?
            data["configured"] = log.path.exists()
        data["logDir"] = str(self._dir)
        return data
