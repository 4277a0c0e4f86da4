"""The Directory tab's controller: the agent list (edited in place), a CSV import previewed before it
is applied, the site's dial plan with how it classifies stored calls, and re-linking stored
recordings, all through the directory use cases (administrators only, audited), off the GUI thread.

A re-link (an import, an edit, a new dial plan, or on request) runs on the writer thread and tells a
`RelinkMailbox` how far it is; a GUI timer reads the mailbox. Stop makes the re-link's next batch
raise, so its transaction rolls back and nothing is changed."""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from qms_desktop.app.directory import AgentEdit, DialPlanChange, DirectoryImport, DirectoryUseCases
from qms_desktop.domain.directory import Agent, CallPreview, DialPlan
from qms_desktop.ui.context import UiContext
from qms_desktop.ui.ops import ReadOp, WriteOp
from qms_desktop.ui.qt import QObject, QTimer, Signal
from qms_desktop.ui.tabs.directory import tab as view_module
from qms_desktop.ui.tabs.directory.tab import DirectoryTab

log = logging.getLogger("qms.ui")
T = TypeVar("T")
PROGRESS_INTERVAL_MS = 150


class RelinkStopped(Exception):
    """The user stopped a re-link: its transaction rolled back, nothing changed."""


class RelinkMailbox:
    """Plain data between the writer thread (which calls it with each batch) and the GUI timer (which
    takes the latest). No Qt object: it is safe on any thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._latest: tuple[str, int, int] | None = None
        self._stop = threading.Event()

    def __call__(self, step: str, done: int, total: int) -> None:
        if self._stop.is_set():
            raise RelinkStopped("stopped")
        with self._lock:
            self._latest = (step, done, total)

    def take(self) -> tuple[str, int, int] | None:
        with self._lock:
            latest, self._latest = self._latest, None
            return latest

    def stop(self) -> None:
        self._stop.set()


class DirectoryController(QObject):
    listed = Signal(object)  # list[Agent]
    previewed = Signal(object)  # DirectoryImport
    imported = Signal(object)  # DirectoryImport
    edited = Signal(object)  # AgentEdit
    relinked = Signal(int)  # recordings changed by a requested re-link
    calls_previewed = Signal(object)  # list[CallPreview]
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
        view.dial_plan_preview_requested.connect(self.preview_dial_plan)
        view.relink_requested.connect(self.relink)
        view.stop_requested.connect(self.stop)
        view.model.edit_requested.connect(self.edit_agent)
        self.dial_plan_loaded.connect(view.show_dial_plan)
        self.failed.connect(lambda text: view.show_message(text, error=True))
        self._mailbox: RelinkMailbox | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(PROGRESS_INTERVAL_MS)
        self._timer.timeout.connect(self._show_progress)

    @property
    def directory(self) -> DirectoryUseCases:
        return DirectoryUseCases(self.ctx.engine, self.ctx.principal)

    def start(self) -> None:
        self.refresh()

    def refresh(self) -> asyncio.Task[tuple[list[Agent], dict[str, str | None]] | None]:
        self.load_dial_plan()
        directory = self.directory

        def listing() -> tuple[list[Agent], dict[str, str | None]]:
            return directory.agents(), directory.teams()

        def shown(found: tuple[list[Agent], dict[str, str | None]]) -> None:
            agents, teams = found
            self.view.show_agents(agents, len(teams))
            self.listed.emit(agents)

        return (
            ReadOp(self.ctx, "directory.list", listing, owner=self.view)
            .success(shown)
            .failure(lambda exc: self.failed.emit(str(exc)))
            .run()
        )

    def load_dial_plan(self) -> asyncio.Task[DialPlan | None]:
        def loaded(plan: DialPlan) -> None:
            self.dial_plan_loaded.emit(plan)
            self.preview_dial_plan(plan.to_dict())

        return (
            ReadOp(self.ctx, "directory.dial-plan", self.directory.dial_plan, owner=self.view)
            .success(loaded)
            .failure(lambda exc: self.failed.emit(str(exc)))
            .run()
        )

    def preview_dial_plan(self, values: dict[str, object]) -> asyncio.Task[list[CallPreview] | None]:
        """Classify the last stored calls with the plan in the form (nothing is saved)."""

        def shown(calls: list[CallPreview]) -> None:
            self.view.show_calls(calls)
            self.calls_previewed.emit(calls)

        def failed(exc: Exception) -> None:
            self.failed.emit(self.tr("The dial plan cannot be previewed: {reason}").format(reason=exc))

        return (
            ReadOp(self.ctx, "directory.dial-plan-preview", self.directory.preview_dial_plan, values, owner=self.view)
            .success(shown)
            .failure(failed)
            .run()
        )

    # ---- writes that re-link stored recordings, with progress --------------------------------------

    def _relinking(
        self,
        name: str,
        fn: Callable[..., T],
        *args: Any,
        done: Callable[[T], None],
        failed: Callable[[Exception], None],
    ) -> asyncio.Task[T | None]:
        """Run a directory write that re-links recordings on the writer thread, its progress shown."""
        mailbox = RelinkMailbox()
        self._mailbox = mailbox
        self.view.set_busy(True)
        self.view.show_progress("", 0, 0)
        self._timer.start()

        def finish() -> None:
            self._timer.stop()
            if self._mailbox is mailbox:
                self._mailbox = None
            self.view.set_busy(False)
            self.view.hide_progress()

        def succeeded(result: T) -> None:
            finish()
            done(result)

        def refused(exc: Exception) -> None:
            finish()
            if isinstance(exc, RelinkStopped):
                self.view.show_message(self.tr("Stopped: nothing was changed."), error=False)
                return
            failed(exc)

        return WriteOp(self.ctx, name, fn, *args, mailbox, owner=self.view).success(succeeded).failure(refused).run()

    def _show_progress(self) -> None:
        latest = self._mailbox.take() if self._mailbox is not None else None
        if latest is not None:
            self.view.show_progress(*latest)

    def stop(self) -> None:
        if self._mailbox is not None:
            self._mailbox.stop()

    def relink(self) -> asyncio.Task[int | None]:
        """Link every stored recording anew with the directory and the saved dial plan."""

        def done(changed: int) -> None:
            self.view.show_message(self.tr("{n} recordings linked anew.").format(n=changed), error=False)
            self.relinked.emit(changed)
            self.preview_dial_plan(self.view.dial_plan_values())

        def failed(exc: Exception) -> None:
            self.failed.emit(self.tr("The recordings were not linked anew: {reason}").format(reason=exc))

        return self._relinking("directory.relink", self.directory.relink, done=done, failed=failed)

    def edit_agent(self, agent: Agent) -> asyncio.Task[AgentEdit | None]:
        """Store an edit made in the table; if it cannot be stored, say why and list the agents again."""

        def done(change: AgentEdit) -> None:
            if change.changed:
                self.view.show_message(
                    self.tr("Agent {agent} saved; {relinked} recordings linked anew.").format(
                        agent=change.agent.agent_id, relinked=change.relinked
                    ),
                    error=False,
                )
            self.edited.emit(change)
            self.refresh()

        def failed(exc: Exception) -> None:
            self.failed.emit(self.tr("Agent {agent} was not saved: {reason}").format(agent=agent.agent_id, reason=exc))
            self.refresh()

        return self._relinking("directory.edit", self.directory.edit_agent, agent, done=done, failed=failed)

    def save_dial_plan(self, values: dict[str, object]) -> asyncio.Task[DialPlanChange | None]:
        def done(change: DialPlanChange) -> None:
            self.view.show_dial_plan(change.plan)
            self.view.show_message(
                self.tr("Dial plan saved; {relinked} recordings linked anew. The next sync uses it.").format(
                    relinked=change.relinked
                ),
                error=False,
            )
            self.dial_plan_saved.emit(change)
            self.preview_dial_plan(change.plan.to_dict())

        def failed(exc: Exception) -> None:
            self.failed.emit(self.tr("The dial plan was not saved: {reason}").format(reason=exc))

        return self._relinking("directory.dial-plan", self.directory.set_dial_plan, values, done=done, failed=failed)

    def choose_and_preview(self) -> None:
        self.ctx.tasks.start("directory.choose-file", self._choose_and_preview())

    async def _choose_and_preview(self) -> None:
        path = await view_module.choose_csv(self.view)
        if path:
            await self.preview(path)

    def preview(self, path: str) -> asyncio.Task[tuple[str, DirectoryImport] | None]:
        directory = self.directory

        def read_and_preview(progress: RelinkMailbox) -> tuple[str, DirectoryImport]:
            text = Path(path).read_text(encoding="utf-8-sig")
            return text, directory.preview_csv(text, progress)

        def shown(outcome: tuple[str, DirectoryImport]) -> None:
            text, preview = outcome
            self._pending = (path, text)
            self.view.show_preview(Path(path).name, preview)
            self.previewed.emit(preview)

        def failed(exc: Exception) -> None:
            self._pending = None
            self.view.hide_preview()
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            self.failed.emit(self.tr("{file} cannot be imported: {reason}").format(file=Path(path).name, reason=reason))

        # The preview runs the import and its re-link and rolls them back: it needs the writer, like the import.
        return self._relinking("directory.preview", read_and_preview, done=shown, failed=failed)

    def apply(self) -> asyncio.Task[object] | None:
        if self._pending is None:
            return None
        path, text = self._pending

        def done(result: DirectoryImport) -> None:
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
            self.failed.emit(str(exc))

        return self._relinking(
            "directory.import", self.directory.import_csv, text, Path(path).name, done=done, failed=failed
        )

    def cancel(self) -> None:
        self._pending = None
        self.view.hide_preview()
