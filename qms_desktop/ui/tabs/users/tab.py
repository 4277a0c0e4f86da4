"""The Users tab's view (administrators): the local accounts, a form to add one with a role and teams,
a button to disable or enable one and one to unlock one after too many failed sign-ins. Widgets only:
intents go out as signals."""

from __future__ import annotations

from datetime import datetime

from qms_desktop.app.users import UserInfo
from qms_desktop.security.roles import USER_ROLES
from qms_desktop.ui.formatting import role_name
from qms_desktop.ui.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractItemView,
    QComboBox,
    QCoreApplication,
    QEvent,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPushButton,
    QShowEvent,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from qms_desktop.ui.widgets.rows_model import Column, RowsModel

Index = QModelIndex | QPersistentModelIndex


def _when(ms: int | None) -> str:
    return f"{datetime.fromtimestamp(ms / 1000).astimezone():%Y-%m-%d %H:%M}" if ms else "—"


COLUMNS: tuple[Column[UserInfo], ...] = (
    (QT_TRANSLATE_NOOP("UsersModel", "User"), lambda u: u.username),
    (QT_TRANSLATE_NOOP("UsersModel", "Role"), lambda u: role_name(u.role)),
    (QT_TRANSLATE_NOOP("UsersModel", "Teams"), lambda u: ", ".join(u.teams)),
    (QT_TRANSLATE_NOOP("UsersModel", "Status"), lambda u: _status(u)),
    (QT_TRANSLATE_NOOP("UsersModel", "Failed sign-ins"), lambda u: str(u.failed_sign_ins) if u.failed_sign_ins else ""),
    (QT_TRANSLATE_NOOP("UsersModel", "Last sign-in"), lambda u: _when(u.last_login_ms)),
)
_STATES = {
    "disabled": QT_TRANSLATE_NOOP("UsersModel", "disabled"),
    "locked": QT_TRANSLATE_NOOP("UsersModel", "locked"),
    "delayed": QT_TRANSLATE_NOOP("UsersModel", "delayed until {time}"),
    "enabled": QT_TRANSLATE_NOOP("UsersModel", "active"),
}


def _status(user: UserInfo) -> str:
    text = QCoreApplication.translate("UsersModel", _STATES[user.state])
    if user.delayed_until_ms is not None:
        text = text.format(time=f"{datetime.fromtimestamp(user.delayed_until_ms / 1000).astimezone():%H:%M:%S}")
    return text


def can_unlock(user: UserInfo | None) -> bool:
    """An account with failed sign-ins that count (locked, delayed, or on the way to either)."""
    return user is not None and (user.locked or user.delayed_until_ms is not None or user.failed_sign_ins > 0)


class UsersModel(RowsModel[UserInfo]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(COLUMNS, "UsersModel", parent)

    @property
    def users(self) -> list[UserInfo]:
        return self.rows


class UsersTab(QWidget):
    add_requested = Signal(str, str, str, list)  # user name, role, password, teams
    disable_requested = Signal(str, bool)  # user name, disabled
    unlock_requested = Signal(str)  # user name
    shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = UsersModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.toggle_button = QPushButton(self)
        self.toggle_button.setEnabled(False)
        self.unlock_button = QPushButton(self)
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setEnabled(False)

        self.add_group = QGroupBox(self)
        self.name_edit = QLineEdit(self.add_group)
        self.role_combo = QComboBox(self.add_group)
        for role in USER_ROLES:
            self.role_combo.addItem(role.value, role.value)
        self.teams_edit = QLineEdit(self.add_group)
        self.password_edit = QLineEdit(self.add_group)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_button = QPushButton(self.add_group)
        self.labels = [QLabel(self.add_group) for _ in range(4)]
        form = QFormLayout(self.add_group)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # labels above: fields get the width
        for label, field in zip(
            self.labels, (self.name_edit, self.role_combo, self.teams_edit, self.password_edit), strict=True
        ):
            form.addRow(label, field)
        form.addRow("", self.add_button)
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.message_label, 1)
        buttons.addWidget(self.unlock_button)
        buttons.addWidget(self.toggle_button)
        left = QVBoxLayout()
        left.addWidget(self.view, 1)
        left.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(self.add_group, 1, Qt.AlignmentFlag.AlignTop)

        self.add_button.clicked.connect(self._request_add)
        self.toggle_button.clicked.connect(self._request_toggle)
        self.unlock_button.clicked.connect(self._request_unlock)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._render_toggle())
        self.retranslateUi()

    def selected(self) -> UserInfo | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.users[rows[0].row()] if rows else None

    def _request_add(self) -> None:
        teams = [t.strip() for t in self.teams_edit.text().split(",") if t.strip()]
        self.add_requested.emit(
            self.name_edit.text(), str(self.role_combo.currentData()), self.password_edit.text(), teams
        )

    def _request_toggle(self) -> None:
        user = self.selected()
        if user is not None:
            self.disable_requested.emit(user.username, not user.disabled)

    def _request_unlock(self) -> None:
        user = self.selected()
        if can_unlock(user):
            assert user is not None
            self.unlock_requested.emit(user.username)

    def show_users(self, users: list[UserInfo]) -> None:
        chosen = self.selected()
        self.model.set_rows(users)
        if chosen is not None:  # the same account stays selected when the list is read again
            names = [u.username for u in users]
            if chosen.username in names:
                self.view.selectRow(names.index(chosen.username))
        self.view.resizeColumnsToContents()
        self._render_toggle()

    def show_message(self, text: str, error: bool) -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet("color: #b3261e;" if error else "")
        if not error:
            self.password_edit.clear()

    def _render_toggle(self) -> None:
        user = self.selected()
        self.toggle_button.setEnabled(user is not None)
        self.toggle_button.setText(self.tr("Enable") if user is not None and user.disabled else self.tr("Disable"))
        self.unlock_button.setEnabled(can_unlock(user))
        self.unlock_button.setText(self.tr("Unlock"))
        self.unlock_button.setToolTip(self.tr("Forget this account's failed sign-ins so it can sign in again now"))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.shown.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.add_group.setTitle(self.tr("Add a user"))
        for label, text in zip(
            self.labels, (self.tr("User name:"), self.tr("Role:"), self.tr("Teams:"), self.tr("Password:")), strict=True
        ):
            label.setText(text)
        self.teams_edit.setPlaceholderText(self.tr("T1, T2 (supervisors)"))
        self.teams_edit.setToolTip(self.tr("Team codes, comma-separated (supervisors)"))
        for index in range(self.role_combo.count()):
            self.role_combo.setItemText(index, role_name(self.role_combo.itemData(index)))
        self.add_button.setText(self.tr("Add user"))
        self._render_toggle()
        self.model.retranslate()
        if self.model.rowCount():
            self.view.resizeColumnsToContents()
