"""The shell: start-up and idempotent shutdown, demo mode, language switching, the exception hook."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QEvent, qInfo
from qasync import asyncSlot

from qms_desktop.ui import excepthook, i18n
from qms_desktop.ui.app import Shell
from qms_desktop.ui.main_window import MainWindow
from qms_desktop.ui.qt import QObject, Signal
from qms_desktop.ui.tabs import TabSpec, create_tabs
from tests.ui.helpers import wait_signal, wait_until

pytestmark = pytest.mark.timeout(60)


@pytest.fixture
def translations(qapp: Any) -> Any:
    t = i18n.Translations()
    t.apply("en")
    yield t
    t.remove()


async def start_shell(qapp: Any, translations: Any, **options: Any) -> tuple[Shell, asyncio.Task[int]]:
    shell = Shell(qapp, translations, **options)
    ready = asyncio.ensure_future(wait_signal(shell.ready, 30))
    task = asyncio.ensure_future(shell.main())
    await ready
    return shell, task


@pytest.mark.asyncio
async def test_shell_starts_and_shuts_down_twice(qapp, translations, memory_keyring) -> None:
    shell, task = await start_shell(qapp, translations)
    window = shell.window
    assert window is not None and window.isVisible()
    assert shell.startup_error is None
    # First run: no tabs until the first administrator is created and signed in (tests/ui/test_login.py).
    assert window.tab_keys() == [] and shell.login_dialog is not None
    dialog = shell.login_dialog
    dialog.username_edit.setText("admin")
    dialog.password_edit.setText("a-long-password")
    dialog.confirm_edit.setText("a-long-password")
    signed_in = asyncio.ensure_future(wait_signal(shell.signed_in, 20))
    dialog.ok_button.click()
    await signed_in
    assert "connection" in window.tab_keys()
    assert "sqlite" in window.database_label.text() and "qms.sqlite3" in window.database_label.text()
    assert "never" in window.sync_label.text()
    assert shell.ctx is not None and shell.ctx.credentials.password() is None
    ctx = shell.ctx

    shell.request_quit()
    assert await asyncio.wait_for(task, 20) == 0
    await shell.shutdown()  # a second call (aboutToQuit can fire again) is harmless
    qapp.aboutToQuit.emit()
    await shell.shutdown()
    assert ctx.writer._executor._shutdown  # closed
    assert shell.window is None
    assert not shiboken6.isValid(window)  # deleted on the GUI thread, with everything it owns
    assert not shiboken6.isValid(ctx.signals)


@pytest.mark.asyncio
async def test_demo_mode_syncs_and_stays_up(qapp, translations, use_keyring, qms_home) -> None:
    import keyring

    use_keyring(keyring.get_keyring())  # demo mode replaces the backend: put it back afterwards
    shell, task = await start_shell(qapp, translations, demo=True)
    try:
        assert shell.startup_error is None, shell.startup_error
        window = shell.window
        assert window is not None and window.windowTitle().endswith("— demo")
        ctx = shell.ctx
        assert ctx is not None and ctx.demo is not None
        assert ctx.credentials.password() == ctx.demo.password  # via the in-memory demo keyring
        await wait_until(lambda: "succeeded" in window.sync_label.text(), timeout=30)
        assert ctx.sync.scheduler_enabled
        from qms_desktop.app.demo import DEMO_SYNC_INTERVAL_S
        from qms_desktop.app.sync import SyncUseCases

        assert ctx.sync.interval_s == DEMO_SYNC_INTERVAL_S  # the demo syncs every minute
        history = SyncUseCases(ctx.engine, ctx.principal).status(5)["history"]
        assert [run["trigger"] for run in history][-1] == "startup"  # not "manual": nobody asked for it
    finally:
        shell.request_quit()
        await asyncio.wait_for(task, 20)


def test_tab_that_fails_to_import_is_skipped(ui_ctx, caplog) -> None:
    specs = [
        TabSpec("broken", "qms_desktop.ui.tabs.does_not_exist", "Broken", ("admin",)),
        TabSpec("connection", "qms_desktop.ui.tabs.connection", "Connection", ("admin",)),
        TabSpec("agents-only", "qms_desktop.ui.tabs.connection", "Agents", ("agent",)),
    ]
    with caplog.at_level(logging.ERROR, logger="qms.ui"):
        tabs = create_tabs(ui_ctx, specs)
    assert [spec.key for spec, _ in tabs] == ["connection"]
    assert "broken" in caplog.text
    for _spec, widget in tabs:
        widget.deleteLater()


def test_language_switch_retranslates_live_and_is_remembered(qtbot, qapp, translations) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    from qms_desktop.ui.tabs.connection.tab import ConnectionTab

    tab = ConnectionTab()
    qtbot.addWidget(tab)
    assert window.file_menu.title() == "&File"
    assert tab.test_button.text() == "Test connection"

    translations.apply("uk")
    i18n.save_choice("uk")
    qapp.processEvents()  # Qt delivers LanguageChange to widgets as events
    assert window.file_menu.title() == "&Файл"
    assert tab.test_button.text() == "Перевірити з'єднання"
    assert tab.step_rows["Authentication"].name_label.text() == "Автентифікація"
    assert i18n.saved_choice() == "uk"

    translations.apply("en")
    qapp.processEvents()
    assert window.file_menu.title() == "&File"
    assert tab.test_button.text() == "Test connection"


def test_system_language_follows_the_locale(monkeypatch) -> None:
    from qms_desktop.ui.qt import QLocale

    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("uk_UA")))
    assert i18n.resolve(i18n.SYSTEM) == "uk"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("de_DE")))
    assert i18n.resolve(i18n.SYSTEM) == "en"


def test_window_geometry_is_remembered(qtbot, qms_home) -> None:
    first = MainWindow()
    qtbot.addWidget(first)
    first.resize(777, 555)
    first.save_geometry()
    second = MainWindow()
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (777, 555)
    ini = (qms_home / "config" / "ui.ini").read_text()
    assert "geometry" in ini and "password" not in ini.lower()


def test_about_names_the_versions(qtbot) -> None:
    import platform

    from qms_desktop.ui.qt import PYSIDE6_VERSION, qVersion

    window = MainWindow()
    qtbot.addWidget(window)
    text = window.about_text()
    assert qVersion() in text and PYSIDE6_VERSION in text and platform.python_version() in text


def test_exception_hook_logs_and_shows_a_dialog(monkeypatch, caplog) -> None:
    shown: list[tuple[str, str, str]] = []
    monkeypatch.setattr(excepthook, "show_error_dialog", lambda *args: shown.append(args))
    try:
        raise ValueError("disk on fire")
    except ValueError as exc:
        with caplog.at_level(logging.ERROR, logger="qms.ui"):
            excepthook.handle_exception(type(exc), exc, exc.__traceback__)
    assert len(shown) == 1
    _title, text, details = shown[0]
    assert "disk on fire" in text and "ValueError" in details
    assert any(r.name == "qms.ui" and r.exc_info for r in caplog.records)


class _Raiser(QObject):
    done = Signal()

    @asyncSlot()
    async def boom(self) -> None:
        await asyncio.sleep(0)  # not a wait: the slot suspends once, so it really runs as a task
        self.done.emit()
        raise RuntimeError("slot failed")


@pytest.mark.asyncio
async def test_async_slot_errors_reach_the_hook(monkeypatch) -> None:
    shown: list[Any] = []
    monkeypatch.setattr(excepthook, "show_error_dialog", lambda *args: shown.append(args))
    excepthook.install_excepthook()
    try:
        raiser = _Raiser()
        raiser.boom()
        await wait_until(lambda: bool(shown))
        assert "slot failed" in shown[0][1]
    finally:
        excepthook.uninstall_excepthook()


def test_qt_messages_go_to_logging(caplog) -> None:
    excepthook.qt_messages.install()
    try:
        with caplog.at_level(logging.INFO, logger="qms.ui.qt"):
            qInfo("hello from Qt")
    finally:
        excepthook.qt_messages.uninstall()
    assert any(r.name == "qms.ui.qt" and "hello from Qt" in r.getMessage() for r in caplog.records)


def test_window_retranslates_on_language_change_event(qtbot, translations) -> None:
    window = MainWindow(demo=True)
    qtbot.addWidget(window)
    window.setWindowTitle("stale")
    from qms_desktop.ui.qt import QCoreApplication

    QCoreApplication.sendEvent(window, QEvent(QEvent.Type.LanguageChange))
    assert window.windowTitle() == "QMS Desktop — demo"
