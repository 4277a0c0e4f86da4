"""The Directory tab's controller: the agent list and a CSV import previewed before it is applied,
both through the directory use cases (administrators only, audited), off the GUI thread."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from qms_desktop.app.directory import DirectoryImport, DirectoryUseCases
from qms_desktop.domain.directory import Agent
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
        self.listed.connect(view.show_agents)
        self.failed.connect(lambda text: view.show_message(text, error=True))

    @property
    def directory(self) -> DirectoryUseCases:
        return DirectoryUseCases(self.ctx.engine, self.ctx.principal)

    def start(self) -> None:
        self.refresh()

    def refresh(self) -> asyncio.Task[list[Agent] | None]:
        return (
            ReadOp(self.ctx, "directory.list", self.directory.agents, owner=self.view)
            .success(self.listed.emit)
            .failure(lambda exc: self.failed.emit(str(exc)))
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
