"""The Audit tab's controller: filters and pages become audit use cases, run off the GUI thread."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from qms_desktop.app.audit import PAGE_SIZE, AuditPage, AuditUseCases
from qms_desktop.security.audit_chain import ChainReport
from qms_desktop.ui.context import UiContext
from qms_desktop.ui.ops import WriteOp
from qms_desktop.ui.qt import QObject, Signal
from qms_desktop.ui.tabs.audit.models import AuditFilter
from qms_desktop.ui.tabs.audit.tab import AuditTab, choose_export_path

log = logging.getLogger("qms.ui")

TASK_REFRESH = "audit.refresh"
TASK_MORE = "audit.more"
TASK_EXPORT = "audit.export"
TASK_VERIFY = "audit.verify"


class AuditController(QObject):
    loaded = Signal(int, bool)  # rows shown, more available
    exported = Signal(str, int)  # path, rows written
    verified = Signal(object)  # ChainReport
    failed = Signal(str)

    def __init__(self, ctx: UiContext, view: AuditTab) -> None:
        super().__init__(view)
        self.ctx = ctx
        self.view = view
        self.model = view.model
        self.filter = AuditFilter()
        self.page_size = PAGE_SIZE
        self._generation = 0  # a refresh makes pages still in flight for the old filter stale
        self.model.more_wanted.connect(self.more)
        view.filter_changed.connect(self.set_filter)
        view.refresh_requested.connect(self.refresh)
        view.export_requested.connect(self.choose_and_export)
        view.verify_requested.connect(self.verify)
        view.shown.connect(lambda: self.set_filter(view.current_filter()))
        self.loaded.connect(view.show_loaded)
        self.exported.connect(view.show_exported)
        self.verified.connect(view.show_verified)
        self.failed.connect(view.show_error)

    @property
    def _audit(self) -> AuditUseCases:
        return AuditUseCases(self.ctx.engine, self.ctx.principal)

    def start(self) -> None:
        self.set_filter(self.view.current_filter())

    def set_filter(self, flt: AuditFilter) -> None:
        self.filter = flt
        self.refresh()

    def refresh(self) -> asyncio.Task[AuditPage | None]:
        self._generation += 1
        self.ctx.tasks.cancel(TASK_MORE)
        return self._load(TASK_REFRESH, reset=True)

    def more(self) -> asyncio.Task[AuditPage | None]:
        return self._load(TASK_MORE, reset=False)

    def _load(self, name: str, *, reset: bool) -> asyncio.Task[AuditPage | None]:
        generation = self._generation
        loaded = [] if reset else list(self.model.rows)

        def shown(page: AuditPage) -> None:
            if generation != self._generation:
                return  # the filter changed meanwhile: the newer refresh fills the model
            if reset:
                self.model.reset_rows(page.rows, page.has_more)
            else:
                self.model.append_rows(page.rows, page.has_more)
            self.loaded.emit(self.model.rowCount(), page.has_more)

        def failed(exc: Exception) -> None:
            self.model.fetch_failed()
            self.failed.emit(str(exc))

        # A write: the first page of a listing writes its audit row.
        op = WriteOp(self.ctx, name, self._audit.page, loaded, self.page_size, owner=self.view, **self.filter.kwargs())
        return op.success(shown).failure(failed).run()

    def choose_and_export(self, suggested: str) -> None:
        self.ctx.tasks.start("audit.choose-file", self._choose_and_export(suggested))

    async def _choose_and_export(self, suggested: str) -> None:
        path = await choose_export_path(self.view, suggested)
        if path:
            self.export(path)

    def export(self, path: str) -> asyncio.Task[int | None]:
        audit = self._audit
        flt = self.filter.kwargs()

        def done(count: int) -> None:
            log.info("Exported %d audit row(s) to %s", count, path)
            self.exported.emit(path, count)

        def failed(exc: Exception) -> None:
            self.failed.emit(self.tr("Could not export the audit trail: {error}").format(error=exc))

        return (
            WriteOp(self.ctx, TASK_EXPORT, lambda: audit.export_csv(Path(path), **flt), owner=self.view)
            .success(done)
            .failure(failed)
            .run()
        )

    def verify(self) -> asyncio.Task[ChainReport | None]:
        """Walk the whole hash chain off the GUI thread (a write: the check is audited)."""
        self.view.show_verifying()

        def done(report: ChainReport) -> None:
            if not report.intact:
                log.error("The audit trail was tampered with at row %s: %s", report.broken_seq, report.problem)
            self.verified.emit(report)

        def failed(exc: Exception) -> None:
            text = self.tr("Could not verify the audit trail: {error}").format(error=exc)
            self.view.show_verify_failed(text)
            self.failed.emit(text)

        return WriteOp(self.ctx, TASK_VERIFY, self._audit.verify, owner=self.view).success(done).failure(failed).run()
