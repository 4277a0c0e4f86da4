"""The main window's keyboard: Ctrl+1…9 (the nth visible tab), Ctrl+F (the current tab's search field),
F1 (the Help window), and the Help menu; the demo's role switches offered only for another role."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt

from qms_desktop.security.roles import Principal, Role
from qms_desktop.ui import i18n
from qms_desktop.ui.help import TROUBLESHOOTING_ANCHOR
from qms_desktop.ui.main_window import MainWindow
from qms_desktop.ui.services.background_sync import BackgroundSync
from qms_desktop.ui.tabs import create_tabs
from tests.ui.helpers import wait_until
from tests.ui.test_screenshots import idle

pytestmark = pytest.mark.timeout(60)

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def translations(qapp: Any) -> Iterator[i18n.Translations]:
    t = i18n.Translations()
    t.apply("en")
    yield t
    t.apply("en")
    t.remove()


async def signed_in_window(qtbot: Any, ui_ctx: Any, principal: Principal) -> MainWindow:
    """A shown, active main window with the real tabs of the principal's role, their first loads done."""
    window = MainWindow()
    qtbot.addWidget(window)
    ui_ctx.signals.setParent(window)
    ui_ctx.principal = principal
    ui_ctx.sync = BackgroundSync(ui_ctx, window)
    window.set_context(ui_ctx, create_tabs(ui_ctx), "sqlite:///…/qms.sqlite3")
    window.set_principal(principal)
    window.show()
    window.activateWindow()
    await wait_until(window.isActiveWindow)
    await wait_until(lambda: idle(ui_ctx))
    return window


def press(
    qtbot: Any, window: MainWindow, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """A key pressed where the focus is (the window itself when nothing inside has it)."""
    target = window.focusWidget() or window
    qtbot.keyClick(target, key, modifier)


@pytest.mark.asyncio
async def test_ctrl_number_goes_to_the_nth_visible_tab(qtbot, ui_ctx, translations) -> None:
    window = await signed_in_window(qtbot, ui_ctx, Principal("admin", Role.ADMIN))
    keys = window.tab_keys()
    assert keys[:4] == ["recordings", "connection", "sync", "logs"] and len(keys) == 8
    for number in (3, 1, 8, 2):
        press(qtbot, window, getattr(Qt.Key, f"Key_{number}"), CTRL)
        assert window.tabs.currentIndex() == number - 1, number
    press(qtbot, window, Qt.Key.Key_9, CTRL)  # no ninth tab: nothing changes
    assert window.tabs.currentIndex() == 1

    window.tabs.setTabVisible(0, False)  # a hidden tab is not counted
    press(qtbot, window, Qt.Key.Key_1, CTRL)
    assert keys[window.tabs.currentIndex()] == "connection"
    press(qtbot, window, Qt.Key.Key_3, CTRL)
    assert keys[window.tabs.currentIndex()] == "logs"


@pytest.mark.asyncio
async def test_ctrl_number_for_a_supervisor_counts_only_their_tabs(qtbot, ui_ctx, translations) -> None:
    window = await signed_in_window(qtbot, ui_ctx, Principal("sup", Role.SUPERVISOR, frozenset({"T1"})))
    assert window.tab_keys() == ["recordings", "coverage"]
    press(qtbot, window, Qt.Key.Key_3, CTRL)
    assert window.tabs.currentIndex() == 0
    press(qtbot, window, Qt.Key.Key_2, CTRL)
    assert window.tabs.currentIndex() == 1


@pytest.mark.asyncio
async def test_ctrl_f_focuses_the_search_field_of_the_current_tab(qtbot, ui_ctx, translations) -> None:
    window = await signed_in_window(qtbot, ui_ctx, Principal("admin", Role.ADMIN))
    press(qtbot, window, Qt.Key.Key_1, CTRL)
    recordings = window.tab_widget("recordings")
    assert recordings is not None
    elsewhere = window.tabs.tabBar()  # the table may be hidden behind the empty-list next step
    elsewhere.setFocus()
    recordings.filters.text.setText("kovalenko")
    await wait_until(elsewhere.hasFocus)
    press(qtbot, window, Qt.Key.Key_F, CTRL)
    search = recordings.filters.text
    await wait_until(search.hasFocus)
    assert QCoreApplication.instance().focusWidget() is search
    assert search.selectedText() == "kovalenko"  # typing replaces the last search

    # The Logs tab's search field, by the same key: one shortcut, never two competing for it.
    press(qtbot, window, Qt.Key.Key_4, CTRL)
    logs = window.tab_widget("logs")
    assert logs is not None and window.tabs.currentWidget() is logs
    logs.view.setFocus()
    await wait_until(logs.view.hasFocus)
    press(qtbot, window, Qt.Key.Key_F, CTRL)
    await wait_until(logs.search.edit.hasFocus)

    # A tab without a search field: the focus stays where it was.
    press(qtbot, window, Qt.Key.Key_2, CTRL)
    before = QCoreApplication.instance().focusWidget()
    assert window.focus_search() is False
    assert QCoreApplication.instance().focusWidget() is before


@pytest.mark.asyncio
@pytest.mark.qt_log_ignore(r"^This plugin does not support raise\(\)$")  # offscreen: no window manager
async def test_f1_opens_the_help_window_with_shortcuts_and_troubleshooting(qtbot, ui_ctx, translations) -> None:
    window = await signed_in_window(qtbot, ui_ctx, Principal("admin", Role.ADMIN))
    assert window.help_dialog is None
    press(qtbot, window, Qt.Key.Key_F1)
    dialog = window.help_dialog
    assert dialog is not None and dialog.isVisible()
    text = dialog.plain_text()
    for expected in (
        "Keyboard shortcuts",
        "Ctrl+1 … Ctrl+9",
        "Go to the search field of the current tab",
        "F8 / Shift+F8",
        "Supervisor: find a call and play it",
        "Administrator: connection, users, directory",
        "IT staff: connection test, logs, sync",
        "Troubleshooting",
        "Sign-in to MediaSense fails",
        "The sync does not run",
        "A recording does not play",
        "The sync is slow",
    ):
        assert expected in text, expected
    assert text.index("Keyboard shortcuts") < text.index("Troubleshooting")

    # F1 again (or the menu) brings back the same window rather than a second one.
    dialog.close()
    window.guide_action.trigger()
    assert window.help_dialog is dialog and dialog.isVisible()
    window.shortcuts_action.trigger()
    assert window.help_dialog is dialog

    # Ukrainian: the guide file follows the language, live.
    translations.apply("uk")
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    assert dialog.language == "uk"
    text = dialog.plain_text()
    assert "Розв'язання проблем" in text and "Запис не відтворюється" in text
    assert "Супервізор: знайти дзвінок і прослухати його" in text
    assert "Troubleshooting" not in text.split("Розв'язання проблем")[1]
    dialog.show_section(TROUBLESHOOTING_ANCHOR)
    assert dialog.browser.verticalScrollBar().value() > 0


def test_help_menu(qtbot, translations) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    actions = [a for a in window.help_menu.actions() if not a.isSeparator()]
    assert [a.text() for a in actions] == ["&User guide", "&Keyboard shortcuts", "&About QMS Desktop"]
    assert window.guide_action.shortcut().toString() == "F1"


def test_demo_role_switches_offer_only_another_role(qtbot, translations) -> None:
    window = MainWindow(demo=True)
    qtbot.addWidget(window)
    window.set_principal(Principal("demo-admin", Role.ADMIN))
    assert not window.demo_admin_action.isVisible()
    assert window.demo_supervisor_action.isVisible()
    window.set_principal(Principal("another-admin", Role.ADMIN))
    assert not window.demo_admin_action.isVisible()

    window.set_principal(Principal("demo-supervisor", Role.SUPERVISOR, frozenset({"T1"})))
    assert window.demo_admin_action.isVisible()
    assert not window.demo_supervisor_action.isVisible()

    window.set_principal(Principal("it", Role.IT))
    assert window.demo_admin_action.isVisible() and window.demo_supervisor_action.isVisible()

    outside_demo = MainWindow()
    qtbot.addWidget(outside_demo)
    outside_demo.set_principal(Principal("it", Role.IT))
    assert not outside_demo.demo_admin_action.isVisible()
    assert not outside_demo.demo_supervisor_action.isVisible()
