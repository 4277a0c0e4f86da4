"""GUI test fixtures: a qasync loop for every async test under tests/ui, an in-memory keyring, and a
UiContext over a fresh SQLite database in the per-test QMS_HOME (tests/conftest.py isolates it).

The garbage collector runs as it does for users (nothing here turns it off), so a Qt object that is
left to the collector and destroyed off the GUI thread shows up as a failing test."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from typing import Any

import keyring
import pytest
import qasync
import shiboken6
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication


def pytest_asyncio_loop_factories(config: pytest.Config, item: pytest.Item) -> dict[str, Callable[[], Any]]:
    """pytest-asyncio ≥ 1.4: async tests in this folder run on a qasync loop (a conftest-local hook)."""
    return {"qasync": lambda: qasync.QEventLoop(QApplication.instance() or QApplication([]))}


class MemoryKeyring(KeyringBackend):
    """Secure-looking, in-memory. Priority -1: being imported must not make keyring choose it."""

    priority = -1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.store.pop((service, username), None) is None:
            raise PasswordDeleteError("not found")


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> None:
    """Widgets a test leaves (pytest-qt closes them with deleteLater) are deleted now, on the GUI thread,
    and their Python wrappers collected here, not whenever a worker thread happens to trigger a collection."""
    if QApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


@pytest.fixture
def use_keyring() -> Iterator[Callable[[KeyringBackend], KeyringBackend]]:
    """Install a backend for one test; the previous one comes back afterwards."""
    previous = keyring.get_keyring()

    def install(backend: KeyringBackend) -> KeyringBackend:
        keyring.set_keyring(backend)
        return backend

    yield install
    keyring.set_keyring(previous)


@pytest.fixture
def memory_keyring(use_keyring: Callable[[KeyringBackend], KeyringBackend]) -> MemoryKeyring:
    backend = MemoryKeyring()
    use_keyring(backend)
    return backend


@pytest.fixture
def ui_ctx(qapp: QApplication, qms_home: Any) -> Iterator[Any]:
    """A UiContext on a fresh database under QMS_HOME; writer closed and engine disposed afterwards."""
    from qms_desktop.app import runtime
    from qms_desktop.integration_log import setup_integration_log, shutdown_integration_log
    from qms_desktop.security.roles import Principal, Role
    from qms_desktop.store.writer import DbWriter
    from qms_desktop.ui.context import AppSignals, UiContext

    engine = runtime.open_database()
    ctx = UiContext(engine=engine, writer=DbWriter(), integration_log=setup_integration_log(), signals=AppSignals())
    ctx.principal = Principal("admin", Role.ADMIN)  # signed in; fail-closed tests set None
    yield ctx
    pending = [t for t in ctx.tasks._tasks.values() if not t.done()]
    for task in pending:
        task.cancel()
    ctx.writer.close()
    ctx.readers.shutdown(wait=True)
    engine.dispose()
    shutdown_integration_log()
    # Delete the Qt object here, on the GUI thread, not whenever (and wherever) the GC gets to it.
    shiboken6.delete(ctx.signals)
