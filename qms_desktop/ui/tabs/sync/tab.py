"""The Sync tab: status, live progress, last run, checkpoint, history, charts and quarantine.

The widget only shows what it is given and emits intents; `SyncController` does the work.
"""

from __future__ import annotations

import json

from qms_desktop.app.sync_dashboard import SyncDashboard
from qms_desktop.sync.engine import SyncProgress, SyncResult
from qms_desktop.ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QEvent,
    QFont,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QHideEvent,
    QItemSelectionModel,
    QLabel,
    QModelIndex,
    QPalette,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QShowEvent,
    QSpinBox,
    QSplitter,
    Qt,
    QTableView,
    QTabWidget,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from qms_desktop.ui.tabs.sync.charts import SyncCharts
from qms_desktop.ui.tabs.sync.models import (
    HistoryModel,
    QuarantineModel,
    duration_text,
    local_time,
    number,
    status_colour,
    status_text,
    trigger_text,
)

REFRESH_WHILE_VISIBLE_MS = 5000
INTERVAL_DEBOUNCE_MS = 700
COUNT_NAMES = ("fetched", "created", "updated", "skipped", "errors")


class SyncTab(QWidget):
    """Intents out (signals), state in (`show_*` methods)."""

    sync_requested = Signal()
    reset_requested = Signal()
    scheduler_toggled = Signal(bool)
    interval_changed = Signal(float)  # seconds, after the user stopped typing
    refresh_requested = Signal()
    more_quarantine_wanted = Signal(int)  # the last shown entry's id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncTab")
        self.history_model = HistoryModel(self)
        self.quarantine_model = QuarantineModel(self.more_quarantine_wanted.emit, self)
        self._status = "IDLE"
        self._running = False
        self._outside_history = False  # the last result has no history row (e.g. not configured): keep it shown
        # What is on screen, kept to be shown again in the new language after a language switch.
        self._last_progress: SyncProgress | None = None
        self._last_result: SyncResult | None = None
        self._last_snapshot: SyncDashboard | None = None
        self._last_message = ""

        # -- status --
        self.status_chip = QLabel()
        self.status_chip.setObjectName("syncStatusChip")
        self.status_chip.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status_chip.setMinimumWidth(110)
        self.status_detail = QLabel()
        self.status_detail.setWordWrap(True)
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(True)
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        self.progress_bar.setFormat("")
        self.live_counts = QLabel()
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()
        self.status_box = status_box = QGroupBox()
        status_layout = QGridLayout(status_box)
        status_layout.addWidget(self.status_chip, 0, 0)
        status_layout.addWidget(self.status_detail, 0, 1)
        status_layout.addWidget(self.progress_bar, 1, 0, 1, 2)
        status_layout.addWidget(self.live_counts, 2, 0, 1, 2)
        status_layout.addWidget(self.error_label, 3, 0, 1, 2)
        status_layout.setColumnStretch(1, 1)
        status_layout.setRowStretch(4, 1)

        # -- last run --
        self.count_labels: dict[str, QLabel] = {}
        self.last_box = last_box = QGroupBox()
        last_layout = QGridLayout(last_box)
        self.count_captions: list[QLabel] = []
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.35)
        big.setBold(True)
        for column, name in enumerate(COUNT_NAMES):
            value = QLabel("—")
            value.setFont(big)
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption = QLabel()
            self.count_captions.append(caption)
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            last_layout.addWidget(value, 0, column)
            last_layout.addWidget(caption, 1, column)
            self.count_labels[name] = value
        self.last_run_info = QLabel()
        self.last_run_info.setAlignment(Qt.AlignmentFlag.AlignCenter)
        last_layout.addWidget(self.last_run_info, 2, 0, 1, len(COUNT_NAMES))
        last_layout.setRowStretch(3, 1)

        # -- checkpoint --
        self.last_sync_label = QLabel("—")
        self.backfill_label = QLabel("—")
        self.backfill_bar = QProgressBar()
        self.backfill_bar.setMaximumHeight(14)
        self.backfill_bar.setTextVisible(False)
        self.quarantine_count_label = QLabel("0")
        self.checkpoint_box = checkpoint_box = QGroupBox()
        checkpoint_layout = QFormLayout(checkpoint_box)
        self.checkpoint_captions = [QLabel(), QLabel(), QLabel()]
        checkpoint_layout.addRow(self.checkpoint_captions[0], self.last_sync_label)
        checkpoint_layout.addRow(self.checkpoint_captions[1], self.backfill_label)
        checkpoint_layout.addRow("", self.backfill_bar)
        checkpoint_layout.addRow(self.checkpoint_captions[2], self.quarantine_count_label)

        top = QHBoxLayout()
        top.addWidget(status_box, 5)
        top.addWidget(last_box, 4)
        top.addWidget(checkpoint_box, 4)

        # -- controls --
        self.sync_button = QPushButton()
        self.sync_button.setDefault(True)
        self.reset_button = QPushButton()
        self.scheduler_check = QCheckBox()
        self.interval_spin = QSpinBox()
        self.interval_spin.setRange(1, 24 * 60)
        self.interval_spin.setValue(5)
        self.interval_spin.setAccelerated(True)
        controls = QHBoxLayout()
        controls.addWidget(self.sync_button)
        controls.addWidget(self.reset_button)
        controls.addStretch(1)
        controls.addWidget(self.scheduler_check)
        controls.addWidget(self.interval_spin)

        # -- history, charts, quarantine --
        self.history_view = self._table(self.history_model)
        self.history_view.horizontalHeader().setSectionResizeMode(
            self.history_model.column_index("error"), QHeaderView.ResizeMode.Stretch
        )
        self.charts = SyncCharts()
        self.quarantine_view = self._table(self.quarantine_model)
        self.quarantine_view.horizontalHeader().setSectionResizeMode(
            self.quarantine_model.column_index("reason"), QHeaderView.ResizeMode.Stretch
        )
        self.raw_view = QPlainTextEdit()
        self.raw_view.setReadOnly(True)
        self.raw_view.setFont(_monospace())
        self.quarantine_empty = QLabel(self.tr("No quarantined records — every record MediaSense sent could be read."))
        self.quarantine_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.quarantine_empty.setWordWrap(True)
        quarantine_list = QWidget()
        quarantine_list_layout = QVBoxLayout(quarantine_list)
        quarantine_list_layout.setContentsMargins(0, 0, 0, 0)
        quarantine_list_layout.addWidget(self.quarantine_empty, 1)
        quarantine_list_layout.addWidget(self.quarantine_view, 1)
        self.quarantine_view.hide()
        quarantine_split = QSplitter(Qt.Orientation.Vertical)
        quarantine_split.addWidget(quarantine_list)
        quarantine_split.addWidget(self.raw_view)
        quarantine_split.setSizes([200, 160])
        self.pages = QTabWidget()
        self.pages.setDocumentMode(True)
        self.pages.addTab(self.history_view, "")
        self.pages.addTab(self.charts, "")
        self.pages.addTab(quarantine_split, "")

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(controls)
        layout.addWidget(self.pages, 1)

        # -- intents --
        self.sync_button.clicked.connect(self.sync_requested)
        self.reset_button.clicked.connect(self.reset_requested)
        self.scheduler_check.toggled.connect(self.scheduler_toggled)
        self._interval_timer = QTimer(self)
        self._interval_timer.setSingleShot(True)
        self._interval_timer.setInterval(INTERVAL_DEBOUNCE_MS)  # one intent per edit, not per arrow click
        self._interval_timer.timeout.connect(lambda: self.interval_changed.emit(self.interval_spin.value() * 60.0))
        self.interval_spin.valueChanged.connect(lambda _v: self._interval_timer.start())
        self.quarantine_view.selectionModel().currentRowChanged.connect(self._show_raw)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(REFRESH_WHILE_VISIBLE_MS)
        self._refresh_timer.timeout.connect(self.refresh_requested)

        self._show_status("IDLE", "")
        self.retranslateUi()

    def _table(self, model: HistoryModel | QuarantineModel) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setHighlightSections(False)
        return view

    # ---- state in ---------------------------------------------------------------------------------

    def show_running(self, running: bool) -> None:
        self._running = running
        self.sync_button.setEnabled(not running)
        self.reset_button.setEnabled(not running)
        if running:
            self._outside_history = False
            self.error_label.hide()
            self._show_status("IN_PROGRESS", self.tr("Starting…"))
            self.progress_bar.setRange(0, 0)  # busy until the first progress report
            self.progress_bar.setFormat("")
            self.live_counts.setText("")
            self._last_progress, self._last_message = None, ""

    def show_progress(self, progress: SyncProgress) -> None:
        self._last_progress = progress
        if progress.phase == "backfill" and progress.backfill_days:
            detail = self.tr("Run %1 · backfill day %2 of %3").replace("%1", str(progress.run_id))
            detail = detail.replace("%2", str(progress.backfill_day or 0)).replace("%3", str(progress.backfill_days))
            self.progress_bar.setRange(0, progress.backfill_days)
            self.progress_bar.setValue(progress.backfill_day or 0)
            self.progress_bar.setFormat(self.tr("Day %v of %m"))
        else:
            phase = {
                "incremental": self.tr("new and changed calls"),
                "open": self.tr("calls still in progress"),
                "reconcile": self.tr("re-checking recent calls for late arrivals"),
            }
            detail = self.tr("Run %1 · %2").replace("%1", str(progress.run_id))
            detail = detail.replace("%2", phase.get(progress.phase, progress.phase))
            self.progress_bar.setRange(0, 0)
            self.progress_bar.setFormat("")
        self._show_status("IN_PROGRESS", detail)
        self._render_live_counts(progress)

    def _render_live_counts(self, progress: SyncProgress) -> None:
        """The progress summary under the status; it stays after the run, until the next one starts."""
        c = progress.counts
        self.live_counts.setText(
            self.tr("Pages %1 · fetched %2 · created %3 · updated %4 · errors %5")
            .replace("%1", number(c.pages))
            .replace("%2", number(c.fetched))
            .replace("%3", number(c.created))
            .replace("%4", number(c.updated))
            .replace("%5", number(c.errors))
        )

    def show_result(self, result: SyncResult) -> None:
        self._last_result = result
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(1 if result.status in ("SUCCESS", "PARTIAL") else 0)
        self.progress_bar.setFormat("")
        run = self.tr("Run %1").replace("%1", str(result.run_id)) if result.run_id else ""
        self._show_status(result.status, run)
        self._outside_history = not result.run_id
        self._set_counts(result.counts)
        if result.error:
            self.error_label.setText(result.error)
            self.error_label.show()
        else:
            self.error_label.hide()

    def show_message(self, text: str) -> None:
        """A passing note (e.g. "a sync is already running") under the status."""
        self._last_message = text
        self.live_counts.setText(text)
        self._last_progress = None

    def show_snapshot(self, snapshot: SyncDashboard) -> None:
        self._last_snapshot = snapshot
        self.history_model.set_rows(snapshot.runs)
        self.charts.set_data(snapshot.runs, snapshot.backfill_points, snapshot.backfill_total_days)
        self._show_quarantine(snapshot)
        cp = snapshot.checkpoint
        self.last_sync_label.setText(local_time(cp.last_sync_time_ms) if cp.last_sync_time_ms else self.tr("never"))
        total, done = snapshot.backfill_total_days, snapshot.backfill_done_days
        if cp.backfill_complete:
            self.backfill_label.setText(self.tr("complete (%1 days)").replace("%1", str(total)))
        elif total:
            self.backfill_label.setText(self.tr("%1 of %2 days").replace("%1", str(done)).replace("%2", str(total)))
        else:
            self.backfill_label.setText(self.tr("not started"))
        self.backfill_bar.setRange(0, max(total, 1))
        self.backfill_bar.setValue(total if cp.backfill_complete else done)
        if self._running or self._outside_history:
            return  # the live progress (or a failure before any run started) owns the status line
        last = snapshot.runs[0] if snapshot.runs else None
        status = snapshot.status
        self._show_status(status, self.tr("Run %1").replace("%1", str(last.id)) if last else self.tr("No sync yet"))
        if last is not None:
            self._set_counts(last.counts)
            self.last_run_info.setText(
                self.tr("%1 · %2 · %3").replace("%1", local_time(last.started_at_ms))
                .replace("%2", duration_text(last.duration_ms)).replace("%3", trigger_text(last.trigger))
            )  # fmt: skip
            if status in ("FAILED", "PARTIAL", "INTERRUPTED") and last.error_summary:
                self.error_label.setText(last.error_summary)
                self.error_label.show()
            elif status == "SUCCESS":
                self.error_label.hide()

    def add_quarantine_page(self, rows: list) -> None:  # list[QuarantineEntry]
        self.quarantine_model.add_page(rows)

    def set_scheduler_state(self, enabled: bool, interval_s: float) -> None:
        for widget in (self.scheduler_check, self.interval_spin):
            widget.blockSignals(True)  # showing the state is not a user intent
        self.scheduler_check.setChecked(enabled)
        self.interval_spin.setValue(max(1, round(interval_s / 60)))
        for widget in (self.scheduler_check, self.interval_spin):
            widget.blockSignals(False)

    # ---- helpers ----------------------------------------------------------------------------------

    @property
    def status(self) -> str:
        return self._status

    def _dark(self) -> bool:
        return self.palette().color(QPalette.ColorRole.Base).lightness() < 128

    def _show_status(self, status: str, detail: str) -> None:
        self._status = status
        colour = status_colour(status, self._dark())
        text_colour = "#000000" if colour.lightness() > 150 else "#ffffff"
        self.status_chip.setText(status_text(status).upper())
        self.status_chip.setStyleSheet(
            f"QLabel#syncStatusChip {{ background: {colour.name()}; color: {text_colour};"
            " border-radius: 4px; padding: 4px 10px; font-weight: bold; }"
        )
        self.status_detail.setText(detail)
        error = status_colour("FAILED", self._dark()).name()
        self.error_label.setStyleSheet(f"color: {error};")

    def _set_counts(self, counts: object) -> None:
        for name, label in self.count_labels.items():
            label.setText(number(getattr(counts, name)))
        errors = getattr(counts, "errors", 0)
        colour = status_colour("FAILED", self._dark()).name() if errors else ""
        self.count_labels["errors"].setStyleSheet(f"color: {colour};" if colour else "")

    def _show_quarantine(self, snapshot: SyncDashboard) -> None:
        selected = self.quarantine_view.currentIndex()
        selected_id = self.quarantine_model.row(selected.row()).id if selected.isValid() else None
        self.quarantine_model.set_page(snapshot.quarantine, snapshot.quarantine_total)
        self.quarantine_count_label.setText(number(snapshot.quarantine_total))
        self.quarantine_empty.setVisible(snapshot.quarantine_total == 0)
        self.quarantine_view.setVisible(snapshot.quarantine_total > 0)
        self.raw_view.setVisible(snapshot.quarantine_total > 0)
        self.pages.setTabText(2, self.tr("Quarantine (%1)").replace("%1", number(snapshot.quarantine_total)))
        if selected_id is not None:  # keep the selection across refreshes
            for row, entry in enumerate(self.quarantine_model.rows):
                if entry.id == selected_id:
                    self.quarantine_view.selectionModel().setCurrentIndex(
                        self.quarantine_model.index(row, 0),
                        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                    )
                    break

    def _show_raw(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.raw_view.clear()
            return
        entry = self.quarantine_model.row(current.row())
        try:
            text = json.dumps(json.loads(entry.raw), indent=2, ensure_ascii=False, sort_keys=True)
        except ValueError:
            text = entry.raw  # not JSON: show it as it came
        header = self.tr("Reason: %1").replace("%1", entry.reason)
        self.raw_view.setPlainText(f"{header}\n\n{text}")

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._refresh_timer.start()
        self.refresh_requested.emit()

    def hideEvent(self, event: QHideEvent) -> None:
        self._refresh_timer.stop()
        super().hideEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        elif event.type() == QEvent.Type.PaletteChange:
            self.history_model.dark = self._dark()
            self._show_status(self._status, self.status_detail.text())
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.status_box.setTitle(self.tr("Status"))
        self.last_box.setTitle(self.tr("Last run"))
        titles = (self.tr("Fetched"), self.tr("Created"), self.tr("Updated"), self.tr("Skipped"), self.tr("Errors"))
        for caption, title in zip(self.count_captions, titles, strict=True):
            caption.setText(title)
        self.checkpoint_box.setTitle(self.tr("Checkpoint"))
        for caption, title in zip(
            self.checkpoint_captions,
            (self.tr("Last sync:"), self.tr("Backfill:"), self.tr("Quarantined:")),
            strict=True,
        ):
            caption.setText(title)
        self.sync_button.setText(self.tr("Sync now"))
        self.reset_button.setText(self.tr("Reset…"))
        self.reset_button.setToolTip(self.tr("Forget the checkpoint: the next sync starts over with a backfill"))
        self.scheduler_check.setText(self.tr("Sync automatically every"))
        self.interval_spin.setSuffix(self.tr(" min"))
        self.raw_view.setPlaceholderText(self.tr("Select a record to see what MediaSense sent"))
        self.pages.setTabText(0, self.tr("History"))
        self.pages.setTabText(1, self.tr("Charts"))
        self.pages.setTabText(2, self.tr("Quarantine"))
        # What the card and the tables show, again in the new language (status, progress summary, runs).
        if self._last_snapshot is not None:
            self.show_snapshot(self._last_snapshot)
        else:
            self._show_status(self._status, self.status_detail.text())
        if self._last_result is not None and (self._outside_history or self._last_snapshot is None):
            self.show_result(self._last_result)
        if self._last_progress is not None:
            if self._running:
                self.show_progress(self._last_progress)
            else:
                self._render_live_counts(self._last_progress)
        elif self._last_message:
            self.live_counts.setText(self._last_message)


def _monospace() -> QFont:
    font = QFont("monospace")
    font.setStyleHint(QFont.StyleHint.TypeWriter)
    return font
