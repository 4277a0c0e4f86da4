"""The Sync tab's controller: the view's intents become sync use cases, run as ops off the GUI thread;
the view gets finished dashboards."""

from __future__ import annotations

import asyncio
import logging

from qms_desktop.app.sync import SyncUseCases
from qms_desktop.app.sync_dashboard import QUARANTINE_PAGE, SyncDashboard
from qms_desktop.store.quarantine import QuarantineEntry
from qms_desktop.sync.engine import SyncProgress, SyncResult
from qms_desktop.ui.context import UiContext
from qms_desktop.ui.ops import ReadOp
from qms_desktop.ui.qt import QCoreApplication, QMessageBox, QObject, Qt, QWidget, Signal
from qms_desktop.ui.services.background_sync import BackgroundSync
from qms_desktop.ui.tabs.sync.tab import SyncTab

log = logging.getLogger("qms.ui")

REFRESH_TASK = "sync-tab-refresh"


async def confirm_reset(parent: QWidget) -> bool:
    """Ask before forgetting the checkpoint (tests replace this function).

    Window-modal `open()` awaited through a future: no nested event loop under qasync.
    """
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("SyncTab", "Reset the sync?"))
    box.setText(QCoreApplication.translate("SyncTab", "Reset the sync state?"))
    box.setInformativeText(
        QCoreApplication.translate(
            "SyncTab",
            "Reset forgets the sync checkpoint and the backfill progress. The next sync starts over: it reads "
            "today's calls again and backfills the configured number of past days.\n\n"
            "Recordings already stored, the run history and the quarantine are kept.",
        )
    )
    box.setStandardButtons(QMessageBox.StandardButton.Reset | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    answered: asyncio.Future[bool] = asyncio.get_running_loop().create_future()

    def finished(_code: int) -> None:
        if not answered.done():
            answered.set_result(box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Reset)

    box.finished.connect(finished)
    box.open()
    try:
        return await answered
    finally:
        box.deleteLater()


class SyncController(QObject):
    refreshed = Signal(object)  # the SyncSnapshot just shown (tests and other views wait on it)
    reset_done = Signal(bool)

    def __init__(self, ctx: UiContext, service: BackgroundSync, view: SyncTab) -> None:
        super().__init__(view)
        self._ctx = ctx
        self._service = service
        self._view = view
        self.last_snapshot: SyncDashboard | None = None

        view.sync_requested.connect(service.sync_now)
        view.reset_requested.connect(self.request_reset)
        view.scheduler_toggled.connect(lambda on: service.set_scheduler(on, view.interval_spin.value() * 60.0))
        view.interval_changed.connect(lambda seconds: service.set_scheduler(service.scheduler_enabled, seconds))
        view.refresh_requested.connect(self.refresh)
        view.more_quarantine_wanted.connect(self._more_quarantine)

        signals = ctx.signals
        signals.sync_progress.connect(self._on_progress)
        signals.sync_finished.connect(self._on_finished)
        service.running_changed.connect(view.show_running)
        service.already_running.connect(view.show_message)
        service.scheduler_changed.connect(view.set_scheduler_state)
        service.state_reset.connect(self.refresh)
        service.failed.connect(view.show_message)

        view.show_running(service.running)
        view.set_scheduler_state(service.scheduler_enabled, service.interval_s)

    # ---- intents --------------------------------------------------------------------------------

    def start(self) -> None:
        self.refresh()
        self._service.load_interval()

    @property
    def _sync(self) -> SyncUseCases:
        return SyncUseCases(self._ctx.engine, self._ctx.principal)

    def refresh(self) -> asyncio.Task[SyncDashboard | None] | None:
        """Reload from the database; a newer request replaces one still in flight."""
        try:
            asyncio.get_running_loop()
        except RuntimeError:  # the loop has stopped (shutdown): nothing to show any more
            return None
        return (
            ReadOp(self._ctx, REFRESH_TASK, self._sync.dashboard, owner=self._view)
            .success(self._show)
            .failure(self._failed)
            .run()
        )

    def request_reset(self) -> None:
        if self._service.running:
            self._view.show_message(self.tr("A sync is running: reset it after the run ends."))
            return
        self._ctx.tasks.start("sync-tab-reset", self._confirm_and_reset())

    # ---- async work -----------------------------------------------------------------------------

    def _failed(self, exc: Exception) -> None:
        log.warning("The sync dashboard could not be read: %s", exc)
        self._view.show_message(self.tr("The sync status could not be read: %1").replace("%1", str(exc)))

    def _show(self, snapshot: SyncDashboard) -> None:
        self.last_snapshot = snapshot
        self._view.show_snapshot(snapshot)
        if not self._service.scheduler_enabled and snapshot.interval_s != self._service.interval_s:
            self._view.set_scheduler_state(False, snapshot.interval_s)
        self.refreshed.emit(snapshot)

    async def _confirm_and_reset(self) -> None:
        if not await confirm_reset(self._view):
            self.reset_done.emit(False)
            return
        done = await self._service.reset()
        if done:
            self._view.show_message(self.tr("Sync state reset: the next sync starts over with a backfill."))
        self.reset_done.emit(done)

    def _more_quarantine(self, before_id: int) -> None:
        ReadOp(self._ctx, "sync-tab-quarantine-page", self._quarantine_page, before_id, owner=self._view).success(
            self._view.add_quarantine_page
        ).failure(self._failed).run()

    def _quarantine_page(self, before_id: int) -> list[QuarantineEntry]:
        return self._sync.quarantine(limit=QUARANTINE_PAGE, before_id=before_id)

    # ---- signals from the service ---------------------------------------------------------------

    def _on_progress(self, progress: SyncProgress) -> None:
        self._view.show_progress(progress)

    def _on_finished(self, result: SyncResult) -> None:
        self._view.show_result(result)
        self.refresh()
