"""The Directory tab's controller: the agent list, a CSV import previewed before it is applied, and the
site's dial plan, all through the directory use cases (administrators only, audited), off the GUI
thread."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from qms_desktop.app.directory import DialPlanChange, DirectoryImport, DirectoryUseCases
from qms_desktop.domain.directory import Agent, DialPlan
from qms_desktop.ui.context import UiContext
from qms_desktop.ui.ops import ReadOp, WriteOp
from qms_desktop.ui.qt import QObject, Signal
from qms_desktop.ui.tabs.directory import tab as view_module
from qms_desktop.ui.tabs.directory.tab import DirectoryTab

log = logging.getLogger("qms.ui")


class DirectoryController(QObject):
    listed = Signal(object)  # list[Agent]
    previewed = Signal(object)  # DirectoryImport
    imported = Signal(object)  # DirectoryImport
    dial_plan_loaded = Signal(object)  # DialPlan
    dial_plan_saved = Signal(object)  # DialPlanChange
    failed = Signal(str)

    def __init__(self, ctx: UiContext, view: DirectoryTab) -> None:
        super().__init__(view)
        self.ctx = ctx
        self.view = view
        self._pending: tuple[str, str] | None = None  # (file name, text) being previewed
        view.shown.connect(self.refresh)
        view.import_requested.connect(self.choose_and_preview)
        view.apply_requested.connect(self.apply)
        view.cancel_requested.connect(self.cancel)
        view.dial_plan_save_requested.connect(self.save_dial_plan)
        self.listed.connect(view.show_agents)
        self.dial_plan_loaded.connect(view.show_dial_plan)
        self.failed.connect(lambda text: view.show_message(text, error=True))

    @property
    def directory(self) -> DirectoryUseCases:
        return DirectoryUseCases(self.ctx.engine, self.ctx.principal)

    def start(self) -> None:
        self.refresh()

    def refresh(self) -> asyncio.Task[list[Agent] | None]:
        self.load_dial_plan()
        return (
            ReadOp(self.ctx, "directory.list", self.directory.agents, owner=self.view)
            .success(self.listed.emit)
            .failure(lambda exc: self.failed.emit(str(exc)))
            .run()
        )

    def load_dial_plan(self) -> asyncio.Task[DialPlan | None]:
        return (
            ReadOp(self.ctx, "directory.dial-plan", self.directory.dial_plan, owner=self.view)
            .success(self.dial_plan_loaded.emit)
            .failure(lambda exc: self.failed.emit(str(exc)))
            .run()
        )

    def save_dial_plan(self, values: dict[str, object]) -> asyncio.Task[DialPlanChange | None]:
        self.view.set_busy(True)

        def done(change: DialPlanChange) -> None:
            self.view.set_busy(False)
            self.view.show_dial_plan(change.plan)
            self.view.show_message(
                self.tr("Dial plan saved; {relinked} recordings linked anew. The next sync uses it.").format(
                    relinked=change.relinked
                ),
                error=False,
            )
            self.dial_plan_saved.emit(change)

        def failed(exc: Exception) -> None:
            self.view.set_busy(False)
            self.failed.emit(self.tr("The dial plan was not saved: {reason}").format(reason=exc))

        return (
            WriteOp(self.ctx, "directory.dial-plan", self.directory.set_dial_plan, values, owner=self.view)
            .success(done)
            .failure(failed)
            .run()
        )

    def choose_and_preview(self) -> None:
        self.ctx.tasks.start("directory.choose-file", self._choose_and_preview())

    async def _choose_and_preview(self) -> None:
        path = await view_module.choose_csv(self.view)
        if path:
            await self.preview(path)

    def preview(self, path: str) -> asyncio.Task[tuple[str, DirectoryImport] | None]:
        directory = self.directory
        self.view.set_busy(True)

        def read_and_preview() -> tuple[str, DirectoryImport]:
            text = Path(path).read_text(encoding="utf-8-sig")
            return text, directory.preview_csv(text)

        def shown(outcome: tuple[str, DirectoryImport]) -> None:
            self.view.set_busy(False)
            text, preview = outcome
            self._pending = (path, text)
            self.view.show_preview(Path(path).name, preview)
            self.previewed.emit(preview)

        def failed(exc: Exception) -> None:
            self.view.set_busy(False)
            self._pending = None
            self.view.hide_preview()
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            self.failed.emit(self.tr("{file} cannot be imported: {reason}").format(file=Path(path).name, reason=reason))

        # The preview runs the import and rolls it back: it needs the writer, like the import.
        return (
            WriteOp(self.ctx, "directory.preview", read_and_preview, owner=self.view)
            .success(shown)
            .failure(failed)
            .run()
        )

    def apply(self) -> asyncio.Task[object] | None:
        if self._pending is None:
            return None
        path, text = self._pending
        self.view.set_busy(True)

        def done(result: DirectoryImport) -> None:
            self.view.set_busy(False)
            self._pending = None
            self.view.hide_preview()
            r = result.result
            self.view.show_message(
                self.tr("{created} agents added, {updated} changed; {relinked} recordings linked anew.").format(
                    created=r.created, updated=r.updated, relinked=result.relinked
                ),
                error=False,
            )
            self.imported.emit(result)
            self.refresh()

        def failed(exc: Exception) -> None:
            self.view.set_busy(False)
            self.failed.emit(str(exc))

        return WriteOp(self.ctx, "directory.import", self.directory.import_csv, text, Path(path).name,
                       owner=self.view).success(done).failure(failed).run()  # fmt: skip

    def cancel(self) -> None:
        self._pending = None
        self.view.hide_preview()
