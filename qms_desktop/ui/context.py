"""What every tab gets: the database, the one writer thread, named tasks, the app-wide signals.

Tabs never touch sockets or the database on the GUI thread: they `await ctx.db(fn, ...)` (runs on the
single writer thread) and await the async core (MediaSense, sync) on the qasync loop.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import Engine

from qms_desktop.integration_log import IntegrationLog
from qms_desktop.security.roles import Principal
from qms_desktop.sync.engine import DbWriter
from qms_desktop.ui.qt import QObject, Signal

log = logging.getLogger("qms.ui")
T = TypeVar("T")


class AppSignals(QObject):
    """App-wide events; the core never sees these (it reports through callbacks)."""

    settings_changed = Signal()  # connection or sync settings were saved
    connection_state = Signal(str, str)  # state ("unknown" | "ok" | "failed" | "testing"), detail text
    sync_started = Signal(int)  # run id
    sync_progress = Signal(object)  # qms_desktop.sync.engine.SyncProgress (batched by the sender)
    sync_finished = Signal(object)  # qms_desktop.sync.engine.SyncResult
    language_changed = Signal(str)


class TaskManager:
    """Named, owned, cancellable tasks: starting a name that runs cancels the old one first."""

    def __init__(self) -> None:
        self._tasks: dict[str, asyncio.Task[Any]] = {}

    def start(self, name: str, coro: Coroutine[Any, Any, T]) -> asyncio.Task[T]:
        old = self._tasks.pop(name, None)
        if old is not None and not old.done():
            old.cancel()
        task = asyncio.get_running_loop().create_task(coro, name=name)
        self._tasks[name] = task
        task.add_done_callback(lambda t, n=name: self._done(n, t))
        return task

    def running(self, name: str) -> bool:
        task = self._tasks.get(name)
        return task is not None and not task.done()

    def cancel(self, name: str) -> None:
        task = self._tasks.get(name)
        if task is not None and not task.done():
            task.cancel()

    def _done(self, name: str, task: asyncio.Task[Any]) -> None:
        if self._tasks.get(name) is task:
            del self._tasks[name]
        if task.cancelled():
            log.debug("Task %s cancelled", name)
        elif task.exception() is not None:
            log.error("Task %s failed: %s", name, task.exception(), exc_info=task.exception())

    async def cancel_where(self, predicate: Callable[[str], bool]) -> None:
        """Cancel (and wait for) the running tasks whose name matches, e.g. the tabs' at sign-out."""
        tasks = [t for n, t in self._tasks.items() if predicate(n) and not t.done()]
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)

    async def cancel_all(self) -> None:
        tasks = [t for t in self._tasks.values() if not t.done()]
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
        self._tasks.clear()


@dataclass
class DemoEnvironment:
    """Set in demo mode: the in-process simulator and its credential."""

    simulator: Any  # qms_desktop.simulator.RunningSimulator
    password: str


@dataclass
class UiContext:
    engine: Engine
    writer: DbWriter
    integration_log: IntegrationLog
    signals: AppSignals
    tasks: TaskManager = field(default_factory=TaskManager)
    demo: DemoEnvironment | None = None
    # Filled by the shell: returns the password for the current settings, or None when unknown.
    password_provider: Callable[[], str | None] = lambda: None
    # qms_desktop.ui.services.sync_service.SyncService, created by the shell before the tabs.
    sync_service: Any = None
    # qms_desktop.ui.credentials.Credentials: session password and the settings it belongs to.
    credentials: Any = None
    # The signed-in user's role (a security.roles.Role value), for tabs limited to some roles; None: all tabs.
    role: str | None = None
    # qms_desktop.ui.tabs.recordings.playback.AppPlayback: the local playback proxy, made on first Play;
    # the shell stops it at shutdown.
    playback: Any = None
    # The signed-in user (set by the sign-in dialog or the demo); None before sign-in and after sign-out.
    principal: Principal | None = None

    async def db(self, fn: Callable[..., T], *args: Any) -> T:
        """Run blocking database work on the writer thread; the GUI thread only awaits it."""
        return await self.writer.run(fn, *args)
