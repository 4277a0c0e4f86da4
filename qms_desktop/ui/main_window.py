"""The main window: tabs from the registry, menus, and a status bar with connection, sync and database."""

from __future__ import annotations

import platform
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qms_desktop import __version__
from qms_desktop.ui import i18n
from qms_desktop.ui.formatting import role_name
from qms_desktop.ui.help import SHORTCUTS_ANCHOR, HelpDialog
from qms_desktop.ui.prefs import ui_settings
from qms_desktop.ui.qt import (
    PYSIDE6_VERSION,
    QAction,
    QActionGroup,
    QCloseEvent,
    QEvent,
    QIcon,
    QKeySequence,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    Qt,
    QTabWidget,
    QWidget,
    Signal,
    qVersion,
)
from qms_desktop.ui.widgets.elided_label import ElidedLabel

if TYPE_CHECKING:  # importing these pulls in SQLAlchemy: kept off the path to the first window
    from qms_desktop.security.roles import Principal
    from qms_desktop.ui.context import UiContext
    from qms_desktop.ui.tabs import TabSpec

GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
TAB_KEY = "window/tab"
TAB_SHORTCUTS = 9  # Ctrl+1 … Ctrl+9


def icon_path() -> Path:
    return Path(__file__).resolve().parent.parent / "resources" / "icons" / "qms-desktop.svg"


class MainWindow(QMainWindow):
    quit_requested = Signal()
    language_chosen = Signal(str)  # "system" | "en" | "uk"
    sign_out_requested = Signal()
    demo_user_requested = Signal(str)  # demo only: "admin" | "supervisor"

    def __init__(self, *, demo: bool = False, language_choice: str = i18n.SYSTEM) -> None:
        super().__init__()
        self.setObjectName("MainWindow")
        self._demo = demo
        self._specs: list[TabSpec] = []
        self._connection: tuple[str, str] = ("unknown", "")
        self._last_sync: dict[str, Any] | None = None
        self._database = ""
        self._loading_error: str | None = None
        self._principal: Principal | None = None
        self._signals_connected = False
        self.help_dialog: HelpDialog | None = None
        self.setWindowIcon(QIcon(str(icon_path())))

        self.stack = QStackedWidget(self)
        self.loading = QLabel(self.stack)
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.loading.setWordWrap(True)
        self.loading.setMargin(24)
        self.tabs = QTabWidget(self.stack)
        self.tabs.setDocumentMode(True)
        self.stack.addWidget(self.loading)
        self.stack.addWidget(self.tabs)
        self.setCentralWidget(self.stack)

        self._build_menus(language_choice)
        # The status bar never widens the window: what does not fit ends in "…", whole in the tooltip.
        self.connection_label = ElidedLabel(self)
        self.sync_label = ElidedLabel(self)
        self.database_label = ElidedLabel(self, mode=Qt.TextElideMode.ElideMiddle)  # keeps the file's name
        self.user_label = ElidedLabel(self)
        self.user_label.setObjectName("userLabel")
        for label in (self.connection_label, self.sync_label, self.database_label, self.user_label):
            label.setContentsMargins(6, 0, 12, 0)
        status = self.statusBar()
        status.addWidget(self.connection_label, 2)
        status.addWidget(self.sync_label, 5)
        status.addPermanentWidget(self.user_label, 3)
        status.addPermanentWidget(self.database_label, 4)

        self.resize(1100, 720)
        self.restore_geometry()
        self.retranslateUi()

    # ---- building --------------------------------------------------------------------------------

    def _build_menus(self, language_choice: str) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.sign_out_action = QAction(self)
        self.sign_out_action.setEnabled(False)
        self.sign_out_action.triggered.connect(self.sign_out_requested)
        self.file_menu.addAction(self.sign_out_action)
        self.file_menu.addSeparator()
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.quit_requested)
        self.file_menu.addAction(self.quit_action)

        self.view_menu = bar.addMenu("")
        self.language_menu = self.view_menu.addMenu("")
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for choice in (i18n.SYSTEM, "en", "uk"):
            action = QAction(self)
            action.setCheckable(True)
            action.setChecked(choice == language_choice)
            action.setData(choice)
            action.triggered.connect(lambda _checked=False, c=choice: self.language_chosen.emit(c))
            self.language_group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[choice] = action
        # Demo only: try the app as another role without typing passwords.
        self.demo_separator = self.view_menu.addSeparator()
        self.demo_admin_action = QAction(self)
        self.demo_admin_action.triggered.connect(lambda: self.demo_user_requested.emit("admin"))
        self.demo_supervisor_action = QAction(self)
        self.demo_supervisor_action.triggered.connect(lambda: self.demo_user_requested.emit("supervisor"))
        for item in (self.demo_separator, self.demo_admin_action, self.demo_supervisor_action):
            self.view_menu.addAction(item)
            item.setVisible(self._demo)

        self.help_menu = bar.addMenu("")
        self.guide_action = QAction(self)
        self.guide_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))  # F1
        self.guide_action.triggered.connect(lambda: self.show_help())
        self.shortcuts_action = QAction(self)
        self.shortcuts_action.triggered.connect(lambda: self.show_help(SHORTCUTS_ANCHOR))
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self.show_about)
        for action in (self.guide_action, self.shortcuts_action):
            self.help_menu.addAction(action)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)

        # Keys without a menu entry: the nth tab, and the current tab's search field.
        self.tab_actions: list[QAction] = []
        for number in range(1, TAB_SHORTCUTS + 1):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _checked=False, n=number: self.go_to_tab(n))
            self.addAction(action)
            self.tab_actions.append(action)
        self.find_action = QAction(self)
        self.find_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        self.find_action.triggered.connect(self.focus_search)
        self.addAction(self.find_action)

    def set_context(self, ctx: UiContext, tabs: Iterable[tuple[TabSpec, QWidget]], database: str) -> None:
        """Called once the database is open: the tabs (none until someone signs in) replace the placeholder."""
        self._database = database
        if not self._signals_connected:
            self._signals_connected = True
            ctx.signals.connection_state.connect(self.set_connection_state)
            ctx.signals.sync_finished.connect(self.on_sync_finished)
            ctx.signals.open_tab.connect(self.open_tab)
        self.set_tabs(tabs)

    def set_tabs(self, tabs: Iterable[tuple[TabSpec, QWidget]]) -> None:
        """Replace the tabs (after sign-in or a role switch); no tabs shows the signed-out placeholder."""
        self.clear_tabs()
        for spec, widget in tabs:
            self._specs.append(spec)
            self.tabs.addTab(widget, spec.translated_title())
        saved = str(ui_settings().value(TAB_KEY, "") or "")
        for index, spec in enumerate(self._specs):
            if spec.key == saved:
                self.tabs.setCurrentIndex(index)
        self.stack.setCurrentWidget(self.tabs if self._specs else self.loading)
        self.retranslateUi()

    def clear_tabs(self) -> None:
        """Remove and delete every tab (sign-out): their controllers go with them."""
        if self._specs:
            index = self.tabs.currentIndex()
            if 0 <= index < len(self._specs):
                ui_settings().setValue(TAB_KEY, self._specs[index].key)
        # Hide first and remove from the end: no other tab becomes current and shown (and starts loading).
        self.stack.setCurrentWidget(self.loading)
        while self.tabs.count():
            index = self.tabs.count() - 1
            widget = self.tabs.widget(index)
            self.tabs.removeTab(index)
            if widget is not None:
                widget.deleteLater()
        self._specs.clear()
        self.retranslateUi()

    def set_principal(self, principal: Principal | None) -> None:
        """The signed-in user (None: signed out): status bar, title, Sign out."""
        self._principal = principal
        self.sign_out_action.setEnabled(principal is not None)
        self._update_demo_actions()
        self.retranslateUi()

    def _update_demo_actions(self) -> None:
        """Demo only, and never a switch to the role the user already has."""
        role = str(self._principal.role) if self._principal is not None else None
        self.demo_separator.setVisible(self._demo)
        self.demo_admin_action.setVisible(self._demo and role != "ADMIN")
        self.demo_supervisor_action.setVisible(self._demo and role != "SUPERVISOR")

    def tab_widget(self, key: str) -> QWidget | None:
        for index, spec in enumerate(self._specs):
            if spec.key == key:
                return self.tabs.widget(index)
        return None

    def open_tab(self, key: str) -> None:
        """Show the tab with this key (a tab's "go there" button); a tab the user lacks is ignored."""
        widget = self.tab_widget(key)
        if widget is not None:
            self.tabs.setCurrentWidget(widget)

    def tab_keys(self) -> list[str]:
        return [spec.key for spec in self._specs]

    # ---- keyboard --------------------------------------------------------------------------------

    def go_to_tab(self, number: int) -> bool:
        """Ctrl+number: the number-th tab the user can see (1-based); False when there is none."""
        visible = [index for index in range(self.tabs.count()) if self.tabs.isTabVisible(index)]
        if not 1 <= number <= len(visible) or self.stack.currentWidget() is not self.tabs:
            return False
        self.tabs.setCurrentIndex(visible[number - 1])
        return True

    def focus_search(self) -> bool:
        """Ctrl+F: the current tab's search field, for a tab that has one (`focus_search()`)."""
        if self.stack.currentWidget() is not self.tabs:
            return False
        focus = getattr(self.tabs.currentWidget(), "focus_search", None)
        if not callable(focus):
            return False
        focus()
        return True

    # ---- status ----------------------------------------------------------------------------------

    def set_loading_error(self, message: str) -> None:
        self._loading_error = message
        self.retranslateUi()

    def set_connection_state(self, state: str, detail: str = "") -> None:
        self._connection = (state, detail)
        self._render_connection()

    def on_sync_finished(self, result: Any) -> None:
        counts = getattr(result, "counts", None)
        self.set_last_sync(
            {
                "status": getattr(result, "status", "?"),
                "finished": datetime.now().astimezone(),
                "created": getattr(counts, "created", 0),
                "updated": getattr(counts, "updated", 0),
                "error": getattr(result, "error", None),
            }
        )

    def set_last_sync(self, info: dict[str, Any] | None) -> None:
        self._last_sync = info
        self._render_sync()

    def _render_connection(self) -> None:
        state, detail = self._connection
        texts = {
            "unknown": self.tr("Connection: not tested yet"),
            "testing": self.tr("Connection: testing…"),
            "ok": self.tr("Connection: OK"),
            "failed": self.tr("Connection: failed"),
        }
        self.connection_label.set_text(texts.get(state, texts["unknown"]), detail)

    def _render_sync(self) -> None:
        info = self._last_sync
        if not info:
            self.sync_label.set_text(self.tr("Last sync: never"))
            return
        statuses = {
            "SUCCESS": self.tr("succeeded"),
            "PARTIAL": self.tr("partly succeeded"),
            "FAILED": self.tr("failed"),
            "INTERRUPTED": self.tr("interrupted"),
            "RUNNING": self.tr("running"),
        }
        finished = info.get("finished")
        when = finished.strftime("%Y-%m-%d %H:%M") if isinstance(finished, datetime) else "—"
        self.sync_label.set_text(
            self.tr("Last sync: {status} at {time} ({created} new, {updated} updated)").format(
                status=statuses.get(str(info.get("status")), str(info.get("status"))),
                time=when,
                created=info.get("created", 0),
                updated=info.get("updated", 0),
            ),
            str(info.get("error") or ""),
        )

    # ---- language --------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def role_name(self, role: str) -> str:
        return role_name(role)

    def _render_user(self) -> None:
        principal = self._principal
        if principal is None:
            self.user_label.set_text(self.tr("Not signed in"))
            return
        teams = ", ".join(sorted(principal.teams))
        self.user_label.set_text(
            self.tr("User: {user} ({role})").format(user=principal.username, role=role_name(principal.role)),
            self.tr("Teams: {teams}").format(teams=teams) if teams else "",
        )

    def retranslateUi(self) -> None:
        title = self.tr("QMS Desktop") + (self.tr(" — demo") if self._demo else "")
        if self._principal is not None:  # the user first: the app's name stays at the end
            title = f"{self._principal.username} — {title}"
        self.setWindowTitle(title)
        self.file_menu.setTitle(self.tr("&File"))
        self.sign_out_action.setText(self.tr("Sign &out"))
        self.demo_admin_action.setText(self.tr("Switch to demo administrator"))
        self.demo_supervisor_action.setText(self.tr("Switch to demo supervisor"))
        self.quit_action.setText(self.tr("&Quit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.language_actions[i18n.SYSTEM].setText(self.tr("System"))
        self.language_actions["en"].setText("English")  # language names stay in their own language
        self.language_actions["uk"].setText("Українська")
        self.help_menu.setTitle(self.tr("&Help"))
        self.guide_action.setText(self.tr("&User guide"))
        self.shortcuts_action.setText(self.tr("&Keyboard shortcuts"))
        self.about_action.setText(self.tr("&About QMS Desktop"))
        if self._loading_error:
            self.loading.setText(self.tr("QMS Desktop could not start:\n{error}").format(error=self._loading_error))
        elif self._database:
            self.loading.setText(self.tr("Sign in to continue."))
        else:
            self.loading.setText(self.tr("Opening the database…"))
        for index, spec in enumerate(self._specs):
            self.tabs.setTabText(index, spec.translated_title())
        self.database_label.set_text(
            self.tr("Database: {url}").format(url=self._database) if self._database else self.tr("Database: opening…")
        )
        self._render_connection()
        self._render_sync()
        self._render_user()

    def set_language_choice(self, choice: str) -> None:
        action = self.language_actions.get(choice)
        if action is not None:
            action.setChecked(True)

    # ---- help and about --------------------------------------------------------------------------

    def show_help(self, section: str | None = None) -> HelpDialog:
        """F1: the Help window (one, kept beside this window), at `section` when given."""
        if self.help_dialog is None:
            self.help_dialog = HelpDialog(self)
        dialog = self.help_dialog
        if dialog.isVisible():  # already open, perhaps behind this window: bring it to the front
            dialog.raise_()
            dialog.activateWindow()
        else:
            dialog.show()
        if section:
            dialog.show_section(section)
        return dialog

    def about_text(self) -> str:
        return self.tr(
            "<h3>QMS Desktop {version}</h3>"
            "<p>Cisco MediaSense recordings for quality management.</p>"
            "<p>Qt {qt}<br>PySide6 {pyside}<br>Python {python}</p>"
        ).format(version=__version__, qt=qVersion(), pyside=PYSIDE6_VERSION, python=platform.python_version())

    def show_about(self) -> None:
        # open(), not exec(): no nested event loop under qasync.
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("About QMS Desktop"),
            self.about_text(),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setIconPixmap(self.windowIcon().pixmap(64, 64))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # ---- geometry and closing --------------------------------------------------------------------

    def restore_geometry(self) -> None:
        settings = ui_settings()
        geometry = settings.value(GEOMETRY_KEY)
        if geometry:
            self.restoreGeometry(geometry)
        state = settings.value(STATE_KEY)
        if state:
            self.restoreState(state)

    def save_geometry(self) -> None:
        settings = ui_settings()
        settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        settings.setValue(STATE_KEY, self.saveState())
        index = self.tabs.currentIndex()
        if 0 <= index < len(self._specs):
            settings.setValue(TAB_KEY, self._specs[index].key)
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing the window quits the app; the shell then shuts down the background work.
        self.save_geometry()
        event.accept()
        self.quit_requested.emit()

    # ---- screenshots -----------------------------------------------------------------------------

    def save_screenshots(self, directory: Path, suffix: str = "") -> list[Path]:
        """One PNG of the whole window per tab (smoke runs and the screenshot test)."""
        directory.mkdir(parents=True, exist_ok=True)
        current = self.tabs.currentIndex()
        written: list[Path] = []
        for index, spec in enumerate(self._specs):
            self.tabs.setCurrentIndex(index)
            path = directory / f"{spec.key}{suffix}.png"
            if self.grab().save(str(path)):
                written.append(path)
        self.tabs.setCurrentIndex(current)
        return written
