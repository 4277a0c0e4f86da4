"""The Recordings tab: find a call, read its details, listen to it.

Widgets only: filters, the lazily paged results table, the details pane and the player emit intents;
`RecordingsController` (a child of this view, made in `create_tab`) runs searches and playback.
"""

from __future__ import annotations

from qms_desktop.app.first_run import FirstRun
from qms_desktop.search.query import RecordingDetail
from qms_desktop.ui.prefs import restore_splitter, save_splitter
from qms_desktop.ui.qt import (
    QAbstractItemView,
    QEvent,
    QHBoxLayout,
    QHeaderView,
    QItemSelectionModel,
    QLabel,
    QLocale,
    QModelIndex,
    QPalette,
    QScrollArea,
    QShowEvent,
    QSizePolicy,
    QSplitter,
    Qt,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from qms_desktop.ui.tabs.recordings.details import DetailsPane
from qms_desktop.ui.tabs.recordings.filters import FilterPanel
from qms_desktop.ui.tabs.recordings.models import COLUMN_INDEX, COLUMNS, SORT_COLUMN, RecordingsModel, dim_color
from qms_desktop.ui.tabs.recordings.next_step import NextStep, empty_step, listed_step
from qms_desktop.ui.tabs.recordings.review import ReviewBar, ReviewButton
from qms_desktop.ui.tabs.recordings.review_bar import ReviewMarkBar
from qms_desktop.ui.tabs.recordings.saved import SavedSearchList
from qms_desktop.ui.widgets.call_strip import CallStrip
from qms_desktop.ui.widgets.header_fit import fit_sections_to_titles
from qms_desktop.ui.widgets.player import PlayerWidget

SPLITTER_KEY = "recordings"
# Left to right as shown: what identifies a call first; direction, queue and segments after them.
SHOWN_ORDER = (
    "start",
    "agent",
    "team",
    "ani",
    "dnis",
    "duration",
    "state",
    "audio",
    "heard",
    "direction",
    "csq",
    "segments",
)
DETAILS_SHOWN_FROM = 1500  # narrower windows (the default 1100 px) start with the details pane folded


class RecordingsTab(QWidget):
    selectionChanged = Signal(object)  # session id or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordingsTab")
        self._sort, self._descending = "start", True  # what the controller last said it sorts by
        self._total: int | None = None
        self._state = "idle"  # idle | searching | results | error
        self._error = ""
        self._more = False
        self._new_arrivals = False
        self._first_run: FirstRun | None = None  # where the installation stands (None: not read yet)

        self.banner = QLabel(self)
        self.banner.setObjectName("playbackBanner")
        self.banner.setWordWrap(True)
        self.banner.setMargin(8)
        self.banner.setAutoFillBackground(True)
        self.banner.setBackgroundRole(QPalette.ColorRole.ToolTipBase)  # the palette's "note" colours
        self.banner.setForegroundRole(QPalette.ColorRole.ToolTipText)
        # A long message wraps: it never asks the window for more width.
        self.banner.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.banner.hide()

        self.filters = FilterPanel(self)
        filter_scroll = QScrollArea(self)
        filter_scroll.setWidget(self.filters)
        filter_scroll.setWidgetResizable(True)
        filter_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        filter_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.filter_scroll = filter_scroll
        self._fit_filter_width()

        self.model = RecordingsModel(self)
        self.model.dim_color = dim_color(self.palette())
        self.table = QTableView(self)
        self.table.setObjectName("recordingsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setCornerButtonEnabled(False)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vertical = self.table.verticalHeader()
        vertical.hide()
        # Fixed row heights: the view never measures a million rows.
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.setStretchLastSection(True)
        for index, column in enumerate(COLUMNS):
            self.table.setColumnWidth(index, column.width)
        for position, key in enumerate(SHOWN_ORDER):
            header.moveSection(header.visualIndex(COLUMN_INDEX[key]), position)
        header.sectionClicked.connect(self._header_clicked)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")
        # "New recordings were synced…" makes it long: it wraps rather than widening the window.
        self.count_label.setWordWrap(True)
        self.count_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.details_button = QToolButton(self)
        self.details_button.setObjectName("detailsToggle")
        self.details_button.setCheckable(True)
        self.details_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.details_button.toggled.connect(self.set_details_shown)
        results = QWidget(self)
        results_layout = QVBoxLayout(results)
        results_layout.setContentsMargins(0, 8, 0, 0)
        # Nothing to list: the step that leads on (connection, first sync, or clearing the filters)
        # takes the table's place; a list without agents gets a note pointing to the Directory tab.
        self.next_step = NextStep(results)
        self.next_step.setObjectName("emptyState")
        self.directory_note = NextStep(results, compact=True)
        self.directory_note.setObjectName("directoryNote")
        top = QHBoxLayout()
        top.addWidget(self.count_label, 1)
        self.review_button = ReviewButton(self)  # the results as a review playlist
        self.sample_action = self.review_button.sample_action
        top.addWidget(self.review_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignTop)
        results_layout.addLayout(top)
        results_layout.addWidget(self.directory_note)
        results_layout.addWidget(self.table, 1)
        results_layout.addWidget(self.next_step, 1)

        self.details = DetailsPane(self)
        self.details_scroll = details_scroll = QScrollArea(self)
        details_scroll.setWidget(self.details)
        details_scroll.setWidgetResizable(True)
        details_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        details_scroll.setMinimumWidth(280)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("recordingsSplitter")
        self.saved_searches = SavedSearchList(self)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(filter_scroll, 1)
        left_layout.addWidget(self.saved_searches)
        self.splitter.addWidget(left)
        self.splitter.addWidget(results)
        self.splitter.addWidget(details_scroll)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        # The details pane folds away (its button, or dragging the handle to the edge); the others stay.
        self.splitter.setCollapsible(0, False)
        self.splitter.setCollapsible(1, False)
        self.splitter.setCollapsible(2, True)
        self._details_width = 330
        self._splitter_restored = restore_splitter(SPLITTER_KEY, self.splitter)
        if not self._splitter_restored:
            self.splitter.setSizes([250, 820, 330])
        self.splitter.splitterMoved.connect(self._splitter_moved)

        self.player = PlayerWidget(self)
        self.player.setAutoFillBackground(True)
        self.player.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.player.unavailable.connect(self.show_banner)
        self.player.install_shortcuts(self)
        # A call split by a hold or a transfer: its segments and the gaps, above the player's timeline.
        self.mark_bar = ReviewMarkBar(self)  # heard share and the reviewed mark of the shown recording
        self.call_strip = CallStrip(self)
        self.call_strip.setAutoFillBackground(True)
        self.call_strip.setBackgroundRole(QPalette.ColorRole.AlternateBase)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        line = QWidget(self)
        line.setFixedHeight(1)
        line.setAutoFillBackground(True)
        line.setBackgroundRole(QPalette.ColorRole.Mid)
        layout.addWidget(line)
        self.review_bar = ReviewBar(self)  # the review playlist and "Resumed at"
        self.review_bar.setAutoFillBackground(True)
        self.review_bar.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        layout.addWidget(self.review_bar)
        layout.addWidget(self.call_strip)
        layout.addWidget(self.mark_bar)
        layout.addWidget(self.player)

        self.retranslateUi()

    # ---- what the controller shows ----------------------------------------------------------------

    def focus_search(self) -> None:
        """Ctrl+F (the main window's shortcut): the free-text filter, scrolled into view, its text selected."""
        edit = self.filters.text
        self.filter_scroll.ensureWidgetVisible(edit)
        edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        edit.selectAll()

    def show_searching(self) -> None:
        self._state = "searching"
        self._new_arrivals = False
        self._render_count()

    def show_results(self, rows: int, more: bool) -> None:
        self._state = "results"
        self._total = None if more else rows  # a single page is its own count
        self._more = more
        self._render_count()
        if rows:
            self.table.scrollToTop()
        self.selectionChanged.emit(None)

    def show_new_arrivals(self) -> None:
        self._new_arrivals = True
        self._render_count()

    def show_loaded_rows(self) -> None:
        self._render_count()

    def show_count(self, total: int) -> None:
        self._total = total
        self._render_count()

    def show_first_run(self, state: FirstRun | None) -> None:
        """Where the installation stands: it decides what an empty list says and leads to."""
        self._first_run = state
        self._render_count()

    def show_search_error(self, words: str) -> None:
        self._state, self._error = "error", words
        self._render_count()

    def show_detail(self, detail: RecordingDetail | None, message: str | None = None) -> None:
        self.details.show_detail(detail, message)
        if detail is None:
            self.player.set_recording(None, playable=False)
            self.call_strip.set_segments([])

    def show_banner(self, words: str) -> None:
        self.banner.setText(words)
        self.banner.setVisible(bool(words))

    def show_sort(self, sort: str, descending: bool) -> None:
        self._sort, self._descending = sort, descending
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(
            SORT_COLUMN.get(sort, 0), Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        )
        header.blockSignals(False)

    # ---- the details pane -------------------------------------------------------------------------

    def details_shown(self) -> bool:
        return self.splitter.sizes()[2] > 0

    def set_details_shown(self, shown: bool) -> None:
        sizes = self.splitter.sizes()
        if shown == (sizes[2] > 0):
            self._sync_details_button()
            return
        if shown:
            width = max(self._details_width, self.details_scroll.minimumWidth())
            sizes = [sizes[0], max(sizes[1] - width, 0), width]
        else:
            self._details_width = sizes[2]
            sizes = [sizes[0], sizes[1] + sizes[2], 0]
        self.splitter.setSizes(sizes)
        self._sync_details_button()
        save_splitter(SPLITTER_KEY, self.splitter)

    def _splitter_moved(self, _position: int, _index: int) -> None:
        if self.splitter.sizes()[2] > 0:
            self._details_width = self.splitter.sizes()[2]
        self._sync_details_button()
        save_splitter(SPLITTER_KEY, self.splitter)

    def _sync_details_button(self) -> None:
        shown = self.details_shown()
        self.details_button.blockSignals(True)
        self.details_button.setChecked(shown)
        self.details_button.blockSignals(False)
        self.details_button.setText(self.tr("Hide details") if shown else self.tr("Show details"))

    def showEvent(self, event: QShowEvent) -> None:
        if not self._splitter_restored:  # first run: fold the details where the table needs the room
            self._splitter_restored = True
            if self.window().width() < DETAILS_SHOWN_FROM:
                sizes = self.splitter.sizes()
                self.splitter.setSizes([sizes[0], sizes[1] + sizes[2], 0])
        self._sync_details_button()
        super().showEvent(event)

    def _fit_headers(self) -> None:
        fit_sections_to_titles(self.table.horizontalHeader())

    def _render_count(self) -> None:
        locale = QLocale()
        shown = self.model.rowCount()
        if self._state == "searching":
            text = self.tr("Searching…")
        elif self._state == "error":
            text = self._error
        elif self._state != "results":
            text = ""
        elif shown == 0:
            text = self.tr("No recordings match these filters.")
        elif self._total is None:
            text = self.tr("Showing %1 recordings (counting…)").replace("%1", locale.toString(shown))
        elif self._total == shown:
            text = self.tr("%n recording(s)", "", self._total)
        else:
            text = (
                self.tr("Showing %1 of %2 recordings")
                .replace("%1", locale.toString(shown))
                .replace("%2", locale.toString(self._total))
            )
        if self._new_arrivals and self._state == "results":
            text += "  " + self.tr("New recordings were synced: press Search to include them.")
        empty = self._state == "results" and shown == 0
        step = empty_step(self._first_run) if empty else None
        if step is not None and step.kind != "filters":
            text = ""  # the panel says it all
        self.count_label.setText(text)
        self.next_step.show_step(step)
        self.table.setVisible(step is None)
        self.directory_note.show_step(listed_step(self._first_run) if shown else None)

    # ---- intents ---------------------------------------------------------------------------------

    def _header_clicked(self, section: int) -> None:
        sort = COLUMNS[section].sort
        if sort is None:  # keep the indicator on the column the server sorts by
            self.show_sort(self._sort, self._descending)
            return
        # Same column: flip. A new one: newest / longest first, names A→Z.
        same = sort == self._sort
        descending = not self._descending if same else sort in ("start", "duration")
        self.model.sort(section, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_at(current.row()) if current.isValid() else None
        self.selectionChanged.emit(row.session_id if row is not None else None)

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )

    def select_session(self, session_id: str) -> bool:
        """Select the listed row of `session_id`, if the list shows it."""
        for row in range(self.model.rowCount()):
            item = self.model.row_at(row)
            if item is not None and item.session_id == session_id:
                self.select_row(row)
                return True
        return False

    # ---- language and palette ---------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        elif event.type() == QEvent.Type.PaletteChange:
            self.model.dim_color = dim_color(self.palette())
        super().changeEvent(event)

    def _fit_filter_width(self) -> None:
        """The filters' own minimum width plus the scroll bar's: a field is never cut at the right edge
        when the panel scrolls (Ukrainian labels are wider, so again after a language switch)."""
        bar = self.filter_scroll.verticalScrollBar().sizeHint().width()
        self.filter_scroll.setMinimumWidth(max(220, self.filters.minimumSizeHint().width() + bar))

    def retranslateUi(self) -> None:
        self._fit_filter_width()
        self.model.retranslate()
        self._fit_headers()
        self._sync_details_button()
        self._render_count()
        self.table.setToolTip("")
        self.filters.setToolTip("")
