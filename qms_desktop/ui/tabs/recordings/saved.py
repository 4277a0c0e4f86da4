"""Saved searches under the filter panel: a compact list (name, new matches since last opened, shared
or not), Save… and Delete; opening one puts its filters back and searches. Runs `SavedSearchUseCases`.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from qms_desktop.app.saved_searches import SavedSearch, SavedSearchUseCases
from qms_desktop.search.query import RecordingQuery
from qms_desktop.security.roles import Role
from qms_desktop.ui.context import UiContext
from qms_desktop.ui.qt import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QEvent,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QObject,
    Qt,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from qms_desktop.ui.tabs.recordings.filters import ALL_TIME, CUSTOM

log = logging.getLogger("qms.ui")


def panel_from_query(query: RecordingQuery) -> dict[str, Any]:
    """The filter panel's fields for a search saved without them (from the command line): its dates
    as a custom period in local days, the first agent and team, the rest as they are."""

    def day(ms: int) -> str:
        return datetime.fromtimestamp(ms / 1000).astimezone().strftime("%Y-%m-%d")

    dated = query.start_ms is not None or query.end_ms is not None
    today = datetime.now().astimezone().strftime("%Y-%m-%d")
    return {
        "preset": CUSTOM if dated else ALL_TIME,
        "from": day(query.start_ms) if query.start_ms is not None else "2000-01-01",
        "to": day(query.end_ms - 1) if query.end_ms is not None else today,
        "agent": next(iter(query.agent_ids), None),
        "team": next(iter(query.team_codes), None),
        "direction": query.direction,
        "state": query.state,
        "ani": query.ani or "",
        "dnis": query.dnis or "",
        "csq": query.csq or "",
        "tags": ", ".join(query.tags),
        "text": query.text or "",
        "ccid": query.ccid or "",
        "min_s": (query.min_duration_ms or 0) // 1000,
        "max_s": (query.max_duration_ms or 0) // 1000,
    }


LIST_TASK, SAVE_TASK, OPEN_TASK, DELETE_TASK = "saved.list", "saved.save", "saved.open", "saved.delete"
ID_ROLE = Qt.ItemDataRole.UserRole


class SavedSearchList(QWidget):
    """The list and its two buttons; emits intents only."""

    openRequested = Signal(int)
    saveRequested = Signal()
    deleteRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("savedSearches")
        self.searches: list[SavedSearch] = []
        self.me: str | None = None
        self.admin = False
        self.title = QLabel(self)
        self.title.setObjectName("savedSearchesTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.list = QListWidget(self)
        self.list.setObjectName("savedSearchList")
        self.list.setMaximumHeight(self.fontMetrics().height() * 5 + 8)  # compact: about four names
        self.list.itemActivated.connect(self._activated)
        self.list.currentRowChanged.connect(lambda _row: self._sync_buttons())
        self.save_button = QToolButton(self)
        self.save_button.setObjectName("saveSearch")
        self.save_button.clicked.connect(self.saveRequested)
        self.delete_button = QToolButton(self)
        self.delete_button.setObjectName("deleteSearch")
        self.delete_button.clicked.connect(self._delete)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.retranslateUi()

    def show_searches(self, searches: list[SavedSearch], me: str | None, admin: bool) -> None:
        self.searches, self.me, self.admin = searches, me, admin
        self.retranslateUi()

    def selected(self) -> SavedSearch | None:
        item = self.list.currentItem()
        if item is None:
            return None
        search_id = item.data(ID_ROLE)
        return next((s for s in self.searches if s.id == search_id), None)

    def _activated(self, item: QListWidgetItem) -> None:
        self.openRequested.emit(int(item.data(ID_ROLE)))

    def _delete(self) -> None:
        found = self.selected()
        if found is not None:
            self.deleteRequested.emit(found.id)

    def _sync_buttons(self) -> None:
        found = self.selected()
        self.delete_button.setEnabled(found is not None and (found.owner == self.me or (self.admin and found.shared)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.title.setText(self.tr("Saved searches"))
        self.save_button.setText(self.tr("Save…"))
        self.save_button.setToolTip(self.tr("Save the current filters under a name"))
        self.delete_button.setText(self.tr("Delete"))
        current = self.list.currentItem().data(ID_ROLE) if self.list.currentItem() is not None else None
        self.list.clear()
        for search in self.searches:
            text = search.name
            if search.new_matches:
                text += "  " + self.tr("(new: %1)").replace("%1", str(search.new_matches))
            item = QListWidgetItem(text, self.list)
            item.setData(ID_ROLE, search.id)
            tip = [self.tr("Shared by %1").replace("%1", search.owner) if search.shared else self.tr("Private")]
            tip.append(self.tr("Double-click or press Enter to apply its filters"))
            item.setToolTip("\n".join(tip))
            if search.shared:
                font = item.font()
                font.setItalic(True)
                item.setFont(font)
            if search.id == current:
                self.list.setCurrentItem(item)
        self.list.setVisible(bool(self.searches))
        self._sync_buttons()


class SaveSearchDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("saveSearchDialog")
        self.setWindowTitle(self.tr("Save search"))
        self.name = QLineEdit(self)
        self.name.setMaxLength(200)
        self.shared = QCheckBox(self.tr("Share with the team"), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.shared)
        form.addRow(buttons)


class SavedSearchesController(QObject):
    listed = Signal(int)  # how many searches are listed
    opened = Signal(int)  # the id of the search whose filters were applied

    def __init__(self, ctx: UiContext, view: Any, rec: Any) -> None:
        super().__init__(view)
        self.ctx, self.view, self.rec = ctx, view, rec
        self.box: SavedSearchList = view.saved_searches
        self.box.openRequested.connect(self.open)
        self.box.saveRequested.connect(self.ask_save)
        self.box.deleteRequested.connect(self.delete)
        rec.searched.connect(lambda *_: self.refresh())  # new counts as syncs bring calls

    @property
    def use_cases(self) -> SavedSearchUseCases:
        return SavedSearchUseCases(self.ctx.engine, self.ctx.principal)

    def refresh(self) -> None:
        self.ctx.tasks.start(LIST_TASK, self._list())

    def ask_save(self) -> None:
        """A name and "share" (window-modal, no nested event loop); OK saves."""
        dialog = SaveSearchDialog(self.view)

        def accepted() -> None:
            if dialog.name.text().strip():
                self.save(dialog.name.text(), dialog.shared.isChecked())

        dialog.accepted.connect(accepted)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def save(self, name: str, shared: bool) -> None:
        filters = self.view.filters
        query, panel = filters.query(), filters.state()

        def save() -> SavedSearch:
            return self.use_cases.save(name, query, shared=shared, panel=panel)

        self.ctx.tasks.start(SAVE_TASK, self._run(save))

    def open(self, search_id: int) -> None:
        self.ctx.tasks.start(OPEN_TASK, self._open(search_id))

    def delete(self, search_id: int) -> None:
        self.ctx.tasks.start(DELETE_TASK, self._run(lambda: self.use_cases.delete(search_id)))

    async def _list(self) -> None:
        try:
            searches = await self.ctx.read(self.use_cases.list)
        except Exception as exc:
            log.warning("Saved searches could not be listed: %s", exc)
            return
        principal = self.ctx.principal
        me = principal.username if principal is not None else None
        self.box.show_searches(searches, me, principal is not None and principal.role is Role.ADMIN)
        self.listed.emit(len(searches))

    async def _run(self, work: Any) -> None:
        try:
            await self.ctx.db(work)  # audited when shared
        except Exception as exc:
            self.view.show_banner(self.tr("The saved search could not be changed: %1").replace("%1", str(exc)))
            return
        await self._list()

    async def _open(self, search_id: int) -> None:
        try:
            found: SavedSearch = await self.ctx.db(self.use_cases.open, search_id)
        except Exception as exc:
            self.view.show_banner(self.tr("The saved search could not be opened: %1").replace("%1", str(exc)))
            return
        self.view.filters.restore(found.panel or panel_from_query(found.query))
        self.rec.search()  # the list is read again when the search has run
        self.opened.emit(search_id)
