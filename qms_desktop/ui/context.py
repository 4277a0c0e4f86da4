"""What every tab gets: the database, the writer thread and reader pool, named tasks, the app-wide
signals, the signed-in principal.

Tabs never touch sockets, the keyring or the database on the GUI thread: their controllers run the
use cases of `qms_desktop.app` through the ops in `ui/ops.py`.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Engine

from qms_desktop.app.credentials import Credentials
from qms_desktop.app.sync import ConnectionOverride
from qms_desktop.integration_log import IntegrationLog
from qms_desktop.security.roles import Principal
from qms_desktop.store.writer import DbWriter
from qms_desktop.ui.qt import QObject, Signal

if TYPE_CHECKING:
    from qms_desktop.app.demo import Demo  # the simulator is imported only in demo mode

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
    open_tab = Signal(str)  # a tab asks the window to show another one, by its key ("connection", "sync", …)


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
        task.add_done_callback(lambda t: self._done(name, t))
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
class UiContext:
    """The app's shared state, owned by the shell; the tabs' controllers read it, never widgets."""

    engine: Engine
    writer: DbWriter
    integration_log: IntegrationLog
    signals: AppSignals
    tasks: TaskManager = field(default_factory=TaskManager)
    # Reads run here, beside the writer: SQLite in WAL mode lets them run while a sync writes.
    readers: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(max_workers=2, thread_name_prefix="qms-read")
    )
    # The MediaSense password: session memory, then the keyring, then the environment.
    credentials: Credentials = field(default_factory=Credentials)
    demo: Demo | None = None  # set in demo mode: the in-process simulator
    # The signed-in user; None before sign-in and after sign-out (then every use case refuses).
    principal: Principal | None = None
    # The shell's BackgroundSync (qms_desktop.ui.services.background_sync), made before the tabs.
    sync: Any = None
    # The signed-in user's playback proxy (qms_desktop.ui.playback.AppPlayback), made on the first Play.
    playback: Any = None

    @property
    def connection_override(self) -> ConnectionOverride | None:
        return self.demo.connection() if self.demo is not None else None

    async def db(self, fn: Callable[..., T], *args: Any) -> T:
        """Run blocking database work on the writer thread; the GUI thread only awaits it."""
        return await self.writer.run(fn, *args)

    async def read(self, fn: Callable[..., T], *args: Any) -> T:
        """Run a blocking read (database, keyring, files) on the reader pool."""
        return await asyncio.get_running_loop().run_in_executor(self.readers, functools.partial(fn, *args))
