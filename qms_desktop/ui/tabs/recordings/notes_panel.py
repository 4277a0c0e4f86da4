"""Notes and bookmarks in the details pane: the list of a recording's notes beside the player, adding
one at the player's position, editing and deleting one's own.

`NotesPanel` is widgets only: it shows notes and emits intents. `NotesController` runs them through
`NotesUseCases` off the GUI thread and hands the panel what the database says afterwards.

For other widgets (a timeline, a waveform): `NotesPanel.notesChanged(list[Note])` fires whenever the
shown notes change (an empty list when no recording is shown), `NotesPanel.notes()` is the current
list, and `NotesPanel.seekRequested(int)` is a click on a note (milliseconds from the start).
"""

from __future__ import annotations

import logging
from typing import Any

from qms_desktop.app.notes import Note, NoteKind, NotesUseCases, NoteVisibility
from qms_desktop.search.query import RecordingDetail
from qms_desktop.security.roles import Role
from qms_desktop.ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCoreApplication,
    QEvent,
    QFont,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QModelIndex,
    QObject,
    QPalette,
    QPushButton,
    QStandardItem,
    QStandardItemModel,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from qms_desktop.ui.tabs.recordings.models import clock_text
from qms_desktop.ui.widgets.timeline import Marker

log = logging.getLogger("qms.ui")

NOTE_ROLE = Qt.ItemDataRole.UserRole + 1
LOAD_TASK = "recordings-notes-load"
WRITE_TASK = "recordings-notes-write"


class NotesPanel(QWidget):
    notesChanged = Signal(list)  # list[Note]: what the panel shows now, in the order of their positions
    seekRequested = Signal(int)  # a note was clicked: its position in ms
    # text, category ("" none), private, bookmark: a new note at the player's position
    addRequested = Signal(str, str, bool, bool)
    editRequested = Signal(int, str, str, bool)  # note id, text, category, private
    deleteRequested = Signal(int)  # note id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notesPanel")
        self._notes: list[Note] = []
        self._me: str | None = None
        self._admin = False
        self._editing: Note | None = None
        self._enabled = False

        self.title = QLabel(self)
        bold = QFont(self.title.font())
        bold.setBold(True)
        self.title.setFont(bold)

        self.model = QStandardItemModel(0, 2, self)
        self.table = QTableView(self)
        self.table.setObjectName("notesTable")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Two lines a note (its words, then author and category), as high as its words wrap to.
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setMinimumHeight(self.table.fontMetrics().height() * 9)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)  # fitted after each fill
        header.setStretchLastSection(True)
        self.table.clicked.connect(self._clicked)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._sync_buttons())

        self.text = QLineEdit(self)
        self.text.setObjectName("noteText")
        self.text.setMaxLength(4000)
        self.text.returnPressed.connect(self._submit)
        self.text.textChanged.connect(lambda _: self._sync_buttons())
        self.category = QComboBox(self)
        self.category.setObjectName("noteCategory")
        self.category.setEditable(True)
        self.category.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.private = QCheckBox(self)
        self.private.setObjectName("notePrivate")
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("addNote")
        self.add_button.clicked.connect(self._submit)
        self.bookmark_button = QPushButton(self)
        self.bookmark_button.setObjectName("addBookmark")
        self.bookmark_button.clicked.connect(self._bookmark)
        self.edit_button = QPushButton(self)
        self.edit_button.setObjectName("editNote")
        self.edit_button.clicked.connect(self._start_edit)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cancelNoteEdit")
        self.cancel_button.clicked.connect(self._cancel_edit)
        self.delete_button = QPushButton(self)
        self.delete_button.setObjectName("deleteNote")
        self.delete_button.clicked.connect(self._delete)
        self.message = QLabel(self)
        self.message.setObjectName("notesMessage")
        self.message.setWordWrap(True)
        self.message.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.category.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.category.setMinimumContentsLength(8)
        # The details pane is narrow: the selected note's actions under the list, the new note's below.
        selected = QHBoxLayout()
        selected.setContentsMargins(0, 0, 0, 0)
        selected.addStretch(1)
        selected.addWidget(self.edit_button)
        selected.addWidget(self.delete_button)
        options = QHBoxLayout()
        options.setContentsMargins(0, 0, 0, 0)
        options.addWidget(self.category, 1)
        options.addWidget(self.private)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.add_button, self.bookmark_button, self.cancel_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addLayout(selected)
        layout.addWidget(self.text)
        layout.addLayout(options)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.retranslateUi()
        self.show_notes([], None)
        self.show_message("")

    # ---- content ---------------------------------------------------------------------------------

    def notes(self) -> list[Note]:
        return list(self._notes)

    def show_notes(self, notes: list[Note], me: str | None, *, admin: bool = False, enabled: bool = True) -> None:
        """Show these notes (of the recording in the details pane) as seen by `me`."""
        self._me, self._admin, self._enabled = me, admin, enabled and me is not None
        selected = self._selected()
        self._notes = sorted(notes, key=lambda n: (n.position_ms, n.id))
        if self._editing is not None and all(n.id != self._editing.id for n in self._notes):
            self._reset_editor()
        self._fill()
        if selected is not None:
            self.select_note(selected.id)
        self._sync_buttons()
        self.notesChanged.emit(self.notes())

    def show_message(self, words: str) -> None:
        self.message.setText(words)
        self.message.setVisible(bool(words))

    def select_note(self, note_id: int) -> None:
        for row, note in enumerate(self._notes):
            if note.id == note_id:
                self.table.selectRow(row)
                return

    def _fill(self) -> None:
        model = self.model
        model.removeRows(0, model.rowCount())
        for note in self._notes:
            at = QStandardItem(clock_text(note.position_ms))
            at.setData(note.id, NOTE_ROLE)
            at.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            words = note.text or (self.tr("Bookmark") if note.kind is NoteKind.BOOKMARK else "")
            about = [note.author]
            if note.category:
                about.append(self._category_text(note.category))
            if note.is_private:
                about.append(self.tr("private"))
            text = QStandardItem(f"{words}\n{' · '.join(about)}")
            text.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            text.setToolTip(note.text)
            if note.kind is NoteKind.BOOKMARK and not note.text:
                font = text.font()
                font.setItalic(True)
                text.setFont(font)
            model.appendRow([at, text])
        self.title.setText(self.tr("Notes ({count})").format(count=len(self._notes)))
        # Explicitly: a header resizing to contents by itself missed rows added while it was shown.
        self.table.resizeColumnToContents(0)
        self.table.setToolTip(self.tr("Click a note to play from there") if self._notes else "")

    def _category_text(self, category: str | None) -> str:
        return self._categories().get(category or "", category or "—")

    def _categories(self) -> dict[str, str]:
        return {
            "compliance": self.tr("compliance"),
            "coaching": self.tr("coaching"),
            "praise": self.tr("praise"),
            "issue": self.tr("issue"),
        }

    # ---- intents ---------------------------------------------------------------------------------

    def _selected(self) -> Note | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or not 0 <= rows[0].row() < len(self._notes):
            return None
        return self._notes[rows[0].row()]

    def _clicked(self, index: QModelIndex) -> None:
        if 0 <= index.row() < len(self._notes):
            self.seekRequested.emit(self._notes[index.row()].position_ms)

    def _chosen_category(self) -> str:
        typed = self.category.currentText().strip()
        index = self.category.findText(typed, Qt.MatchFlag.MatchFixedString)
        data = self.category.itemData(index) if index >= 0 else None
        return str(data) if data is not None else typed

    def _submit(self) -> None:
        if not self._enabled or not self.text.text().strip():
            return
        if self._editing is not None:
            self.editRequested.emit(
                self._editing.id, self.text.text().strip(), self._chosen_category(), self.private.isChecked()
            )
        else:
            self.addRequested.emit(self.text.text().strip(), self._chosen_category(), self.private.isChecked(), False)

    def _bookmark(self) -> None:
        if self._enabled:
            self.addRequested.emit(self.text.text().strip(), self._chosen_category(), self.private.isChecked(), True)

    def _start_edit(self) -> None:
        note = self._selected()
        if note is None or note.author != self._me:
            return
        self._editing = note
        self.text.setText(note.text)
        index = self.category.findData(note.category) if note.category else 0
        if index >= 0:
            self.category.setCurrentIndex(index)
        else:
            self.category.setEditText(note.category or "")
        self.private.setChecked(note.is_private)
        self.text.setFocus()
        self._sync_buttons()

    def _cancel_edit(self) -> None:
        self._reset_editor()
        self._sync_buttons()

    def _delete(self) -> None:
        note = self._selected()
        if note is not None and self._may_delete(note):
            self.deleteRequested.emit(note.id)

    def written(self) -> None:
        """The last add or edit was stored: the editor empties for the next note."""
        self._reset_editor()
        self._sync_buttons()

    def _reset_editor(self) -> None:
        self._editing = None
        self.text.clear()
        self.category.setCurrentIndex(0)
        self.private.setChecked(False)

    def _may_delete(self, note: Note) -> bool:
        return note.author == self._me or (self._admin and not note.is_private)

    def _sync_buttons(self) -> None:
        note = self._selected()
        editing = self._editing is not None
        has_text = bool(self.text.text().strip())
        for widget in (self.text, self.category, self.private):
            widget.setEnabled(self._enabled)
        self.add_button.setEnabled(self._enabled and has_text)
        self.add_button.setText(self.tr("Save note") if editing else self.tr("Add note"))
        self.bookmark_button.setVisible(not editing)
        self.bookmark_button.setEnabled(self._enabled)
        self.cancel_button.setVisible(editing)
        self.edit_button.setVisible(not editing)
        self.edit_button.setEnabled(self._enabled and note is not None and note.author == self._me)
        self.delete_button.setEnabled(self._enabled and note is not None and self._may_delete(note))

    # ---- language --------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.model.setHorizontalHeaderLabels([self.tr("At"), self.tr("Note")])
        current = self._chosen_category() if self.category.count() else ""
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItem("", None)
        for code, words in self._categories().items():
            self.category.addItem(words, code)
        index = self.category.findData(current) if current else 0
        if index >= 0:
            self.category.setCurrentIndex(index)
        else:
            self.category.setEditText(current)
        self.category.blockSignals(False)
        editor = self.category.lineEdit()
        if editor is not None:
            editor.setPlaceholderText(self.tr("Category (optional)"))
        self.text.setPlaceholderText(self.tr("A note at the player's position…"))
        self.private.setText(self.tr("Only me"))
        self.private.setToolTip(self.tr("A private note: nobody else sees it or finds the call by it"))
        self.bookmark_button.setText(self.tr("Bookmark"))
        self.bookmark_button.setToolTip(self.tr("Mark the player's position, with or without words"))
        self.edit_button.setText(self.tr("Edit"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.delete_button.setText(self.tr("Delete"))
        self._fill()
        self._sync_buttons()


class NotesController(QObject):
    """Runs the panel's intents through NotesUseCases as the signed-in user, off the GUI thread."""

    loaded = Signal(list)  # list[Note]: after the panel was updated (for tests and other widgets)

    def __init__(self, ctx: Any, panel: NotesPanel, player: Any) -> None:
        super().__init__(panel)
        self.ctx, self.panel, self.player = ctx, panel, player
        self.session_id: str | None = None
        panel.seekRequested.connect(player.play_from)
        panel.addRequested.connect(self.add)
        panel.editRequested.connect(self.edit)
        panel.deleteRequested.connect(self.delete)
        waveform = getattr(player, "waveform", None)
        if waveform is not None:  # notes and bookmarks drawn on the player's timeline
            panel.notesChanged.connect(lambda notes: self._draw_on(waveform, notes))

    @staticmethod
    def _draw_on(waveform: Any, notes: list[Note]) -> None:
        waveform.set_markers(
            "notes",
            [Marker(n.position_ms, n.text or n.category or "") for n in notes if n.kind is not NoteKind.BOOKMARK],
        )
        waveform.set_markers("bookmarks", [Marker(n.position_ms, n.text) for n in notes if n.kind is NoteKind.BOOKMARK])

    @property
    def use_cases(self) -> NotesUseCases:
        return NotesUseCases(self.ctx.engine, self.ctx.principal)

    def show_recording(self, detail: RecordingDetail | None) -> None:
        """The details pane shows this recording (None: none): load the notes its reader may see."""
        self.session_id = detail.row.session_id if detail is not None else None
        self.panel.show_message("")
        self._show([])
        if self.session_id is not None:
            self.ctx.tasks.start(LOAD_TASK, self._load(self.session_id))

    def add(self, text: str, category: str, private: bool, bookmark: bool) -> None:
        if self.session_id is None:
            return
        position = max(0, int(self.player.position()))
        kind = NoteKind.BOOKMARK if bookmark else NoteKind.NOTE
        visibility = NoteVisibility.PRIVATE if private else NoteVisibility.TEAM
        use_cases, sid = self.use_cases, self.session_id

        def write() -> Note:
            return use_cases.add(sid, position, text, category=category or None, kind=kind, visibility=visibility)

        self.ctx.tasks.start(WRITE_TASK, self._write(sid, write))

    def edit(self, note_id: int, text: str, category: str, private: bool) -> None:
        if self.session_id is None:
            return
        visibility = NoteVisibility.PRIVATE if private else NoteVisibility.TEAM
        use_cases = self.use_cases
        self.ctx.tasks.start(
            WRITE_TASK,
            self._write(
                self.session_id, lambda: use_cases.edit(note_id, text=text, category=category, visibility=visibility)
            ),
        )

    def delete(self, note_id: int) -> None:
        if self.session_id is not None:
            use_cases = self.use_cases
            self.ctx.tasks.start(WRITE_TASK, self._write(self.session_id, lambda: use_cases.delete(note_id)))

    def _show(self, notes: list[Note]) -> None:
        principal = self.ctx.principal
        me = principal.username if principal is not None else None
        admin = principal is not None and principal.role is Role.ADMIN
        self.panel.show_notes(notes, me, admin=admin, enabled=self.session_id is not None)

    async def _load(self, session_id: str) -> None:
        try:
            notes = await self.ctx.read(self.use_cases.list_for, session_id)
        except Exception as exc:
            log.warning("Notes of %s could not be read: %s", session_id, exc)
            self.panel.show_message(
                QCoreApplication.translate("NotesController", "The notes could not be read: {error}").format(error=exc)
            )
            return
        if session_id == self.session_id:
            self._show(notes)
            self.loaded.emit(notes)

    async def _write(self, session_id: str, work: Any) -> None:
        try:
            await self.ctx.db(work)
        except Exception as exc:
            log.warning("A note of %s could not be saved: %s", session_id, exc)
            self.panel.show_message(
                QCoreApplication.translate("NotesController", "The note could not be saved: {error}").format(error=exc)
            )
            return
        if session_id == self.session_id:
            self.panel.show_message("")
            self.panel.written()
            await self._load(session_id)
