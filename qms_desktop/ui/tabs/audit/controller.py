"""The Audit tab's async side: load pages and export CSV through `ctx.db`, never on the GUI thread."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from qms_desktop.security.errors import SecurityError
from qms_desktop.ui.context import UiContext
from qms_desktop.ui.qt import QObject, Signal
from qms_desktop.ui.tabs.audit.models import PAGE_SIZE, AuditFilter, AuditTableModel, export_rows, load_page

log = logging.getLogger("qms.ui")

TASK_REFRESH = "audit.refresh"
TASK_MORE = "audit.more"
TASK_EXPORT = "audit.export"


class AuditController(QObject):
    loaded = Signal(int, bool)  # rows shown, more available
    exported = Signal(str, int)  # path, rows written
    failed = Signal(str)

    def __init__(self, ctx: UiContext, model: AuditTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = model
        self.filter = AuditFilter()
        self.page_size = PAGE_SIZE
        self._generation = 0  # a refresh makes pages still in flight for the old filter stale
        model.more_wanted.connect(self.more)

    def set_filter(self, flt: AuditFilter) -> None:
        self.filter = flt
        self.refresh()

    def refresh(self) -> None:
        self._generation += 1
        self.ctx.tasks.cancel(TASK_MORE)
        self.ctx.tasks.start(TASK_REFRESH, self._load(self._generation, reset=True))

    def more(self) -> None:
        self.ctx.tasks.start(TASK_MORE, self._load(self._generation, reset=False))

    def export(self, path: str) -> None:
        self.ctx.tasks.start(TASK_EXPORT, self._export(path, self.filter))

    async def _load(self, generation: int, *, reset: bool) -> None:
        ctx = self.ctx
        loaded = [] if reset else list(self.model.rows)
        try:
            page = await ctx.db(load_page, ctx.engine, ctx.principal, self.filter, loaded, self.page_size)
        except asyncio.CancelledError:
            self.model.fetch_failed()
            raise
        except SecurityError as exc:
            self.model.fetch_failed()
            self.failed.emit(str(exc))
            return
        if generation != self._generation:
            return  # the filter changed meanwhile: the newer refresh fills the model
        if reset:
            self.model.reset_rows(page.rows, page.has_more)
        else:
            self.model.append_rows(page.rows, page.has_more)
        self.loaded.emit(self.model.rowCount(), page.has_more)

    async def _export(self, path: str, flt: AuditFilter) -> None:
        ctx = self.ctx
        try:
            count = await ctx.db(export_rows, ctx.engine, ctx.principal, flt, Path(path))
        except (OSError, SecurityError) as exc:
            self.failed.emit(self.tr("Could not export the audit trail: {error}").format(error=exc))
            return
        log.info("Exported %d audit row(s) to %s", count, path)
        self.exported.emit(path, count)
